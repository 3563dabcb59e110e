/// Market development funds and lead offers, as the viewer may see them. Each method has a
/// default that reports nothing, so a host implements what it has.
public protocol PartnerProgramProvider: Sendable {
    /// The fund requests of the viewer's partner account, newest first.
    func fundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary]
    /// The viewer's partner account's budget for a period; `nil` when none was allocated.
    func fundBudget(period: String, viewer: Viewer) throws -> FundBudgetSummary?
    /// Lead offers the viewer's partner account may still accept or decline.
    func leadOffers(viewer: Viewer, limit: Int) throws -> [LeadOfferSummary]
}

extension PartnerProgramProvider {
    /// None.
    public func fundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary] { [] }
    /// None.
    public func fundBudget(period: String, viewer: Viewer) throws -> FundBudgetSummary? { nil }
    /// None.
    public func leadOffers(viewer: Viewer, limit: Int) throws -> [LeadOfferSummary] { [] }
}
