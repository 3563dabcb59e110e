public import CommunityModel
public import Foundation

/// A case milestone that reached a warning or was violated, announced once by
/// ``CaseService/runMilestoneAlerts(at:)`` to the case's owner and published on the bus.
public struct MilestoneAlert: DomainEvent, Hashable {
    /// `"case.milestone"`.
    public static let name = "case.milestone"
    /// The case.
    public let caseID: ID<Case>
    /// First response or resolution.
    public let kind: Milestone.Kind
    /// ``Milestone/State/warning`` or ``Milestone/State/violated``.
    public let state: Milestone.State
    /// The moment the run evaluated the milestone.
    public let occurredAt: Date

    /// An alert.
    public init(caseID: ID<Case>, kind: Milestone.Kind, state: Milestone.State, occurredAt: Date) {
        self.caseID = caseID
        self.kind = kind
        self.state = state
        self.occurredAt = occurredAt
    }

    /// The key kept in ``CaseTracking/milestoneAlerts``.
    var key: String { "\(kind.rawValue).\(state.rawValue)" }
}
