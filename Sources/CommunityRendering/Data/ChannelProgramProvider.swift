/// The partner programme's remaining pages: fund claims for partner users, budget allocation and
/// manual lead offers for channel managers, and lead conversion on a lead's page. Each method has
/// a default that reports nothing, so a host implements what it has.
public protocol ChannelProgramProvider: Sendable {
    /// The approved fund requests of the viewer's partner account with money left to claim, newest first.
    func claimableFundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary]
    /// The partner accounts the viewer manages as their channel manager, with their budgets for `period`.
    func managedPartners(period: String, viewer: Viewer) throws -> [ManagedPartnerSummary]
    /// Leads waiting in the pool that the viewer may offer to one of their partners.
    func pooledLeads(viewer: Viewer, limit: Int) throws -> [PooledLeadSummary]
    /// What converting the lead asks for; `nil` when the viewer may not convert it (cannot edit
    /// it, or its status is not convertible).
    func leadConversion(leadID: String, viewer: Viewer) throws -> LeadConversionOptions?
}

extension ChannelProgramProvider {
    /// None.
    public func claimableFundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary] { [] }
    /// None.
    public func managedPartners(period: String, viewer: Viewer) throws -> [ManagedPartnerSummary] { [] }
    /// None.
    public func pooledLeads(viewer: Viewer, limit: Int) throws -> [PooledLeadSummary] { [] }
    /// None.
    public func leadConversion(leadID: String, viewer: Viewer) throws -> LeadConversionOptions? { nil }
}
