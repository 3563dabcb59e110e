public import CommunityModel

/// Escalates open cases: when its trigger holds, its actions run once per case.
public struct CaseEscalationRule: Hashable, Sendable, Codable {
    /// When the rule fires.
    public enum Trigger: Hashable, Sendable, Codable {
        /// No first response after this many business seconds since the case opened.
        case noFirstResponse(afterBusinessSeconds: Double)
        /// The subject or description contains one of these words.
        case keywords([String])
        /// The priority is one of these.
        case priority(Set<Case.Priority>)
    }

    /// What the rule does.
    public enum Action: Hashable, Sendable, Codable {
        /// Give the case to this owner.
        case reassign(Owner)
        /// Raise the priority one level (critical stays critical).
        case raisePriority
        /// Set the priority.
        case setPriority(Case.Priority)
        /// Tell a user.
        case notify(ID<User>)
        /// Tell the case's owner (after any reassignment), when a user owns it.
        case notifyOwner
        /// Move the case to the lifecycle's escalated status, if the move is allowed.
        case markEscalated
    }

    /// A unique name; history and ``CaseTracking/firedEscalations`` refer to it.
    public var name: String
    public var trigger: Trigger
    public var actions: [Action]

    /// Creates a rule.
    public init(name: String, trigger: Trigger, actions: [Action]) {
        self.name = name
        self.trigger = trigger
        self.actions = actions
    }
}
