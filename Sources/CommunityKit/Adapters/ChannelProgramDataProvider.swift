import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the fund claim, budget allocation, lead pool and lead conversion components from the
/// partner services, as the viewer: a partner user sees their own account's approved requests; a
/// channel manager the partner accounts they own and the pooled leads they may read; the lead
/// conversion form appears only for a lead the viewer may edit whose status is convertible.
struct ChannelProgramDataProvider: ChannelProgramProvider {
    let funds: MarketDevelopmentFundService
    let leads: LeadDistributionService
    let conversions: LeadConversionService
    let store: any Store

    func claimableFundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = viewer.user, user.kind == .partner else { return [] }
        return try funds.requests(viewer: user.id).filter { $0.status == .approved && $0.claimed < $0.amount }.prefix(limit).map { request in
            FundRequestSummary(
                id: request.id.rawValue, activity: request.activity, period: request.period, amount: request.amount,
                claimed: request.claimed, status: request.status.rawValue, requested: request.requestedAt)
        }
    }

    func managedPartners(period: String, viewer: Viewer) throws -> [ManagedPartnerSummary] {
        guard let user = viewer.user, user.kind == .internal else { return [] }
        let reader = store.snapshot()
        let owned = try reader.query(Query<Account>().where("owner", equals: .reference(Owner.user(user.id).description))).map(\.value)
        return try owned.filter(\.isPartner).sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { account in
            let budget = try reader.value(FundBudget.id(partner: account.id, period: period))
            return ManagedPartnerSummary(
                id: account.id.rawValue, name: account.name, allocated: budget?.allocated ?? 0, available: budget?.available ?? 0)
        }
    }

    func pooledLeads(viewer: Viewer, limit: Int) throws -> [PooledLeadSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = viewer.user, user.kind == .internal else { return [] }
        return try leads.pooledLeads(viewer: user.id).sorted { $0.id < $1.id }.prefix(limit).map { lead in
            PooledLeadSummary(id: lead.id.rawValue, company: lead.company,
                              details: [lead.region, lead.product].compactMap { $0 }.joined(separator: " · "))
        }
    }

    func leadConversion(leadID: String, viewer: Viewer) throws -> LeadConversionOptions? {
        guard let user = viewer.user, !viewer.isGuest, let id = try? ID<Lead>(parsing: leadID) else { return nil }
        let reader = store.snapshot()
        guard let lead = try reader.value(id), conversions.convertibleStatuses.contains(lead.status),
              try conversions.environment.access.isAllowed(.edit, user: user.id, record: lead, in: reader) else { return nil }
        return LeadConversionOptions(
            leadID: lead.id.rawValue, proposedName: lead.product.map { "\(lead.company) – \($0)" } ?? lead.company,
            stages: conversions.stages.stages.filter { !$0.isClosed }.map(\.name))
    }
}
