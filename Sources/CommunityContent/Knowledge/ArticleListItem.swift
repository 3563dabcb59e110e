public import CommunityModel
public import Foundation

/// A line of an article list (most viewed, recently updated, trending): the version a
/// reader gets in their locale.
public struct ArticleListItem: Sendable, Hashable {
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// The locale of the version shown (the reader's, or the master's as a fallback).
    public var locale: String
    /// Title and summary of that version.
    public var title: String
    /// The summary of that version.
    public var summary: String
    /// Its current slug, if any.
    public var slug: String?
    /// When that version was published.
    public var publishedAt: Date?
    /// The figure the list is ordered by (views, recent views), or 0.
    public var figure: Int

    /// Creates a summary.
    public init(
        articleID: ID<KnowledgeArticle>, locale: String, title: String, summary: String, slug: String?,
        publishedAt: Date?, figure: Int
    ) {
        self.articleID = articleID
        self.locale = locale
        self.title = title
        self.summary = summary
        self.slug = slug
        self.publishedAt = publishedAt
        self.figure = figure
    }
}
