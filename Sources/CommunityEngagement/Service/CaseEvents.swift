public import CommunityModel
public import Foundation

/// Published after a case is created (portal, question escalation or API).
public struct CaseOpened: DomainEvent, Hashable {
    /// `"case.opened"`.
    public static let name = "case.opened"
    public let caseID: ID<Case>
    public let origin: Case.Origin
    /// The owner chosen by assignment.
    public let owner: Owner
    public let occurredAt: Date
}

/// Published after a case changes status.
public struct CaseStatusChanged: DomainEvent, Hashable {
    /// `"case.statusChanged"`.
    public static let name = "case.statusChanged"
    public let caseID: ID<Case>
    public let from: String
    public let to: String
    /// Who changed it; `nil` for automation.
    public let actor: ID<User>?
    public let occurredAt: Date
}

/// Published after an escalation rule fires on a case.
public struct CaseEscalated: DomainEvent, Hashable {
    /// `"case.escalated"`.
    public static let name = "case.escalated"
    public let caseID: ID<Case>
    /// The rule's name.
    public let rule: String
    public let occurredAt: Date
}
