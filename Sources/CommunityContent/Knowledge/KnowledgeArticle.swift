public import CommunityModel
public import Foundation

/// A knowledge article: what stays the same across its versions and translations.
public struct KnowledgeArticle: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "KnowledgeArticle"

    /// The identifier.
    public var id: ID<KnowledgeArticle>
    /// A human-readable number, such as `000123`, unique per store.
    public var articleNumber: String
    /// The language the article is written in first; readers without a translation get it.
    public var masterLocale: String
    /// Data categories the article is classified in.
    public var categoryIDs: [ID<DataCategory>]
    /// Channels the article is shown in.
    public var channels: Set<KnowledgeChannel>
    /// Who created it.
    public var createdBy: ID<User>
    /// When it was created.
    public var createdAt: Date

    /// Creates an article record.
    public init(
        id: ID<KnowledgeArticle>, articleNumber: String, masterLocale: String, categoryIDs: [ID<DataCategory>],
        channels: Set<KnowledgeChannel>, createdBy: ID<User>, createdAt: Date
    ) {
        self.id = id
        self.articleNumber = articleNumber
        self.masterLocale = masterLocale
        self.categoryIDs = categoryIDs
        self.channels = channels
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
