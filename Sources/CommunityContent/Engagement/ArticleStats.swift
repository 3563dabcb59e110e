public import CommunityModel

/// Running totals of an article's engagement, updated in the same transaction as each vote,
/// rating or counted view.
public struct ArticleStats: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "ArticleStats"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<ArticleStats>] {
        [IndexedField("views") { .number(Double($0.views)) }]
    }

    /// The same string as the article's id.
    public var id: ID<ArticleStats>
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// Counted views (once per member and period).
    public var views: Int = 0
    /// "Helpful" answers.
    public var helpful: Int = 0
    /// "Not helpful" answers.
    public var notHelpful: Int = 0
    /// Sum and count of star ratings.
    public var ratingSum: Int = 0
    /// How many members rated.
    public var ratingCount: Int = 0

    /// Mean stars, or `nil` without ratings.
    public var averageRating: Double? { ratingCount == 0 ? nil : Double(ratingSum) / Double(ratingCount) }

    /// Empty totals for an article.
    public init(articleID: ID<KnowledgeArticle>) {
        self.id = articleID.retyped()
        self.articleID = articleID
    }
}
