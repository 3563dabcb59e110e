public import Foundation

/// One market development fund request, as a partner sees it in the funds component.
public struct FundRequestSummary: Sendable, Hashable {
    /// The request's id.
    public var id: String
    /// The activity, such as `Trade show Berlin`.
    public var activity: String
    /// The budget period it draws on.
    public var period: String
    /// The amount requested, in the org's currency (the component formats it for the viewer).
    public var amount: Decimal
    /// The amount claimed so far, in the org's currency.
    public var claimed: Decimal
    /// `submitted`, `approved`, `rejected` or `recalled`.
    public var status: String
    /// When it was requested.
    public var requested: Date

    /// A summary.
    public init(id: String, activity: String, period: String, amount: Decimal, claimed: Decimal, status: String, requested: Date) {
        self.id = id
        self.activity = activity
        self.period = period
        self.amount = amount
        self.claimed = claimed
        self.status = status
        self.requested = requested
    }
}
