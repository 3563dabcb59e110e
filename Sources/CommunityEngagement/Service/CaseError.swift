public import CommunityModel

/// Why a support-case action was refused.
public enum CaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No case with this id.
    case unknownCase(ID<Case>)
    /// A status the lifecycle does not declare.
    case unknownStatus(String)
    /// The lifecycle does not allow this move.
    case illegalTransition(case: ID<Case>, from: String, to: String)
    /// A field value was rejected.
    case invalid(ValidationError)
    /// Configuration that cannot work (lifecycle, rules, support levels).
    case invalidConfiguration(String)
    /// External users may not write internal comments.
    case internalCommentByExternalUser(ID<User>)
    /// The user cannot pick the case (not queue-owned, or not a queue member).
    case cannotPick(case: ID<Case>, user: ID<User>)
    /// No deflection session with this id for this user.
    case unknownSession(String)
    /// The deflection session already ended.
    case sessionEnded(String)
    /// A survey for an open case.
    case caseNotClosed(ID<Case>)
    /// The case already has a survey.
    case surveyAlreadyGiven(ID<Case>)
    /// A survey score outside its scale.
    case scoreOutOfRange(field: String, value: Int, allowed: ClosedRange<Int>)
    /// The user is not the case's member (only they answer its survey).
    case notCaseMember(case: ID<Case>, user: ID<User>)
    /// An unknown user.
    case unknownUser(ID<User>)

    public var description: String {
        switch self {
        case .unknownCase(let id): "no case \(id)"
        case .unknownStatus(let status): "unknown case status \(status.debugDescription)"
        case .illegalTransition(let id, let from, let to): "case \(id) cannot move from \(from) to \(to)"
        case .invalid(let error): error.description
        case .invalidConfiguration(let detail): "invalid case configuration: \(detail)"
        case .internalCommentByExternalUser(let user): "\(user) is external and cannot write internal comments"
        case .cannotPick(let id, let user): "\(user) cannot pick case \(id)"
        case .unknownSession(let id): "no deflection session \(id)"
        case .sessionEnded(let id): "deflection session \(id) has ended"
        case .caseNotClosed(let id): "case \(id) is not closed"
        case .surveyAlreadyGiven(let id): "case \(id) already has a survey"
        case .scoreOutOfRange(let field, let value, let allowed):
            "\(field): \(value) is outside \(allowed.lowerBound)...\(allowed.upperBound)"
        case .notCaseMember(let id, let user): "\(user) did not raise case \(id)"
        case .unknownUser(let id): "no user \(id)"
        }
    }
}
