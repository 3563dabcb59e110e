/// Knowledge articles and topics, always as the viewer may see them.
public protocol KnowledgeProvider: Sendable {
    /// Articles matching a query, best first.
    func search(_ query: String, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard]
    /// Recent articles, optionally of a topic.
    func articles(topic: String?, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard]
    /// One article by slug; `nil` when missing or not visible.
    func article(slug: String, locale: String, viewer: Viewer) throws -> ArticleDisplay?
    /// Topics the viewer may browse.
    func topics(viewer: Viewer) throws -> [TopicSummary]
    /// Records a "was this helpful" vote.
    func vote(articleID: String, helpful: Bool, viewer: Viewer) throws
    /// The most viewed articles, best first (a default lists the recent ones).
    func popularArticles(locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard]
    /// Counts a view of an article the viewer opened (a default counts nothing).
    func recordView(articleID: String, viewer: Viewer) throws
}

extension KnowledgeProvider {
    /// The articles viewed most, best first; by default the recent ones (a provider without view counts).
    public func popularArticles(locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        try articles(topic: nil, locale: locale, viewer: viewer, limit: limit)
    }

    /// Counts a view of an article the viewer opened (a member once per period; a guest once per
    /// browser session and period). By default nothing is counted.
    public func recordView(articleID: String, viewer: Viewer) throws {}
}
