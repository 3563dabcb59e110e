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

    /// Creates an entry.
    public init(memberID: ID<User>, action: ReputationRules.Action, points: Int, topics: [String], at: Date) {
        self.id = CompactID.make(prefix: "pt")
        self.memberID = memberID
        self.action = action
        self.points = points
        self.topics = topics
        self.at = at
    }
}
