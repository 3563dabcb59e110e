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
}
