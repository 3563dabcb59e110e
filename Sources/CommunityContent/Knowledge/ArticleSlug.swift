public import CommunityModel
public import Foundation

/// A URL slug of an article in one locale. The current slug and every earlier one (kept
/// as an alias) resolve to the article; the id is derived from locale and text, so a slug
/// can belong to one article only.
public struct ArticleSlug: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "ArticleSlug"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<ArticleSlug>] {
        [IndexedField("articleID") { .reference($0.articleID.rawValue) }]
    }

    /// The identifier.
    public var id: ID<ArticleSlug>
    /// The article it resolves to.
    public var articleID: ID<KnowledgeArticle>
    /// The locale.
    public var locale: String
    /// The slug text, such as `rechnungsadresse-aendern` or `비밀번호-재설정`.
    public var slug: String
    /// Whether this is the article's current slug in the locale (others are aliases).
    public var isCurrent: Bool
    /// When it was created.
    public var createdAt: Date

    /// The id of a locale's slug.
    public static func makeID(locale: String, slug: String) -> ID<ArticleSlug> {
        StableID.make("slug", locale, slug)
    }

    /// Creates a slug row.
    public init(articleID: ID<KnowledgeArticle>, locale: String, slug: String, isCurrent: Bool, createdAt: Date) {
        self.id = Self.makeID(locale: locale, slug: slug)
        self.articleID = articleID
        self.locale = locale
        self.slug = slug
        self.isCurrent = isCurrent
        self.createdAt = createdAt
    }
}
