public import CommunityModel
public import Foundation

/// One award in the reputation ledger, for leaderboards per period.
public struct PointsEntry: Entity, Hashable {
    public static let entityType: EntityType = "PointsEntry"
    /// Only the time is indexed (leaderboards per period); nothing looks entries up by member.
    public static var indexedFields: [IndexedField<PointsEntry>] {
        [IndexedField("at") { .dateTime($0.at) }]
    }

    public var id: ID<PointsEntry>
    public var memberID: ID<User>
    public var action: ReputationRules.Action
    public var points: Int
    /// Topics of the content that earned them.
    public var topics: [String]
    public var at: Date
    /// The site the points were earned in; `nil` for engine-wide content (and entries stored
    /// before sites were scoped).
    public var siteID: String?

    /// Creates an entry.
    public init(memberID: ID<User>, action: ReputationRules.Action, points: Int, topics: [String], at: Date, siteID: String? = nil) {
        self.id = CompactID.make(prefix: "pt")
        self.memberID = memberID
        self.action = action
        self.points = points
        self.topics = topics
        self.at = at
        self.siteID = siteID
    }
}
