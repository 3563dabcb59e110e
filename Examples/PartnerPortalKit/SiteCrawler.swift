import CommunityKit
import DevServer

/// Visits every page reachable from some start pages for one viewer, following the links
/// the pages draw, and notes each link that does not resolve.
struct SiteCrawler {
    /// One page visited.
    struct Visit: Sendable {
        var path: String
        var query: [String: String]
        var status: Int
        var contentType: String
        var body: String
    }

    /// A link the site drew that led to an error status (or could not be followed).
    struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        var page: String
        var href: String
        var status: Int?

        var description: String { "\(page) → \(href): " + (status.map { "\($0)" } ?? "malformed") }
    }

    /// Answers a GET of a path (percent-encoded) with a query.
    let fetch: (String, [String: String]) -> Visit
    /// Only paths starting with one of these are followed (other local links are still checked).
    let prefixes: [String]
    /// Paths starting with one of these are checked but not followed (the builder, crawled on its own).
    var excluded: [String] = []
    /// At most this many pages are visited.
    var maxPages = 400

    /// The pages visited, in order, and the broken links found.
    func crawl(from starts: [String]) -> (visits: [Visit], broken: [BrokenLink]) {
        var seen: Set<String> = []
        var queue: [(String, [String: String])] = starts.map { ($0, [:]) }
        var visits: [Visit] = []
        var broken: Set<BrokenLink> = []
        var checked: [String: Int] = [:]
        for start in starts { seen.insert(Self.key(start, [:])) }
        var index = 0
        while index < queue.count, visits.count < maxPages {
            let (path, query) = queue[index]
            index += 1
            let visit = fetch(path, query)
            visits.append(visit)
            guard visit.contentType.hasPrefix("text/html") else { continue }
            let page = path + (query.isEmpty ? "" : "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&"))
            for href in Set(PageLinks.links(in: visit.body)) {
                switch PageLinks.target(of: href, from: path) {
                case .elsewhere:
                    continue
                case .malformed:
                    broken.insert(BrokenLink(page: page, href: href, status: nil))
                case .local(let target, let targetQuery):
                    let key = Self.key(target, targetQuery)
                    if prefixes.contains(where: { target.hasPrefix($0) }), !excluded.contains(where: { target.hasPrefix($0) }) {
                        if seen.insert(key).inserted { queue.append((target, targetQuery)) }
                    }
                    let status = checked[key] ?? fetch(target, targetQuery).status
                    checked[key] = status
                    if status == 404 || status >= 500 { broken.insert(BrokenLink(page: page, href: href, status: status)) }
                }
            }
        }
        return (visits, broken.sorted { $0.description < $1.description })
    }

    private static func key(_ path: String, _ query: [String: String]) -> String {
        path + "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
}

extension SiteCrawler {
    /// A crawler of the portal for one viewer, through the same code the server runs.
    /// The builders (`/partners/builder`, `/help/builder`) are checked but not followed unless
    /// `prefixes` names them.
    init(portal: Portal, viewer: Viewer, prefixes: [String] = ["/partners", "/help"]) {
        let community = portal.community
        self.init(fetch: { path, query in
            let response = community.handle(SiteRequest(.get, path, query: query, viewer: viewer))
            return Visit(path: path, query: query, status: response.status, contentType: response.headers["Content-Type"] ?? "", body: response.body)
        }, prefixes: prefixes)
        excluded = ["/partners/builder", "/help/builder"].filter { builder in !prefixes.contains { $0.hasPrefix(builder) } }
    }
}
