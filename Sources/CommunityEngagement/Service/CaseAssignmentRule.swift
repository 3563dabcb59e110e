public import CommunityModel

/// Routes a new case: the first rule (in order) whose criteria all match decides the owner.
public struct CaseAssignmentRule: Hashable, Sendable, Codable {
    /// Where matching cases go.
    public enum Target: Hashable, Sendable, Codable {
        /// A user owns the case.
        case user(ID<User>)
        /// The queue owns the case until a member picks it.
        case queue(ID<Queue>)
        /// The next queue member in turn owns the case (round-robin).
        case roundRobin(ID<Queue>)
    }

    /// A name, shown in case history.
    public var name: String
    /// Conditions, all of which must hold; none matches every case.
    public var criteria: [CaseCriterion]
    public var target: Target

    /// Creates a rule.
    public init(name: String, criteria: [CaseCriterion], target: Target) {
        self.name = name
        self.criteria = criteria
        self.target = target
    }

    /// Whether every criterion holds.
    public func matches(_ record: Case, account: Account?) -> Bool {
        criteria.allSatisfy { $0.matches(record, account: account) }
    }

    /// The first matching rule of an ordered list.
    public static func first(in rules: [CaseAssignmentRule], for record: Case, account: Account?) -> CaseAssignmentRule? {
        rules.first { $0.matches(record, account: account) }
    }
}
