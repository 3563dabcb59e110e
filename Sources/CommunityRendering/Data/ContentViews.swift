public import Foundation

/// Text that is either plain (escaped on output) or already sanitised markup.
public enum RichText: Sendable, Hashable {
    /// Plain text; paragraphs split on blank lines.
    case plain(String)
    /// Markup that passed the sanitiser.
    case sanitized(TrustedHTML)

    /// The text as nodes.
    public var node: HTMLNode {
        switch self {
        case .sanitized(let html): .trusted(html)
        case .plain(let text):
            .fragment(text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { HTMLNode.el("p", text: $0) })
        }
    }
}

/// A knowledge article in a list, as the viewer may see it.
public struct ArticleCard: Sendable, Hashable {
    /// The article's id.
    public var id: String
    /// The URL slug.
    public var slug: String
    /// The title in the shown language.
    public var title: String
    /// A short summary.
    public var summary: String
    /// The language shown (`en_US`, `de_DE`, `ko_KR`).
    public var locale: String
    /// Topic names.
    public var topics: [String]
    /// When last published.
    public var updated: Date?

    /// A summary.
    public init(id: String, slug: String, title: String, summary: String, locale: String, topics: [String] = [], updated: Date? = nil) {
        self.id = id
        self.slug = slug
        self.title = title
        self.summary = summary
        self.locale = locale
        self.topics = topics
        self.updated = updated
    }
}

/// A whole article.
public struct ArticleDisplay: Sendable, Hashable {
    /// The summary fields.
    public var summary: ArticleCard
    /// The body.
    public var body: RichText
    /// "Was this helpful" votes: yes and no.
    public var helpfulYes: Int, helpfulNo: Int

    /// An article.
    public init(summary: ArticleCard, body: RichText, helpfulYes: Int = 0, helpfulNo: Int = 0) {
        self.summary = summary
        self.body = body
        self.helpfulYes = helpfulYes
        self.helpfulNo = helpfulNo
    }
}

/// A topic with how many items it tags.
public struct TopicSummary: Sendable, Hashable {
    /// The topic's name (its URL parameter).
    public var name: String
    /// A description.
    public var description: String
    /// How many items carry it.
    public var itemCount: Int

    /// A topic.
    public init(name: String, description: String = "", itemCount: Int = 0) {
        self.name = name
        self.description = description
        self.itemCount = itemCount
    }
}

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
