/// One step of an ``ApprovalProcess``: any one of its approvers decides it.
public struct ApprovalStep: Hashable, Sendable, Codable {
    /// A name shown in history, such as `Channel manager`.
    public var name: String
    /// Who may approve or reject at this step.
    public var approvers: [Approver]

    /// Creates a step.
    public init(name: String, approvers: [Approver]) {
        self.name = name
        self.approvers = approvers
    }
}
