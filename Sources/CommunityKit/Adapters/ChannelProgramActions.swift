import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// The form actions of the fund claim, budget allocation, lead pool and lead conversion
/// components. Untrusted fields are parsed first (amounts as `2500` or `2500.50`, days as
/// `YYYY-MM-DD`, quarters as `2026-Q1`); the services decide who may act (a denial is 403) and
/// their refusals come back as form errors that write nothing.
enum ChannelProgramActions {
    static func install(into actions: inout FormActionRegistry, funds: MarketDevelopmentFundService, leads: LeadDistributionService,
                        conversions: LeadConversionService) {
        actions.register(FundClaimsComponent.action) { request in
            guard let user = StandardActions.member(request), request.viewer.user?.kind == .partner else { return .forbidden }
            guard let fundRequest = StandardActions.parse(request.field("request"), as: FundRequest.self) else {
                return .invalid(["": request.text("fundClaims.unknown")])
            }
            let amount = request.field("amount").flatMap(ProgramActions.parseAmount), proof = request.field("proof")
            guard let amount, let proof else {
                var errors: [String: String] = [:]
                if amount == nil { errors["amount"] = request.text("fundClaims.amountInvalid") }
                if proof == nil { errors["proof"] = request.text("fundClaims.proofMissing") }
                return .invalid(errors)
            }
            do {
                _ = try funds.claim(amount, against: fundRequest, proof: proof, by: user, site: request.site.id)
            } catch let error as PartnerError {
                switch error {
                case .unknownFundRecord, .wrongFundStatus: return .invalid(["": request.text("fundClaims.unknown")])
                case .overBudget(_, let available): return .invalid(["amount": request.text("fundClaims.overClaimed", ["available": "\(available)"])])
                case .invalid: return .invalid(["proof": request.text("fundClaims.proofMissing")])
                case .notAPartnerUser: return .forbidden
                default: throw error
                }
            } catch is AccessDenied {
                return .forbidden
            }
            return .redirect(ProgramActions.back(request, to: FundClaimsComponent.type))
        }
        actions.register(FundAllocationComponent.action) { request in
            guard let user = StandardActions.member(request), request.viewer.user?.kind == .internal else { return .forbidden }
            let account = StandardActions.parse(request.field("account"), as: Account.self)
            let period = request.field("period").flatMap(parseQuarter)
            let amount = request.field("amount").flatMap(ProgramActions.parseAmount)
            guard let account, let period, let amount else {
                var errors: [String: String] = [:]
                if account == nil { errors["account"] = request.text("fundAllocation.unknownPartner") }
                if period == nil { errors["period"] = request.text("fundAllocation.periodInvalid") }
                if amount == nil { errors["amount"] = request.text("fundAllocation.amountInvalid") }
                return .invalid(errors)
            }
            // Only the partner's channel manager sets its budget (the account's owner).
            guard let partner = try funds.environment.store.snapshot().value(account), partner.isPartner else {
                return .invalid(["account": request.text("fundAllocation.unknownPartner")])
            }
            guard partner.owner == .user(user) else { return .forbidden }
            do {
                try funds.allocate(amount, to: account, period: period, by: user)
            } catch let error as PartnerError {
                switch error {
                case .overBudget(let committed, _): return .invalid(["amount": request.text("fundAllocation.belowCommitted", ["committed": "\(committed)"])])
                case .unknownAccount: return .invalid(["account": request.text("fundAllocation.unknownPartner")])
                case .invalid: return .invalid(["period": request.text("fundAllocation.periodInvalid")])
                default: throw error
                }
            } catch is AccessDenied {
                return .forbidden
            }
            return .redirect(ProgramActions.back(request, to: FundAllocationComponent.type))
        }
        actions.register(LeadPoolComponent.action) { request in
            guard let user = StandardActions.member(request), request.viewer.user?.kind == .internal else { return .forbidden }
            guard let lead = StandardActions.parse(request.field("lead"), as: Lead.self) else { return .invalid(["": request.text("leadPool.unknown")]) }
            guard let account = StandardActions.parse(request.field("account"), as: Account.self) else {
                return .invalid(["": request.text("fundAllocation.unknownPartner")])
            }
            do {
                try leads.offer(lead, to: account, by: user)
            } catch let error as PartnerError {
                switch error {
                case .notChannelManager: return .forbidden
                case .unknownLead, .alreadyOffered: return .invalid(["": request.text("leadPool.unknown")])
                case .unknownAccount: return .invalid(["": request.text("fundAllocation.unknownPartner")])
                case .tierTooLow: return .invalid(["": request.text("leadPool.tierTooLow")])
                case .noRecipient: return .invalid(["": request.text("leadPool.noRecipient")])
                case .leadLocked, .wrongLeadStatus: return .invalid(["": request.text("leadPool.refused")])
                default: throw error
                }
            } catch is AccessDenied {
                return .forbidden
            }
            return .redirect(ProgramActions.back(request, to: LeadPoolComponent.type))
        }
        actions.register(LeadConversionComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let lead = StandardActions.parse(request.field("lead"), as: Lead.self) else { return .invalid(["": request.text("leadConversion.unknown")]) }
            let createOpportunity = request.field("opportunity") == "on"
            var errors: [String: String] = [:]
            var closeDate: Day?
            if let text = request.field("closeDate") { closeDate = try? Day(parsing: text) }
            if closeDate == nil { errors["closeDate"] = request.text("leadConversion.closeDateInvalid") }
            var amount: Decimal?
            if let text = request.field("amount") {
                amount = ProgramActions.parseAmount(text)
                if amount == nil { errors["amount"] = request.text("leadConversion.amountInvalid") }
            }
            let stage = request.field("stage") ?? ""
            if conversions.stages.stage(named: stage) == nil { errors["stage"] = request.text("leadConversion.stageUnknown") }
            let name = request.field("name")
            if let name, name.count > 120 { errors["name"] = request.text("form.rejected") }
            guard errors.isEmpty, let closeDate else { return .invalid(errors) }
            let conversion: LeadConversion
            do {
                conversion = try conversions.convert(LeadConversionRequest(
                    leadID: lead, createOpportunity: createOpportunity, opportunityName: name, stage: stage, closeDate: closeDate,
                    amount: amount), by: user)
            } catch let error as PartnerError {
                switch error {
                case .unknownLead: return .invalid(["": request.text("leadConversion.unknown")])
                case .leadLocked, .wrongLeadStatus: return .invalid(["": request.text("leadConversion.notConvertible")])
                case .unknownStage: return .invalid(["stage": request.text("leadConversion.stageUnknown")])
                case .invalid: return .invalid(["": request.text("form.rejected")])
                case .notAPartnerUser: return .forbidden
                default: throw error
                }
            } catch is AccessDenied {
                return .forbidden
            }
            if let opportunity = conversion.opportunityID {
                return .redirect(StandardActions.link(request.site, objectType: "Opportunity", id: opportunity.rawValue))
            }
            return .redirect(StandardActions.link(request.site, objectType: "Lead", id: lead.rawValue))
        }
    }

    /// A quarter as `YYYY-Qn` (year 2000–2999, n 1–4); `nil` for anything else.
    static func parseQuarter(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[0].first == "2",
              ["Q1", "Q2", "Q3", "Q4"].contains(String(parts[1])) else { return nil }
        return text
    }
}
