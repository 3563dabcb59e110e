public import CommunityModel
public import Foundation

/// Published after an approval request changes: submitted, a step approved, finally
/// approved, rejected or recalled.
public struct ApprovalDecided: DomainEvent, Hashable {
    /// `"approval.decided"`.
    public static let name = "approval.decided"
    /// The request.
    public let requestID: ID<ApprovalRequest>
    /// The process.
    public let processName: String
    /// The item.
    public let item: ApprovalItem
    /// What happened.
    public let action: ApprovalRequest.Action
    /// The status afterwards.
    public let status: ApprovalRequest.Status
    /// Who acted.
    public let actor: ID<User>
    public let occurredAt: Date
}
