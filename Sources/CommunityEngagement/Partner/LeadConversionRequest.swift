public import CommunityModel
public import Foundation

/// How to convert a lead.
public struct LeadConversionRequest: Hashable, Sendable {
    /// The lead.
    public var leadID: ID<Lead>
    /// Join this account instead of creating one.
    public var existingAccountID: ID<Account>?
    /// Whether to create an opportunity.
    public var createOpportunity: Bool
    /// The opportunity's name; defaults to `Company – Product` (or the company).
    public var opportunityName: String?
    /// The opportunity's first stage.
    public var stage: String
    /// The opportunity's expected close date.
    public var closeDate: Day
    /// The opportunity's amount.
    public var amount: Decimal?

    /// Creates a request.
    public init(
        leadID: ID<Lead>, existingAccountID: ID<Account>? = nil, createOpportunity: Bool = true,
        opportunityName: String? = nil, stage: String = "Prospecting", closeDate: Day, amount: Decimal? = nil
    ) {
        self.leadID = leadID
        self.existingAccountID = existingAccountID
        self.createOpportunity = createOpportunity
        self.opportunityName = opportunityName
        self.stage = stage
        self.closeDate = closeDate
        self.amount = amount
    }
}
