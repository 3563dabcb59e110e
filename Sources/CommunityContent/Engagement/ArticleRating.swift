public import CommunityModel
public import Foundation

/// A member's star rating (1 to 5) of an article: one per member, changeable.
public struct ArticleRating: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "ArticleRating"

    /// The identifier.
    public var id: ID<ArticleRating>
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// The member.
    public var userID: ID<User>
    /// 1 to 5.
    public var stars: Int
    /// When the member acted.
    public var at: Date
    /// The site the member rated it in; `nil` outside any site.
    public var siteID: String?

    /// Creates a rating; the id is derived from article and member.
    public init(articleID: ID<KnowledgeArticle>, userID: ID<User>, stars: Int, at: Date, siteID: String? = nil) {
        self.id = StableID.make("rt", articleID.rawValue, userID.rawValue)
        self.articleID = articleID
        self.userID = userID
        self.stars = stars
        self.at = at
        self.siteID = siteID
    }
}
