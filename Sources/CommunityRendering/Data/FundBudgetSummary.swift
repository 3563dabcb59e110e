public import Foundation

/// A partner account's market development fund budget for one period (amounts in the org's
/// currency; the component formats them for the viewer).
public struct FundBudgetSummary: Sendable, Hashable {
    /// The period, such as `2026-Q4`.
    public var period: String
    /// The amount allocated.
    public var allocated: Decimal
    /// The amount still available to request.
    public var available: Decimal

    /// A summary.
    public init(period: String, allocated: Decimal, available: Decimal) {
        self.period = period
        self.allocated = allocated
        self.available = available
    }
}
