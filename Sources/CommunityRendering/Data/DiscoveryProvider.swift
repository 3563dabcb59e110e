/// Site search over every kind of content and topic pages, always as the viewer may see
/// them: an item the viewer may not read is never listed and never counted.
public protocol DiscoveryProvider: Sendable {
    /// Items of every kind (or the requested kinds) matching the text, best first.
    func search(_ request: SiteSearchRequest, viewer: Viewer) throws -> SiteSearchResults
    /// The topic a URL name means (case-insensitively) as seen on a site; `nil` when there is none.
    func topic(named name: String, locale: String, articleLocales: Set<String>, site: String?, viewer: Viewer, limit: Int) throws -> TopicView?
    /// Every topic the viewer may browse on a site with how many visible items carry it (articles
    /// counted in `articleLocales` only, as the topic page lists them).
    func topics(articleLocales: Set<String>, site: String?, viewer: Viewer) throws -> [TopicSummary]
}
