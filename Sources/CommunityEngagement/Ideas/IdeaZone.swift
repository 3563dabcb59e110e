public import CommunityModel
public import Foundation

/// A place where members submit and vote on ideas, with its categories.
public struct IdeaZone: Entity, Hashable {
    public static let entityType: EntityType = "IdeaZone"

    public var id: ID<IdeaZone>
    public var name: String
    /// Categories ideas in this zone are filed under.
    public var categories: [String]
    /// Half-life of a vote's weight in the trending order, in hours.
    public var trendingHalfLifeHours: Double
    public var createdAt: Date
    /// The site the zone belongs to (its ideas belong there too); `nil` for an engine-wide zone,
    /// which every site shows (zones stored before sites were scoped decode so).
    public var siteID: String?

    /// Creates a zone.
    public init(id: ID<IdeaZone>, name: String, categories: [String], trendingHalfLifeHours: Double = 72, createdAt: Date,
        siteID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.categories = categories
        self.trendingHalfLifeHours = trendingHalfLifeHours
        self.createdAt = createdAt
        self.siteID = siteID
    }
}
