/// A row of a reputation leaderboard.
public struct LeaderEntry: Sendable, Hashable {
    /// The member's public name.
    public var name: String
    /// Points.
    public var points: Int
    /// The reputation level's name.
    public var level: String

    /// An entry.
    public init(name: String, points: Int, level: String) {
        self.name = name
        self.points = points
        self.level = level
    }
}
