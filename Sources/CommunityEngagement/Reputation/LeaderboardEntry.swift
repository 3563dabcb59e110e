public import CommunityModel

/// One row of a leaderboard.
public struct LeaderboardEntry: Hashable, Sendable {
    public var memberID: ID<User>
    public var points: Int
    /// 1-based rank.
    public var rank: Int
}

/// A member recommendation, with why.
public struct Recommendation<Subject: Hashable & Sendable>: Hashable, Sendable {
    public var subject: Subject
    /// Higher is stronger.
    public var score: Double
    /// A short explanation, such as `expert in swift`.
    public var reason: String
}
