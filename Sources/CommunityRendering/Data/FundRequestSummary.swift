public import Foundation

/// One market development fund request, as a partner sees it in the funds component.
public struct FundRequestSummary: Sendable, Hashable {
    /// The request's id.
    public var id: String
    /// The activity, such as `Trade show Berlin`.
    public var activity: String
    /// The budget period it draws on.
    public var period: String
    /// The amount requested, formatted.
    public var amount: String
    /// The amount claimed so far, formatted.
    public var claimed: String
    /// `submitted`, `approved`, `rejected` or `recalled`.
    public var status: String
    /// When it was requested.
    public var requested: Date

    /// A summary.
    public init(id: String, activity: String, period: String, amount: String, claimed: String, status: String, requested: Date) {
        self.id = id
        self.activity = activity
        self.period = period
        self.amount = amount
        self.claimed = claimed
        self.status = status
        self.requested = requested
    }
}
