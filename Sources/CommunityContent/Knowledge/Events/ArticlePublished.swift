public import CommunityModel
public import Foundation

/// A version went live in its locale (replacing the previous published one, now archived).
public struct ArticlePublished: DomainEvent, Hashable {
    /// The event's stable name.
    public static let name = "article.published"
    /// The article.
    public let articleID: ID<KnowledgeArticle>
    /// The locale of the version.
    public let locale: String
    /// The version number.
    public let version: Int
    /// Who did it.
    public let userID: ID<User>
    /// When it happened, by the engine clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(articleID: ID<KnowledgeArticle>, locale: String, version: Int, userID: ID<User>, occurredAt: Date) {
        self.articleID = articleID
        self.locale = locale
        self.version = version
        self.userID = userID
        self.occurredAt = occurredAt
    }
}
