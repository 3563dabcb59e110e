public import CommunityModel
public import Foundation

/// A partner account's market development fund budget for a period (such as `2026-Q1`).
public struct FundBudget: Entity, Hashable {
    public static let entityType: EntityType = "FundBudget"
    public static var indexedFields: [IndexedField<FundBudget>] {
        [IndexedField("partnerAccountID") { .reference($0.partnerAccountID.rawValue) }]
    }

    public var id: ID<FundBudget>
    /// The partner account.
    public var partnerAccountID: ID<Account>
    /// The period's name.
    public var period: String
    /// The amount allocated.
    public var allocated: Decimal
    /// The amount committed by approved requests.
    public var committed: Decimal

    /// Creates a budget.
    public init(partnerAccountID: ID<Account>, period: String, allocated: Decimal, committed: Decimal = 0) {
        self.id = Self.id(partner: partnerAccountID, period: period)
        self.partnerAccountID = partnerAccountID
        self.period = period
        self.allocated = allocated
        self.committed = committed
    }

    /// The budget id of a partner and period.
    public static func id(partner: ID<Account>, period: String) -> ID<FundBudget> {
        let safePeriod = period.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.prefix(16)
        return ID("mdf.\(partner.rawValue.prefix(40)).\(safePeriod)")  // trap-safe: identifier characters only, at most 61 of them
    }

    /// What is left to commit.
    public var available: Decimal { allocated - committed }
}
