import CommunityKit
import Foundation
import Testing

/// The employee portal is reachable from the facade and from the site: an internal member
/// reads the announcements meant for them, submits a leave request that their manager approves
/// through the approval engine, and publishes announcements; partners get none of it.
@Suite struct EmployeePortalPageTests {
    static func community(publishers: Set<ID<Role>> = []) throws -> Community {
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.programs = ProgramConfiguration(
            announcementPublisherRoles: publishers,
            employeeRequestKinds: [
                "leave": [ApprovalStep(name: "Manager", approvers: [.submittersManager])],
                "equipment": [ApprovalStep(name: "Manager", approvers: [.submittersManager])],
            ])
        let community = try Community(configuration)
        try community.store.write { tx in
            try tx.put(User(id: "eve", kind: .internal, name: "Eve", email: "eve@x.example", profileID: "channel", managerID: "cara"))
        }
        var site = try KitFixture.partnerSite()
        try site.addPage(Page(id: "hub", title: "Employee hub", slug: "hub", visibility: .members, layout: PageLayout(regions: [
            Region(name: "main", rows: [Row(columns: [Column(components: [
                ComponentInstance(id: "portal", type: EmployeePortalComponent.type),
            ])])]),
        ])))
        try community.addSite(site)
        return community
    }

    static func get(_ community: Community, _ path: String, as user: ID<User>) -> SiteResponse {
        community.handle(SiteRequest(.get, path, viewer: community.viewer(user, sessionID: "s-\(user.rawValue)")))
    }

    static func post(_ community: Community, _ action: String, as user: ID<User>, _ form: [String: String]) -> SiteResponse {
        let viewer = community.viewer(user, sessionID: "s-\(user.rawValue)")
        var fields = form
        fields["_csrf"] = KitFixture.token(get(community, "/partners/hub", as: user).body)
        fields["_return"] = "/partners/hub"
        return community.handle(SiteRequest(.post, "/partners/_action/" + action, form: fields, viewer: viewer))
    }

    @Test func anEmployeeSubmitsALeaveRequestTheirManagerApproves() throws {
        let community = try Self.community()
        let page = Self.get(community, "/partners/hub", as: "eve")
        #expect(page.status == 200)
        #expect(page.body.contains("action=\"/partners/_action/submitEmployeeRequest\""))
        #expect(page.body.contains("<option value=\"equipment\">equipment</option><option value=\"leave\">leave</option>"))
        #expect(page.body.contains("<label for=\"f-submitEmployeeRequest-details\">"))

        let done = Self.post(community, "submitEmployeeRequest", as: "eve", [
            "kind": "leave", "details": "Holiday <trip>", "start": "2026-12-21", "end": "2026-12-24",
        ])
        #expect(done.status == 303)
        #expect(done.headers["Location"] == "/partners/hub")
        let request = try #require(try community.employees.requests(of: "eve").first)
        let firstDay = try Day(year: 2026, month: 12, day: 21)
        #expect(request.kind == "leave" && request.startDay == firstDay)
        let listed = Self.get(community, "/partners/hub", as: "eve").body
        #expect(listed.contains("Holiday &lt;trip&gt;") && !listed.contains("Holiday <trip>"))
        #expect(listed.contains("2026-12-21 – 2026-12-24 · Submitted"))

        // Cara, Eve's manager, approves it through the shared approval engine.
        let pending = try #require(try community.approvals.pendingRequests(for: "cara").first)
        _ = try community.approvals.approve(pending.id, by: "cara")
        #expect(Self.get(community, "/partners/hub", as: "eve").body.contains("· Approved"))
        #expect(!Self.get(community, "/partners/hub", as: "cara").body.contains("Holiday"))
    }

    @Test(arguments: [
        (["kind": "vacation", "details": "x"], "kind"),
        (["kind": "leave"], "details"),
        (["kind": "leave", "details": "x", "start": "21.12.2026"], "start"),
        (["kind": "leave", "details": "x", "start": "2026-02-30"], "start"),
        (["kind": "leave", "details": "x", "start": "2026-12-24", "end": "2026-12-21"], "end"),
    ])
    func badRequestsAreFieldErrorsAndWriteNothing(_ form: [String: String], field: String) throws {
        let community = try Self.community()
        let response = Self.post(community, "submitEmployeeRequest", as: "eve", form)
        #expect(response.status == 422)
        #expect(response.body.contains("id=\"f-submitEmployeeRequest-\(field)-error\""))
        #expect(try community.employees.requests(of: "eve").isEmpty)
    }

    @Test func tooLongDetailsComeBackOnTheField() throws {
        let community = try Self.community()
        let response = Self.post(community, "submitEmployeeRequest", as: "eve", ["kind": "leave", "details": String(repeating: "a", count: 4_001)])
        #expect(response.status == 422)
        #expect(response.body.contains("id=\"f-submitEmployeeRequest-details-error\""))
    }

    @Test func partnersAndGuestsCannotUseThePortal() throws {
        let community = try Self.community()
        try community.employees.publish(title: "Internal only", body: "Salary review dates", by: "cara")
        let partnerPage = Self.get(community, "/partners/hub", as: "pat")
        #expect(partnerPage.status == 200)
        #expect(!partnerPage.body.contains("Internal only") && !partnerPage.body.contains("submitEmployeeRequest"))
        #expect(Self.post(community, "submitEmployeeRequest", as: "pat", ["kind": "leave", "details": "x"]).status == 403)
        #expect(Self.post(community, "publishAnnouncement", as: "pat", ["title": "Hi", "body": "x"]).status == 403)
        #expect(try community.employees.requests(of: "pat").isEmpty)
        #expect(Self.get(community, "/partners/hub", as: "eve").body.contains("Internal only"))
    }

    @Test func anEmployeePublishesAnAnnouncementForADepartment() throws {
        let community = try Self.community()
        #expect(Self.get(community, "/partners/hub", as: "eve").body.contains("action=\"/partners/_action/publishAnnouncement\""))
        let done = Self.post(community, "publishAnnouncement", as: "eve", ["title": "Office <closed>", "body": "On Friday."])
        #expect(done.status == 303)
        #expect(Self.get(community, "/partners/hub", as: "cara").body.contains("Office &lt;closed&gt;"))
        let targeted = Self.post(community, "publishAnnouncement", as: "eve", ["title": "Finance only", "body": "Close.", "department": "Finance"])
        #expect(targeted.status == 303)
        #expect(!Self.get(community, "/partners/hub", as: "cara").body.contains("Finance only"))
        let missing = Self.post(community, "publishAnnouncement", as: "eve", ["body": "No title"])
        #expect(missing.status == 422 && missing.body.contains("id=\"f-publishAnnouncement-title-error\""))
    }

    @Test func onlyPublisherRolesSeeAndUseThePublishForm() throws {
        let community = try Self.community(publishers: ["cm"])
        #expect(!Self.get(community, "/partners/hub", as: "eve").body.contains("publishAnnouncement"))
        #expect(Self.post(community, "publishAnnouncement", as: "eve", ["title": "Hi", "body": "x"]).status == 403)
        #expect(Self.get(community, "/partners/hub", as: "cara").body.contains("publishAnnouncement"))
        #expect(Self.post(community, "publishAnnouncement", as: "cara", ["title": "Hi", "body": "x"]).status == 303)
        #expect(try community.employees.announcements(for: "eve").map(\.title) == ["Hi"])
    }
}
