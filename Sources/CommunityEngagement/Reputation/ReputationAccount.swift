public import CommunityModel

/// A member's reputation: total points, points per topic, today's points per action (for caps)
/// and lifetime counts per action (for badge criteria).
///
/// No field is indexed: ``Reputation/leaderboard(limit:)`` ranks accounts in memory, so an
/// award writes only the account and its ledger entry.
public struct ReputationAccount: Entity, Hashable {
    public static let entityType: EntityType = "ReputationAccount"

    /// Same string as the member's id.
    public var id: ID<ReputationAccount>
    public var memberID: ID<User>
    public var points: Int
    /// Points earned per topic (for experts and topic leaderboards).
    public var topicPoints: [String: Int]
    /// The day (`yyyy-MM-dd`, UTC) the daily tallies are for.
    public var day: String
    /// Points earned today per action.
    public var todayByAction: [ReputationRules.Action: Int]
    /// Points earned today in total.
    public var today: Int
    /// How often each action earned points, ever.
    public var counts: [ReputationRules.Action: Int]
    /// The current level's name.
    public var level: String?

    /// A fresh account.
    public init(memberID: ID<User>) {
        self.id = memberID.retyped()
        self.memberID = memberID
        self.points = 0
        self.topicPoints = [:]
        self.day = ""
        self.todayByAction = [:]
        self.today = 0
        self.counts = [:]
        self.level = nil
    }
}
