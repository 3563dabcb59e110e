public import CommunityModel
public import Foundation

/// That a member viewed an article in a period (a day by default): views count once per
/// member and period because the id is derived from all three.
public struct ArticleViewRecord: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "ArticleViewRecord"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<ArticleViewRecord>] {
        [IndexedField("periodStart") { .dateTime($0.periodStart) }]
    }

    /// The identifier.
    public var id: ID<ArticleViewRecord>
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// The member.
    public var userID: ID<User>
    /// The start of the counting period.
    public var periodStart: Date
    /// The site the article was viewed in (the first view of the period); `nil` outside any site.
    public var siteID: String?

    /// Creates a view record.
    public init(articleID: ID<KnowledgeArticle>, userID: ID<User>, periodStart: Date, siteID: String? = nil) {
        // Whole seconds; a clock far outside Int64 (or NaN) still gets a stable key instead of a trap.
        let seconds = periodStart.timeIntervalSince1970.rounded(.towardZero)
        self.id = StableID.make(
            "vw", articleID.rawValue, userID.rawValue, Int64(exactly: seconds).map(String.init) ?? "\(seconds)")
        self.articleID = articleID
        self.userID = userID
        self.periodStart = periodStart
        self.siteID = siteID
    }
}
