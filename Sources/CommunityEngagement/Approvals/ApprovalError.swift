public import CommunityModel

/// Why an approval action was refused.
public enum ApprovalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No process is registered under the name.
    case unknownProcess(String)
    /// A process with no steps, or a duplicate name.
    case invalidProcess(name: String, reason: String)
    /// No such request.
    case unknownRequest(ID<ApprovalRequest>)
    /// The item already has a pending request.
    case alreadyPending(item: ApprovalItem, request: ID<ApprovalRequest>)
    /// The request was already decided or recalled.
    case notPending(ID<ApprovalRequest>, status: ApprovalRequest.Status)
    /// The user is not an approver (or a delegate of one) at the current step.
    case notAnApprover(user: ID<User>, request: ID<ApprovalRequest>, step: Int)
    /// Only the submitter may recall.
    case notSubmitter(user: ID<User>, request: ID<ApprovalRequest>)
    /// Someone else decided the request at the same moment; this action lost.
    case concurrentDecision(ID<ApprovalRequest>)
    /// A comment longer than 4,000 characters.
    case commentTooLong(Int)
    /// A user delegating to themselves or an unknown user.
    case invalidDelegation(user: ID<User>, delegate: ID<User>)

    public var description: String {
        switch self {
        case .unknownProcess(let name): "no approval process named \(name.debugDescription)"
        case .invalidProcess(let name, let reason): "approval process \(name.debugDescription): \(reason)"
        case .unknownRequest(let id): "no approval request \(id)"
        case .alreadyPending(let item, let request): "\(item) already has pending request \(request)"
        case .notPending(let id, let status): "request \(id) is \(status.rawValue), not pending"
        case .notAnApprover(let user, let request, let step): "\(user) is not an approver of \(request) at step \(step + 1)"
        case .notSubmitter(let user, let request): "only the submitter may recall \(request), not \(user)"
        case .concurrentDecision(let id): "request \(id) was decided concurrently by someone else"
        case .commentTooLong(let n): "comment of \(n) characters, at most 4000 allowed"
        case .invalidDelegation(let user, let delegate): "\(user) cannot delegate to \(delegate)"
        }
    }
}
