public import CommunityModel
public import Foundation

/// What each partner tier unlocks: materials, leads from the pool, open-lead and fund limits.
public struct PartnerTierPolicy: Hashable, Sendable, Codable {
    /// The lowest tier that receives leads from the pool.
    public var minimumTierForLeads: Account.PartnerTier
    /// How many open offers a partner of each tier may hold at once.
    public var openLeadLimit: [Account.PartnerTier: Int]
    /// The most a partner of each tier may request in market development funds per request.
    public var fundRequestLimit: [Account.PartnerTier: Decimal]

    /// Creates a policy.
    public init(
        minimumTierForLeads: Account.PartnerTier = .silver,
        openLeadLimit: [Account.PartnerTier: Int] = [.registered: 0, .silver: 5, .gold: 20, .platinum: 100],
        fundRequestLimit: [Account.PartnerTier: Decimal] = [
            .registered: 0, .silver: 5_000, .gold: 25_000, .platinum: 100_000,
        ]
    ) {
        self.minimumTierForLeads = minimumTierForLeads
        self.openLeadLimit = openLeadLimit
        self.fundRequestLimit = fundRequestLimit
    }

    /// Whether an account's tier reaches `required` (untiered accounts reach nothing).
    public static func reaches(_ tier: Account.PartnerTier?, _ required: Account.PartnerTier) -> Bool {
        guard let tier else { return false }
        return tier >= required
    }

    /// Whether the account may receive pooled leads.
    public func receivesLeads(_ account: Account) -> Bool {
        account.isPartner && Self.reaches(account.partnerTier, minimumTierForLeads)
    }

    /// The most a partner may request per fund request.
    public func fundLimit(for account: Account) -> Decimal {
        account.partnerTier.flatMap { fundRequestLimit[$0] } ?? 0
    }
}
