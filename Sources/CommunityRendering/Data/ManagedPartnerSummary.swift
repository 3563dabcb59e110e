public import Foundation

/// A partner account a channel manager manages, with its market development budget for a period.
public struct ManagedPartnerSummary: Sendable, Hashable {
    /// The account id.
    public var id: String
    /// The account's name.
    public var name: String
    /// The amount allocated for the period (`0` when none).
    public var allocated: Decimal
    /// The amount still available for requests.
    public var available: Decimal

    /// A summary.
    public init(id: String, name: String, allocated: Decimal, available: Decimal) {
        self.id = id
        self.name = name
        self.allocated = allocated
        self.available = available
    }
}
