import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// The form actions of the funds and lead-offer components: request funds, accept or decline a
/// lead offer, as the signed-in partner member. Untrusted fields are parsed first; service
/// errors come back as form errors, access denials as 403.
enum ProgramActions {
    static func install(into actions: inout FormActionRegistry, funds: MarketDevelopmentFundService, leads: LeadDistributionService) {
        actions.register(FundRequestsComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            let activity = request.field("activity")
            let period = request.field("period") ?? FundRequestsComponent.quarter(of: request.clock.now())
            let amount = request.field("amount").flatMap(parseAmount)
            guard let activity, let amount else {
                var errors: [String: String] = [:]
                if activity == nil { errors["activity"] = request.text("funds.activityMissing") }
                if amount == nil { errors["amount"] = request.text("funds.amountInvalid") }
                return .invalid(errors)
            }
            return try StandardActions.outcome(request) {
                _ = try funds.requestFunds(amount, for: activity, period: period, by: user, site: request.site.id)
                return .redirect(back(request, to: FundRequestsComponent.type))
            }
        }
        actions.register(LeadOffersComponent.acceptAction) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let lead = StandardActions.parse(request.field("lead"), as: Lead.self) else { return .invalid(["": request.text("offers.unknownLead")]) }
            return try StandardActions.outcome(request) {
                try leads.accept(lead, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Lead", id: lead.rawValue))
            }
        }
        actions.register(LeadOffersComponent.declineAction) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let lead = StandardActions.parse(request.field("lead"), as: Lead.self) else { return .invalid(["": request.text("offers.unknownLead")]) }
            return try StandardActions.outcome(request) {
                try leads.reject(lead, by: user, reason: request.field("reason") ?? "")
                return .redirect(back(request, to: LeadOffersComponent.type))
            }
        }
    }

    /// A positive amount with at most two decimals and at most 12 digits before the point, in
    /// the POSIX format (`2500`, `2500.50`); `nil` for anything else.
    static func parseAmount(_ text: String) -> Decimal? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...12).contains(whole.count),
              whole.allSatisfy(\.isASCIIDigitCharacter),
              parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isASCIIDigitCharacter)),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value > 0 else { return nil }
        return value
    }

    /// The first page holding a component of `type`, else the site's home.
    static func back(_ request: ActionRequest, to type: ComponentType) -> SafeURL {
        request.site.page(containing: type).flatMap { request.site.url(of: $0.id) } ?? StandardActions.home(request.site, page: nil)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
