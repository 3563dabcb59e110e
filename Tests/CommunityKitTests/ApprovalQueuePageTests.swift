import CommunityKit
import Foundation
import Testing

/// The approval queue is reachable from the site: an approver sees what waits for them (a lead
/// registration, a fund request) and approves or rejects it with a comment; anyone else is refused.
@Suite struct ApprovalQueuePageTests {
    static func community() throws -> Community {
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.leadApprovalSteps = [ApprovalStep(name: "Channel review", approvers: [.user("cara")])]
        configuration.programs = ProgramConfiguration(fundRequestSteps: [ApprovalStep(name: "Funds review", approvers: [.user("cara")])])
        let community = try Community(configuration)
        var site = try KitFixture.partnerSite()
        try site.addPage(Page(id: "approvals", title: "Approvals", slug: "approvals", visibility: .members, layout: PageLayout(regions: [
            Region(name: "main", rows: [Row(columns: [Column(components: [
                ComponentInstance(id: "queue", type: ApprovalQueueComponent.type),
            ])])]),
        ])))
        try community.addSite(site)
        return community
    }

    static func get(_ community: Community, as user: ID<User>) -> SiteResponse {
        community.handle(SiteRequest(.get, "/partners/approvals", viewer: community.viewer(user, sessionID: "s-\(user.rawValue)")))
    }

    /// Posts a decision as a user, with the CSRF token of their session (`token`, else read from
    /// the queue page, which has a form while something waits for them).
    static func decide(_ community: Community, as user: ID<User>, token: String? = nil, _ form: [String: String]) -> SiteResponse {
        var fields = form
        fields["_csrf"] = token ?? KitFixture.token(get(community, as: user).body)
        fields["_return"] = "/partners/approvals"
        return community.handle(SiteRequest(
            .post, "/partners/_action/decideApproval", form: fields, viewer: community.viewer(user, sessionID: "s-\(user.rawValue)")))
    }

    @Test func anApproverApprovesALeadAndRejectsAFundRequest() throws {
        let community = try Self.community()
        let registration = try community.deals.register(LeadRegistrationDraft(firstName: "Lena", lastName: "Lopez", company: "Contoso <AG>"), by: "pat")
        try community.funds.allocate(10_000, to: "acme", period: "2026-Q1", by: "cara")
        let fund = try community.funds.requestFunds(2_000, for: "Webinar", period: "2026-Q1", by: "pat")
        let pending = try community.approvals.pendingRequests(for: "cara")
        #expect(pending.count == 2)

        let page = Self.get(community, as: "cara").body
        let token = KitFixture.token(page)
        #expect(page.contains("Lead registration: Contoso &lt;AG&gt; (Lena Lopez)") && !page.contains("Contoso <AG>"))
        #expect(page.contains("Fund request: Webinar (2026-Q1) · $2,000.00"))
        #expect(page.contains("Channel review · Pat"))
        #expect(page.contains("name=\"decision\" value=\"approve\"") && page.contains("name=\"decision\" value=\"reject\""))

        let leadRequest = registration.request
        let approved = Self.decide(community, as: "cara", ["request": leadRequest.id.rawValue, "decision": "approve", "comment": "Good fit"])
        #expect(approved.status == 303)
        #expect(try community.approvals.requests(for: ApprovalItem(registration.lead.id)).first?.status == .approved)

        let fundRequest = fund.approval
        #expect(Self.decide(community, as: "cara", ["request": fundRequest.id.rawValue, "decision": "reject", "comment": "No budget"]).status == 303)
        #expect(try community.funds.requests(viewer: "pat").first?.status == .rejected)
        #expect(Self.get(community, as: "cara").body.contains("Nothing is waiting for your approval."))

        // Deciding again is a form error on the queue, not a crash.
        let again = Self.decide(community, as: "cara", token: token, ["request": fundRequest.id.rawValue, "decision": "approve"])
        #expect(again.status == 422 && again.body.contains("already decided"))
    }

    @Test func someoneWhoIsNotTheApproverIsRefused() throws {
        let community = try Self.community()
        _ = try community.deals.register(LeadRegistrationDraft(lastName: "Ng", company: "Tailspin"), by: "pat")
        let request = try #require(try community.approvals.pendingRequests(for: "cara").first)
        #expect(!Self.get(community, as: "mia").body.contains("Tailspin"))
        #expect(Self.decide(community, as: "mia", ["request": request.id.rawValue, "decision": "approve"]).status == 403)
        #expect(Self.decide(community, as: "pat", ["request": request.id.rawValue, "decision": "approve"]).status == 403)
        #expect(try community.approvals.pendingRequests(for: "cara").count == 1)
    }

    @Test(arguments: [
        ["request": "../x", "decision": "approve"],
        ["decision": "approve"],
        ["request": "apr-nothing", "decision": "approve"],
    ])
    func badRequestIdsAreFormErrors(_ form: [String: String]) throws {
        let community = try Self.community()
        _ = try community.deals.register(LeadRegistrationDraft(lastName: "Ng", company: "Tailspin"), by: "pat")
        let response = Self.decide(community, as: "cara", form)
        #expect(response.status == 422)
        #expect(response.body.contains("Unknown approval request."))
    }

    @Test func aMissingDecisionOrATooLongCommentWritesNothing() throws {
        let community = try Self.community()
        _ = try community.deals.register(LeadRegistrationDraft(lastName: "Ng", company: "Tailspin"), by: "pat")
        let request = try #require(try community.approvals.pendingRequests(for: "cara").first)
        let noDecision = Self.decide(community, as: "cara", ["request": request.id.rawValue, "decision": "maybe"])
        #expect(noDecision.status == 422 && noDecision.body.contains("Choose Approve or Reject."))
        let long = Self.decide(community, as: "cara", ["request": request.id.rawValue, "decision": "reject", "comment": String(repeating: "x", count: 4_001)])
        #expect(long.status == 422)
        #expect(try community.approvals.pendingRequests(for: "cara").count == 1)
    }
}
