import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the funds and lead-offer components from the partner services, as the viewer: only a
/// partner user's own account (and only offered leads they may read), nothing for anyone else.
struct ProgramDataProvider: PartnerProgramProvider {
    let funds: MarketDevelopmentFundService
    let leads: LeadDistributionService

    func fundRequests(viewer: Viewer, limit: Int) throws -> [FundRequestSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = viewer.user, user.kind == .partner else { return [] }
        return try funds.requests(viewer: user.id).prefix(limit).map { request in
            FundRequestSummary(
                id: request.id.rawValue, activity: request.activity, period: request.period, amount: request.amount,
                claimed: request.claimed, status: request.status.rawValue, requested: request.requestedAt)
        }
    }

    func fundBudget(period: String, viewer: Viewer) throws -> FundBudgetSummary? {
        guard let user = viewer.user, user.kind == .partner, let budget = try funds.budget(period: period, viewer: user.id) else { return nil }
        return FundBudgetSummary(period: budget.period, allocated: budget.allocated, available: budget.available)
    }

    func leadOffers(viewer: Viewer, limit: Int) throws -> [LeadOfferSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = viewer.user, user.kind == .partner else { return [] }
        // Only offers of leads the viewer may read: the others could not be answered by them either.
        return try leads.openOffers(viewer: user.id).filter { $0.lead != nil }.prefix(limit).map { entry in
            LeadOfferSummary(
                leadID: entry.offer.leadID.rawValue, company: entry.lead?.company,
                contact: entry.lead.map { [$0.firstName, $0.lastName].filter { !$0.isEmpty }.joined(separator: " ") },
                expires: entry.offer.expiresAt)
        }
    }
}
