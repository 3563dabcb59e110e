import CommunityModel
import Foundation

extension SiteResponder {
    /// The path segments of the search click-tracking link: `GET <prefix>/_search/click?e=…&p=…&to=…&i=…`
    /// (`i`, the item followed as `kind:id`, is optional).
    static let searchClickSegments = ["_search", "click"]

    /// Characters left as they are in a query value: ASCII unreserved ones and `/`.
    private static let clickValueCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    /// The click-tracking link of the result at `position` (1-based) of logged search `entry`,
    /// leading to `target`; `target` itself when it is not a path of this site.
    public static func searchClickURL(site: Site, entry: String, position: Int, target: SafeURL, item: String? = nil) -> SafeURL {
        guard let local = site.returnTarget(target.string),
              let encodedTarget = local.string.addingPercentEncoding(withAllowedCharacters: clickValueCharacters),
              let encodedEntry = entry.addingPercentEncoding(withAllowedCharacters: clickValueCharacters)
        else { return target }
        let base = SafeURL.path(searchClickSegments, prefix: site.urlPrefix)
        var link = base.string + "?e=" + encodedEntry + "&p=\(max(1, position))&to=" + encodedTarget
        if let item, item.count <= 200, let encodedItem = item.addingPercentEncoding(withAllowedCharacters: clickValueCharacters) {
            link += "&i=" + encodedItem
        }
        return SafeURL(link) ?? target
    }

    /// Answers the click-tracking link: records the click through the ``SearchQueryLog`` service
    /// and redirects (303) to `to` when it is a path of this site; any other target (another
    /// site, another host, `//host`, a scheme) is refused with 400 and nothing is recorded, so
    /// the link is never an open redirect. `nil` when the path is not the link's.
    func searchClick(_ request: SiteRequest, relative: String) -> SiteResponse? {
        guard relative == "/" + Self.searchClickSegments.joined(separator: "/") else { return nil }
        guard let target = site.returnTarget(request.query["to"]) else {
            return SiteResponse(status: 400, headers: SecurityHeaders.forText("text/plain; charset=utf-8"), body: "Bad Request: the target is not a page of this site")
        }
        if let entry = request.query["e"], !entry.isEmpty, entry.count <= 64,
           let position = request.query["p"].flatMap({ Int($0) }), (1...1000).contains(position) {
            let item = request.query["i"].flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
            services.get((any SearchQueryLog).self)?.recordClick(entry: entry, position: position, item: item, site: site.id)
        }
        return SiteResponse(status: 303, headers: ["Location": target.string, "Cache-Control": "no-store"])
    }
}
