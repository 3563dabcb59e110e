public import CommunityModel

/// Chooses a partner account for a pooled lead: the first rule (in order) whose criteria all
/// match decides, picking from its partners in turn (round-robin), skipping partners whose
/// tier is too low for leads.
public struct LeadDistributionRule: Hashable, Sendable, Codable {
    /// A condition on the lead.
    public enum Criterion: Hashable, Sendable, Codable {
        /// The lead's region is one of these.
        case region(Set<String>)
        /// The lead's product is one of these.
        case product(Set<String>)

        func matches(_ lead: Lead) -> Bool {
            switch self {
            case .region(let regions): lead.region.map(regions.contains) ?? false
            case .product(let products): lead.product.map(products.contains) ?? false
            }
        }
    }

    /// A unique name (also the round-robin key).
    public var name: String
    /// Conditions, all of which must hold.
    public var criteria: [Criterion]
    /// Candidate partner accounts, in rotation order.
    public var partners: [ID<Account>]
    /// Only partners of at least this tier receive leads from this rule.
    public var minimumTier: Account.PartnerTier?

    /// Creates a rule.
    public init(
        name: String, criteria: [Criterion], partners: [ID<Account>], minimumTier: Account.PartnerTier? = nil
    ) {
        self.name = name
        self.criteria = criteria
        self.partners = partners
        self.minimumTier = minimumTier
    }

    /// Whether every criterion holds for the lead.
    public func matches(_ lead: Lead) -> Bool { criteria.allSatisfy { $0.matches(lead) } }
}
