import CommunityKit
import Foundation
import Testing

/// Market development funds and lead offers are reachable from the facade and from the site:
/// a partner lists the account's fund requests and requests funds; a partner accepts or
/// declines the leads offered to the account.
@Suite struct PartnerProgramPageTests {
    static func community() throws -> Community {
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.programs = ProgramConfiguration(
            leadDistributionRules: [LeadDistributionRule(name: "Acme first", criteria: [], partners: ["acme"])],
            fundRequestSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])])
        let community = try Community(configuration)
        try community.addSite(KitFixture.partnerSite())
        return community
    }

    static func get(_ community: Community, _ path: String, as user: ID<User>) -> SiteResponse {
        community.handle(SiteRequest(.get, path, viewer: community.viewer(user, sessionID: "s-\(user.rawValue)")))
    }

    /// Posts a form from a page as a user, with the page's CSRF token.
    static func post(_ community: Community, _ action: String, from page: String, as user: ID<User>, _ form: [String: String]) -> SiteResponse {
        let viewer = community.viewer(user, sessionID: "s-\(user.rawValue)")
        var fields = form
        fields["_csrf"] = KitFixture.token(get(community, page, as: user).body)
        fields["_return"] = page
        return community.handle(SiteRequest(.post, "/partners/_action/" + action, form: fields, viewer: viewer))
    }

    @Test func aPartnerRequestsFundsFromTheFundsPage() throws {
        let community = try Self.community()
        let period = FundRequestsComponent.quarter(of: community.clock.now())
        #expect(period == "2026-Q1")
        try community.funds.allocate(10_000, to: "acme", period: period, by: "cara")

        let page = Self.get(community, "/partners/funds", as: "pat")
        #expect(page.status == 200)
        #expect(page.body.contains("2026-Q1: $10,000.00 of $10,000.00 available"))
        #expect(page.body.contains("action=\"/partners/_action/requestFunds\""))

        let done = Self.post(community, "requestFunds", from: "/partners/funds", as: "pat", ["activity": "Trade show Berlin", "amount": "2500.50"])
        #expect(done.status == 303)
        let requests = try community.funds.requests(viewer: "pat")
        #expect(requests.map(\.activity) == ["Trade show Berlin"])
        #expect(requests.first?.amount == Decimal(string: "2500.50"))
        let after = Self.get(community, "/partners/funds", as: "mia").body  // the same account
        #expect(after.contains("Trade show Berlin") && after.contains("Submitted"))
        // Another partner's account sees none of it; an internal user does not get the page.
        #expect(!Self.get(community, "/partners/funds", as: "bo").body.contains("Trade show Berlin"))
        #expect(Self.get(community, "/partners/funds", as: "cara").status == 403)
    }

    @Test(arguments: ["-5", "0", "1e9", "12.345", "abc", "", "99999999999999"])
    func badAmountsAreFormErrorsAndWriteNothing(_ amount: String) throws {
        let community = try Self.community()
        try community.funds.allocate(10_000, to: "acme", period: "2026-Q1", by: "cara")
        let response = Self.post(community, "requestFunds", from: "/partners/funds", as: "pat", ["activity": "Webinar", "amount": amount])
        #expect(response.status == 422)
        #expect(response.body.contains("Enter an amount greater than zero"))
        #expect(try community.funds.requests(viewer: "pat").isEmpty)
    }

    @Test func overBudgetRequestsShowTheReason() throws {
        let community = try Self.community()
        try community.funds.allocate(1_000, to: "acme", period: "2026-Q1", by: "cara")
        let response = Self.post(community, "requestFunds", from: "/partners/funds", as: "pat", ["activity": "Roadshow", "amount": "5000"])
        #expect(response.status == 422)
        #expect(response.body.contains("ck-error"))
        #expect(try community.funds.requests(viewer: "pat").isEmpty)
    }

    @Test func aPartnerAcceptsOrDeclinesOfferedLeads() throws {
        let community = try Self.community()
        try community.store.write { tx in
            try tx.put(Lead(id: "pool-1", firstName: "Lena", lastName: "Lopez", company: "Contoso", owner: .queue("lead-pool")))
            try tx.put(Lead(id: "pool-2", lastName: "Meyer", company: "Fabrikam", owner: .queue("lead-pool")))
        }
        let first = try community.leadDistribution.distribute("pool-1")
        _ = try community.leadDistribution.distribute("pool-2")
        #expect(first.recipientID == "mia")  // the account's manager receives leads

        let leads = Self.get(community, "/partners/leads", as: "mia").body
        #expect(leads.contains("Leads offered to you") && leads.contains("Contoso") && leads.contains("Fabrikam"))
        #expect(leads.contains("action=\"/partners/_action/acceptLeadOffer\""))

        let accepted = Self.post(community, "acceptLeadOffer", from: "/partners/leads", as: "mia", ["lead": "pool-1"])
        #expect(accepted.status == 303)
        #expect(accepted.headers["Location"] == "/partners/lead/pool-1")
        #expect(try community.store.snapshot().value(ID<Lead>("pool-1"))?.status == .working)

        let declined = Self.post(community, "declineLeadOffer", from: "/partners/leads", as: "mia", ["lead": "pool-2", "reason": "Not our region"])
        #expect(declined.status == 303)
        #expect(try community.store.snapshot().value(ID<Lead>("pool-2"))?.owner == .queue("lead-pool"))
        #expect(try community.leadDistribution.offers(of: "pool-2").map(\.reason) == ["Not our region"])
        #expect(!Self.get(community, "/partners/leads", as: "mia").body.contains("Fabrikam"))

        // Another partner cannot answer an offer made to Acme, and bad ids are form errors.
        _ = try community.store.write { tx in try tx.put(Lead(id: "pool-3", lastName: "Ng", company: "Tailspin", owner: .queue("lead-pool"))) }
        _ = try community.leadDistribution.distribute("pool-3")
        #expect(Self.post(community, "acceptLeadOffer", from: "/partners/leads", as: "bo", ["lead": "pool-3"]).status == 403)
        #expect(Self.post(community, "acceptLeadOffer", from: "/partners/leads", as: "mia", ["lead": "../etc"]).status == 422)
        #expect(Self.get(community, "/partners/leads", as: "bo").body.contains("Tailspin") == false)
    }
}
