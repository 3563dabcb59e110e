public import CommunityModel
public import Foundation

/// A member's "was this helpful?" answer on an article: one per member, changeable.
public struct ArticleFeedback: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "ArticleFeedback"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<ArticleFeedback>] {
        [IndexedField("articleID") { .reference($0.articleID.rawValue) }]
    }

    /// The identifier.
    public var id: ID<ArticleFeedback>
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// The member.
    public var userID: ID<User>
    /// Whether the member found it helpful.
    public var helpful: Bool
    /// When the member last answered.
    public var at: Date
    /// The site the member voted in; `nil` outside any site.
    public var siteID: String?

    /// Creates feedback; the id is derived from article and member.
    public init(articleID: ID<KnowledgeArticle>, userID: ID<User>, helpful: Bool, at: Date, siteID: String? = nil) {
        self.id = StableID.make("fb", articleID.rawValue, userID.rawValue)
        self.articleID = articleID
        self.userID = userID
        self.helpful = helpful
        self.at = at
        self.siteID = siteID
    }
}
