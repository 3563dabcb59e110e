public import CommunityModel
public import Foundation

/// What a partner user enters to create an opportunity.
public struct OpportunityDraft: Hashable, Sendable {
    public var name: String
    /// The customer account.
    public var accountID: ID<Account>?
    public var stage: String
    public var amount: Decimal?
    public var closeDate: Day
    public var nextStep: String?
    public var region: String?
    /// The site the opportunity is created in; `nil` when the host creates it outside any site.
    public var site: String?

    /// Creates a draft.
    public init(
        name: String, accountID: ID<Account>? = nil, stage: String = "Prospecting", amount: Decimal? = nil,
        closeDate: Day, nextStep: String? = nil, region: String? = nil, site: String? = nil
    ) {
        self.name = name
        self.accountID = accountID
        self.stage = stage
        self.amount = amount
        self.closeDate = closeDate
        self.nextStep = nextStep
        self.region = region
        self.site = site
    }
}
