/// Which built-in approval process an ``ApprovalSummary`` belongs to, so the approval queue can
/// name it in the viewer's language; `nil` on the summary for a host's own process, whose
/// name is shown through the site's translations.
public enum ApprovalProcessKind: Sendable, Hashable {
    /// A partner's lead registration.
    case leadRegistration
    /// A market development fund request.
    case fundRequest
    /// A claim against an approved fund request.
    case fundClaim
    /// An employee request of a kind such as `leave` (the kind as the host registered it).
    case employeeRequest(kind: String)
}
