/// Where site search logs its queries and the results people follow (the search KPIs). The
/// results page logs each search and gives every result a click-tracking link
/// (``SiteResponder/searchClickURL(site:entry:position:target:item:)``) that records the click here
/// and redirects to the result, only ever to a path of the same site.
public protocol SearchQueryLog: Sendable {
    /// Logs a search on a site and returns the log entry's id (`nil` when nothing was logged).
    func logSearch(_ query: String, resultCount: Int, site: String, viewer: Viewer) -> String?
    /// Records that the result at a 1-based position of a logged search of the site was followed.
    func recordClick(entry: String, position: Int, site: String)
    /// Records that the result at a 1-based position, the item `kind:id`, of a logged search of
    /// the site was followed (click learning learns from the item).
    func recordClick(entry: String, position: Int, item: String?, site: String)
}

extension SearchQueryLog {
    /// Records the position only, for logs that do not learn from items.
    public func recordClick(entry: String, position: Int, item: String?, site: String) {
        recordClick(entry: entry, position: position, site: site)
    }
}
