/// A reusable approval process: ordered steps and what happens when a request is finally
/// approved, rejected or recalled.
///
/// The same engine runs deal registrations, market-development fund requests and claims,
/// and employee requests; each registers its own process under a unique ``name``.
public struct ApprovalProcess: Sendable {
    /// A final action: runs inside the transaction that records the decision; a throw
    /// undoes the decision too.
    public typealias Action = @Sendable (ApprovalOutcome) throws -> Void

    /// The unique name, such as `dealRegistration`.
    public var name: String
    /// The steps, in order; a request moves to the next step on each approval.
    public var steps: [ApprovalStep]
    /// Runs when the last step approves.
    public var onFinalApproval: Action
    /// Runs when any step rejects.
    public var onRejection: Action
    /// Runs when the submitter recalls a pending request.
    public var onRecall: Action

    /// Creates a process.
    public init(
        name: String, steps: [ApprovalStep], onFinalApproval: @escaping Action = { _ in },
        onRejection: @escaping Action = { _ in }, onRecall: @escaping Action = { _ in }
    ) {
        self.name = name
        self.steps = steps
        self.onFinalApproval = onFinalApproval
        self.onRejection = onRejection
        self.onRecall = onRecall
    }
}
