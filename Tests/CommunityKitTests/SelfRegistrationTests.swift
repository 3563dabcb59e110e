import CommunityKit
import Foundation
import Testing

@Suite struct SelfRegistrationTests {
    func setUp(_ mode: Site.SelfRegistration) throws -> Community {
        let community = try KitFixture.community()
        try community.store.write { tx in
            try tx.put(Profile(id: "member", name: "Self-registered", permissions: PermissionGrants(objects: ["Case": [.read, .create]])))
            try tx.put(Account(id: "community-members", name: "Community Members", owner: "cara"))
        }
        var site = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["member"]))
        site.status = .published
        site.selfRegistration = mode
        site.selfRegistrationProfileID = "member"
        site.selfRegistrationAccountID = "community-members"
        var home = try #require(site.page("home"))
        home.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "join", type: "community.selfRegistration"))
        try site.updatePage(home)
        try community.addSite(site)
        return community
    }

    func post(_ community: Community, _ form: [String: String], viewer: Viewer = .guest) -> SiteResponse {
        let page = community.handle(SiteRequest(.get, "/help/", viewer: viewer))
        return community.handle(SiteRequest(
            .post, "/help/_action/selfRegister", form: form.merging(["_csrf": KitFixture.token(page.body)]) { a, _ in a }, viewer: viewer,
            cookies: KitFixture.cookies(page)))
    }

    @Test func instantRegistrationCreatesAMember() throws {
        let community = try setUp(.instant)
        #expect(community.handle(SiteRequest(.get, "/help/")).body.contains("selfRegister"))
        let response = post(community, ["name": "Lee Ji-eun", "email": "JIEUN@example.kr"])
        #expect(response.status == 303)
        let user = try #require(try community.store.snapshot().all(User.self).map(\.value).first { $0.email == "jieun@example.kr" })
        #expect(user.kind == .customer && user.isHighVolume && user.accountID == "community-members")
        // Issue 17: the member joined through the help center, now (adoption KPIs count them there, on this day).
        #expect(user.siteID == "help" && user.joinedAt == community.clock.now())
        #expect(community.site("help")!.site.isMember(community.viewer(user.id)))
        let again = post(community, ["name": "Someone", "email": "jieun@example.kr"])
        #expect(again.status == 422 && again.body.contains("already registered"))
    }

    @Test func pendingRegistrationWaitsForApproval() throws {
        let community = try setUp(.pending)
        #expect(post(community, ["name": "Max Muster", "email": "max@example.de"]).status == 303)
        let pending = try community.pendingRegistrations()
        try #require(pending.count == 1)
        #expect(pending[0].userID == nil)
        #expect(try community.store.snapshot().all(User.self).count == 4, "no user yet")
        (community.clock as? ManualClock)?.advance(by: 86_400)  // approved a day later: joined on approval
        let user = try community.approveRegistration(pending[0].id)
        #expect(community.viewer(user).user?.email == "max@example.de")
        let member = try #require(try community.store.snapshot().value(user))
        #expect(member.siteID == "help" && member.joinedAt == community.clock.now())
        #expect(try community.pendingRegistrations().isEmpty)
        #expect(throws: CommunityError.unknownRegistration(pending[0].id.rawValue)) { try community.approveRegistration(pending[0].id) }
    }

    @Test func badInputAndClosedSitesAreRefused() throws {
        let community = try setUp(.instant)
        let invalid = post(community, ["name": "", "email": "not-an-email"])
        #expect(invalid.status == 422 && invalid.body.contains("Enter your name") && invalid.body.contains("Enter a valid e-mail address."))
        #expect(post(community, ["name": "Pat", "email": "p2@example.com"], viewer: community.viewer("pat", sessionID: "s")).status == 403)
        let closed = try setUp(.disabled)
        #expect(!closed.handle(SiteRequest(.get, "/help/")).body.contains("selfRegister"))
        #expect(post(closed, ["name": "X", "email": "x@example.com"]).status == 403)
    }
}
