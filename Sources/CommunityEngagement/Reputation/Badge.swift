public import CommunityModel

/// A badge members earn: automatically when they meet its criteria, or from a manager.
public struct Badge: Entity, Hashable {
    public static let entityType: EntityType = "Badge"

    /// What earns the badge automatically.
    public enum Criteria: Hashable, Sendable, Codable {
        /// A reputation total.
        case points(atLeast: Int)
        /// How many times an action earned points (e.g. 10 best answers).
        case count(ReputationRules.Action, atLeast: Int)
        /// Points within one topic.
        case topicPoints(String, atLeast: Int)
    }

    public var id: ID<Badge>
    public var name: String
    public var summary: String
    /// `nil` for badges only managers award.
    public var criteria: Criteria?

    /// Creates a badge.
    public init(id: ID<Badge>, name: String, summary: String = "", criteria: Criteria? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.criteria = criteria
    }
}
