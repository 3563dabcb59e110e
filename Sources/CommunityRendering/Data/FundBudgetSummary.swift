/// A partner account's market development fund budget for one period, formatted for display.
public struct FundBudgetSummary: Sendable, Hashable {
    /// The period, such as `2026-Q4`.
    public var period: String
    /// The amount allocated.
    public var allocated: String
    /// The amount still available to request.
    public var available: String

    /// A summary.
    public init(period: String, allocated: String, available: String) {
        self.period = period
        self.allocated = allocated
        self.available = available
    }
}
