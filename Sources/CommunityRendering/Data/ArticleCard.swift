public import Foundation

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
