public import Foundation

/// An employee's request (such as leave) as the employee portal component shows it.
public struct EmployeeRequestSummary: Sendable, Hashable {
    /// The request's id.
    public var id: String
    /// The kind, such as `leave`.
    public var kind: String
    /// The plain-text details.
    public var details: String
    /// The days concerned, such as `2026-12-21 – 2026-12-24`; empty when none.
    public var days: String
    /// `submitted`, `approved`, `rejected` or `recalled`.
    public var status: String
    /// When it was submitted.
    public var submitted: Date

    /// A summary.
    public init(id: String, kind: String, details: String, days: String, status: String, submitted: Date) {
        self.id = id
        self.kind = kind
        self.details = details
        self.days = days
        self.status = status
        self.submitted = submitted
    }
}
