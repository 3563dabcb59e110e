import CommunityModel
import CommunityEngagement
import CommunityRendering

/// Site search's query log: the results page logs each search here and the click-tracking link
/// records the result followed, through the facade (``Community/logSearch(_:resultCount:site:viewer:)``).
/// A failed write loses one log line, never the search.
struct SearchQueryLogRecorder: SearchQueryLog {
    let link: CommunityLink

    func logSearch(_ query: String, resultCount: Int, site: String, viewer: Viewer) -> String? {
        guard !SearchQueryLogEntry.normalize(query).isEmpty else { return nil }
        return (try? link.community?.logSearch(query, resultCount: resultCount, site: site, viewer: viewer))?.rawValue
    }

    func recordClick(entry: String, position: Int, site: String) {
        recordClick(entry: entry, position: position, item: nil, site: site)
    }

    func recordClick(entry: String, position: Int, item: String?, site: String) {
        guard let id = try? ID<SearchQueryLogEntry>(parsing: entry) else { return }
        try? link.community?.recordSearchClick(id, position: position, site: site, item: item)
    }
}
