import CommunityKit
import Foundation
import Testing

/// The partner programme's remaining pages, through `community.handle`: partners claim funds
/// against approved requests and convert approved leads; channel managers set partner budgets
/// and offer pooled leads. Each: allowed, refused, bad input (nothing written).
@Suite struct ChannelProgramPagesTests {
    /// The kit fixture where partners may also create accounts, contacts and opportunities; a lead
    /// pool Cara works; a partner account owned by another channel manager (Ivy); an approved lead
    /// of Pat's; Acme's budget and an approved fund request; and the pages.
    static func community() throws -> Community {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Profile(id: "partner", name: "Partner", permissions: PermissionGrants(objects: [
                "Lead": [.read, .create, .edit], "Opportunity": [.read, .create, .edit], "Account": [.read, .create],
                "Contact": [.read, .create], "Case": [.read, .create],
            ])))
            try tx.put(User(id: "ivy", kind: .internal, name: "Ivy", email: "ivy@x.example", profileID: "channel", roleID: "cm"))
            try tx.put(Account(id: "initech", name: "Initech", owner: "ivy", isPartner: true, partnerTier: .gold))
            try tx.put(Queue(id: "lead-pool", name: "Lead pool", objects: ["Lead"], members: [.user("cara")]))
            try tx.put(Lead(id: "pool-1", lastName: "Lopez", company: "Contoso", region: "NA", owner: .queue("lead-pool")))
            try tx.put(Lead(id: "lead-ok", firstName: "Lena", lastName: "Lopez", company: "Fabrikam", email: "lena@fabrikam.example",
                            status: .approved, partnerAccountID: "acme", product: "Cloud", owner: .user("pat")))
            try tx.put(Lead(id: "lead-new", lastName: "Ng", company: "Tailspin", partnerAccountID: "acme", owner: .user("pat")))
        }
        var configuration = CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.programs = ProgramConfiguration(fundRequestSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])],
                                                      fundClaimSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])])
        let community = try Community(configuration)
        var site = try KitFixture.partnerSite()
        try site.addPage(Page(id: "channel", title: "Channel", slug: "channel", visibility: .members, layout: PageLayout {
            Region("main") { Row { Column(12) {
                ComponentInstance(id: "budgets", type: FundAllocationComponent.type)
                ComponentInstance(id: "pool", type: LeadPoolComponent.type)
            } } }
        }))
        for (page, type) in [("funds", FundClaimsComponent.type), ("lead", LeadConversionComponent.type)] {
            var updated = try #require(site.page(page))
            let main = try #require(updated.layout.regions.firstIndex { $0.name == "main" })
            updated.layout.regions[main].rows.append(Row(columns: [Column(components: [ComponentInstance(id: "added", type: type)])]))
            try site.updatePage(updated)
        }
        try community.addSite(site)
        try community.funds.allocate(10_000, to: "acme", period: "2026-Q1", by: "cara")
        let request = try community.funds.requestFunds(3_000, for: "Roadshow", period: "2026-Q1", by: "mia")
        _ = try community.approvals.approve(request.approval.id, by: "cara")
        return community
    }

    static func post(_ community: Community, _ action: String, from page: String, as user: ID<User>, _ form: [String: String]) -> SiteResponse {
        PartnerProgramPageTests.post(community, action, from: page, as: user, form)
    }

    static func approvedRequest(_ community: Community) throws -> String {
        try #require(try community.funds.requests(viewer: "pat").first { $0.activity == "Roadshow" }).id.rawValue
    }

    static func claims(_ community: Community) throws -> [FundClaim] {
        try community.store.snapshot().all(FundClaim.self).map(\.value)
    }

    // MARK: Fund claims

    @Test func aPartnerClaimsAgainstAnApprovedRequest() throws {
        let community = try Self.community()
        let request = try Self.approvedRequest(community)
        let page = PartnerProgramPageTests.get(community, "/partners/funds", as: "pat").body
        #expect(page.contains("Claim funds") && page.contains("Roadshow") && page.contains("action=\"/partners/_action/claimFunds\""))
        #expect(page.contains("for=\"f-claimFunds-\(request)-proof\""))

        let done = Self.post(community, "claimFunds", from: "/partners/funds", as: "pat", ["request": request, "amount": "1200.50", "proof": "Invoices for venue and travel"])
        #expect(done.status == 303)
        let claims = try Self.claims(community)
        #expect(claims.map(\.amount) == [Decimal(string: "1200.50")])
        #expect(claims.first?.status == .submitted && claims.first?.claimedBy == "pat")
        // The claim waits for Cara's approval.
        #expect(try community.approvals.pendingRequests(for: "cara").contains { $0.processName == MarketDevelopmentFundService.claimProcess })
    }

    @Test func claimsAreRefusedForOthersAndBadInput() throws {
        let community = try Self.community()
        let request = try Self.approvedRequest(community)
        #expect(!PartnerProgramPageTests.get(community, "/partners/funds", as: "bo").body.contains("Roadshow"))
        #expect(Self.post(community, "claimFunds", from: "/partners/funds", as: "bo", ["request": request, "amount": "100", "proof": "x"]).status == 422)
        #expect(Self.post(community, "claimFunds", from: "/partners/funds", as: "cara", ["request": request, "amount": "100", "proof": "x"]).status == 403)
        let over = Self.post(community, "claimFunds", from: "/partners/funds", as: "pat", ["request": request, "amount": "5000", "proof": "Too much"])
        #expect(over.status == 422)
        #expect(over.body.contains("That is more than is left to claim (3000)."))
        for form in [["request": request, "amount": "-5", "proof": "x"], ["request": request, "amount": "100"],
                     ["request": "../x", "amount": "100", "proof": "x"], ["request": "fr-unknown", "amount": "100", "proof": "x"]] {
            #expect(Self.post(community, "claimFunds", from: "/partners/funds", as: "pat", form).status == 422, "\(form)")
        }
        #expect(try Self.claims(community).isEmpty)
    }

    // MARK: Budget allocation

    @Test func aChannelManagerSetsAPartnersBudget() throws {
        let community = try Self.community()
        let page = PartnerProgramPageTests.get(community, "/partners/channel", as: "cara").body
        #expect(page.contains("Partner budgets") && page.contains("Acme") && page.contains("Globex") && !page.contains("Initech"))
        #expect(page.contains("2026-Q1: $7,000.00 of $10,000.00 available"))
        let done = Self.post(community, "allocateFunds", from: "/partners/channel", as: "cara", ["account": "globex", "period": "2026-Q2", "amount": "15000"])
        #expect(done.status == 303)
        #expect(try community.funds.budget(of: "globex", period: "2026-Q2", viewer: "cara")?.allocated == 15_000)
    }

    @Test func budgetsAreRefusedForOthersAndBadInput() throws {
        let community = try Self.community()
        #expect(!PartnerProgramPageTests.get(community, "/partners/channel", as: "pat").body.contains("Partner budgets"))
        #expect(Self.post(community, "allocateFunds", from: "/partners/channel", as: "pat", ["account": "acme", "period": "2026-Q1", "amount": "1"]).status == 403)
        // Initech's channel manager is Ivy, not Cara.
        #expect(Self.post(community, "allocateFunds", from: "/partners/channel", as: "cara", ["account": "initech", "period": "2026-Q1", "amount": "1000"]).status == 403)
        let below = Self.post(community, "allocateFunds", from: "/partners/channel", as: "cara", ["account": "acme", "period": "2026-Q1", "amount": "1000"])
        #expect(below.status == 422)
        #expect(below.body.contains("already committed 3000"))
        for form in [["account": "acme", "period": "2026-Q5", "amount": "1000"], ["account": "acme", "period": "Q1", "amount": "1000"],
                     ["account": "acme", "period": "2026-Q1", "amount": "lots"], ["account": "nope", "period": "2026-Q1", "amount": "1000"],
                     ["account": "../x", "period": "2026-Q1", "amount": "1000"]] {
            #expect(Self.post(community, "allocateFunds", from: "/partners/channel", as: "cara", form).status == 422, "\(form)")
        }
        #expect(try community.funds.budget(of: "acme", period: "2026-Q1", viewer: "cara")?.allocated == 10_000)
        #expect(try community.funds.budget(of: "initech", period: "2026-Q1", viewer: "ivy") == nil)
    }

    // MARK: Manual lead offers

    @Test func aChannelManagerOffersAPooledLead() throws {
        let community = try Self.community()
        let page = PartnerProgramPageTests.get(community, "/partners/channel", as: "cara").body
        #expect(page.contains("Lead pool") && page.contains("Contoso") && page.contains("action=\"/partners/_action/offerLead\""))
        let done = Self.post(community, "offerLead", from: "/partners/channel", as: "cara", ["lead": "pool-1", "account": "acme"])
        #expect(done.status == 303)
        #expect(try community.leadDistribution.offers(of: "pool-1").map(\.partnerAccountID) == ["acme"])
        // Acme's manager now answers the offer on the leads page.
        #expect(PartnerProgramPageTests.get(community, "/partners/leads", as: "mia").body.contains("Contoso"))
        #expect(!PartnerProgramPageTests.get(community, "/partners/channel", as: "cara").body.contains("Contoso"))
    }

    @Test func leadOffersAreRefusedForOthersAndBadInput() throws {
        let community = try Self.community()
        #expect(Self.post(community, "offerLead", from: "/partners/channel", as: "pat", ["lead": "pool-1", "account": "acme"]).status == 403)
        #expect(Self.post(community, "offerLead", from: "/partners/channel", as: "cara", ["lead": "pool-1", "account": "initech"]).status == 403)
        for form in [["lead": "../x", "account": "acme"], ["lead": "pool-1", "account": "../x"], ["lead": "pool-404", "account": "acme"], ["lead": "pool-1"]] {
            #expect(Self.post(community, "offerLead", from: "/partners/channel", as: "cara", form).status == 422, "\(form)")
        }
        #expect(try community.leadDistribution.offers(of: "pool-1").isEmpty)
    }

    // MARK: Lead conversion

    @Test func aPartnerConvertsAnApprovedLead() throws {
        let community = try Self.community()
        let page = PartnerProgramPageTests.get(community, "/partners/lead/lead-ok", as: "pat").body
        #expect(page.contains("Convert this lead") && page.contains("value=\"Fabrikam – Cloud\""))
        #expect(!PartnerProgramPageTests.get(community, "/partners/lead/lead-new", as: "pat").body.contains("Convert this lead"))
        let done = Self.post(community, "convertLead", from: "/partners/lead/lead-ok", as: "pat", [
            "lead": "lead-ok", "opportunity": "on", "name": "Fabrikam – Cloud", "stage": "Prospecting", "closeDate": "2026-12-31", "amount": "48000",
        ])
        #expect(done.status == 303)
        let snapshot = community.store.snapshot()
        #expect(try snapshot.value(ID<Lead>("lead-ok"))?.status == .converted)
        let conversion = try #require(try snapshot.all(LeadConversion.self).map(\.value).first)
        let opportunity = try #require(try conversion.opportunityID.flatMap { try snapshot.value($0) })
        #expect(done.headers["Location"] == "/partners/deal/\(opportunity.id.rawValue)")
        #expect(opportunity.name == "Fabrikam – Cloud" && opportunity.amount == 48_000 && opportunity.partnerAccountID == "acme")
        #expect(try snapshot.value(conversion.accountID)?.name == "Fabrikam")
        // Converted leads are locked: the form is gone and a second post is refused.
        #expect(!PartnerProgramPageTests.get(community, "/partners/lead/lead-ok", as: "pat").body.contains("Convert this lead"))
        let again = Self.post(community, "convertLead", from: "/partners/lead/lead-ok", as: "pat", ["lead": "lead-ok", "stage": "Prospecting", "closeDate": "2026-12-31"])
        #expect(again.status == 422)
    }

    @Test func conversionIsRefusedForOthersAndBadInput() throws {
        let community = try Self.community()
        let valid = ["lead": "lead-ok", "stage": "Prospecting", "closeDate": "2026-12-31"]
        #expect(!PartnerProgramPageTests.get(community, "/partners/lead/lead-ok", as: "bo").body.contains("Convert this lead"))
        #expect(Self.post(community, "convertLead", from: "/partners/leads", as: "bo", valid).status == 403)
        // Not approved yet: refused with the reason.
        let early = Self.post(community, "convertLead", from: "/partners/lead/lead-new", as: "pat", ["lead": "lead-new", "stage": "Prospecting", "closeDate": "2026-12-31"])
        #expect(early.status == 422)
        for change in [["closeDate": "2026-13-01"], ["closeDate": ""], ["amount": "abc"], ["stage": "Bogus"], ["lead": "../x"], ["lead": "lead-404"]] {
            let form = valid.merging(change) { _, new in new }
            #expect(Self.post(community, "convertLead", from: "/partners/lead/lead-ok", as: "pat", form).status == 422, "\(change)")
        }
        #expect(try community.store.snapshot().value(ID<Lead>("lead-ok"))?.status == .approved)
        #expect(try community.store.snapshot().all(LeadConversion.self).isEmpty)
    }
}
