public import CommunityModel
public import Foundation

/// One numbered version of an article in one locale, with its own lifecycle.
public struct ArticleVersion: Entity, Hashable {
    /// The lifecycle state of a version.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Being written; not visible to readers.
        case draft
        /// Live: what readers of this locale see.
        case published
        /// Retired: kept in the history, visible to nobody but authors.
        case archived
    }

    /// The store table name.
    public static let entityType: EntityType = "KnowledgeArticleVersion"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<ArticleVersion>] {
        [
            IndexedField("articleID") { .reference($0.articleID.rawValue) },
            IndexedField("status") { .picklist($0.status.rawValue) },
            IndexedField("publishedAt") { $0.status == .published ? $0.publishedAt.map(FieldValue.dateTime) : nil },
        ]
    }

    /// The identifier.
    public var id: ID<ArticleVersion>
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// The locale, such as `de_DE`.
    public var locale: String
    /// 1, 2, 3… per article and locale.
    public var number: Int
    /// The lifecycle state.
    public var status: Status
    /// The title (plain text).
    public var title: String
    /// A short summary (plain text).
    public var summary: String
    /// The body (plain text or markup the rendering layer sanitises).
    public var body: String
    /// Who wrote this version.
    public var authorID: ID<User>
    /// When the version was created.
    public var createdAt: Date
    /// When it was last edited.
    public var updatedAt: Date
    /// When it was published.
    public var publishedAt: Date?
    /// When it was archived.
    public var archivedAt: Date?
    /// The version this one was restored from, if any.
    public var restoredFrom: Int?

    /// The id of a given version.
    public static func makeID(article: ID<KnowledgeArticle>, locale: String, number: Int) -> ID<ArticleVersion> {
        let localeKey = String(locale.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0 == "-") }.map(Character.init))
        return ID("\(article.rawValue).\(localeKey).\(number)".suffix(64).description)  // trap-safe: id, ASCII letters/_/- and digits, cut to 64 characters
    }

    /// Creates a version.
    public init(
        articleID: ID<KnowledgeArticle>, locale: String, number: Int, status: Status, title: String, summary: String,
        body: String, authorID: ID<User>, createdAt: Date
    ) {
        self.id = Self.makeID(article: articleID, locale: locale, number: number)
        self.articleID = articleID
        self.locale = locale
        self.number = number
        self.status = status
        self.title = title
        self.summary = summary
        self.body = body
        self.authorID = authorID
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}
