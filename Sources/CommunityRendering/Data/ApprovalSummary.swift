public import Foundation

/// A pending approval request as the approval queue component shows it.
public struct ApprovalSummary: Sendable, Hashable {
    /// The approval request's id.
    public var id: String
    /// What is asked for, such as `Lead registration`.
    public var process: String
    /// The item in words, such as `Contoso (Lena Lopez)`.
    public var item: String
    /// The step waiting for a decision, such as `Channel manager review`.
    public var step: String
    /// Who submitted it.
    public var submitter: String
    /// When it was submitted.
    public var submitted: Date
    /// The amount asked for (a fund request or claim), in the org's currency; the queue formats
    /// it for the viewer. `nil` when the item has none.
    public var amount: Decimal?
    /// The built-in process it belongs to, named in the viewer's language; `nil` shows ``process``.
    public var processKind: ApprovalProcessKind?

    /// A summary.
    public init(
        id: String, process: String, item: String, step: String, submitter: String, submitted: Date, processKind: ApprovalProcessKind? = nil,
        amount: Decimal? = nil
    ) {
        self.amount = amount
        self.processKind = processKind
        self.id = id
        self.process = process
        self.item = item
        self.step = step
        self.submitter = submitter
        self.submitted = submitted
    }
}
