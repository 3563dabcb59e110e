/// Where site search logs its queries and the results people follow (the search KPIs). The
/// results page logs each search and gives every result a click-tracking link
/// (``SiteResponder/searchClickURL(site:entry:position:target:)``) that records the click here
/// and redirects to the result, only ever to a path of the same site.
public protocol SearchQueryLog: Sendable {
    /// Logs a search on a site and returns the log entry's id (`nil` when nothing was logged).
    func logSearch(_ query: String, resultCount: Int, site: String, viewer: Viewer) -> String?
    /// Records that the result at a 1-based position of a logged search of the site was followed.
    func recordClick(entry: String, position: Int, site: String)
}
