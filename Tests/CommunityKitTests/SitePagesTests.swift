import CommunityKit
import Foundation
import Testing

/// Work that had no page: agent case work (take a case from a queue, move its status), the
/// member who raised a case keeps reading it, self-registration review, and the access
/// explanation on record pages. Each through `community.handle`: allowed, refused, bad input.
@Suite struct SitePagesTests {
    static let admins: ID<PermissionSet> = "admins"

    /// The kit fixture with a tier 1 queue (Cara), invoice cases routed to it, an administrators
    /// permission set for Cara (manage the community, explain access), pending self-registration,
    /// and pages for the case queue, the registration queue and the access explanation.
    static func community() throws -> Community {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Queue(id: "tier1", name: "Tier 1", objects: ["Case"], members: [.user("cara")]))
            try tx.put(PermissionSet(id: admins, name: "Admins", permissions: PermissionGrants(
                system: [.manageCommunity, Community.explainAccessPermission])))
            try tx.put(User(id: "cara", kind: .internal, name: "Cara", email: "cara@x.example", profileID: "channel", permissionSetIDs: [admins], roleID: "cm"))
            try tx.put(Lead(id: "lead-pat", lastName: "Lopez", company: "Contoso", partnerAccountID: "acme", owner: .user("pat")))
        }
        var configuration = CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret)
        configuration.support = CaseServiceConfiguration(
            assignmentRules: [CaseAssignmentRule(name: "Invoices", criteria: [.keywords(["invoice"])], target: .queue("tier1"))],
            defaultOwner: .user("cara"))
        let community = try Community(configuration)
        var site = try KitFixture.partnerSite()
        site.selfRegistration = .pending
        site.selfRegistrationProfileID = "partner"
        site.selfRegistrationAccountID = "acme"
        for (id, type) in [("case-queue", CaseQueueComponent.type), ("registrations", RegistrationQueueComponent.type)] {
            try site.addPage(Page(id: id, title: id, slug: id, visibility: .members, layout: PageLayout {
                Region("main") { Row { Column(12) { ComponentInstance(id: "c", type: type) } } }
            }))
        }
        for id in ["case", "lead"] {
            var page = try #require(site.page(id))
            let main = try #require(page.layout.regions.firstIndex { $0.name == "main" })
            page.layout.regions[main].rows.append(Row(columns: [Column(components: [
                ComponentInstance(id: "work", type: CaseWorkComponent.type), ComponentInstance(id: "why", type: AccessExplanationComponent.type),
            ])]))
            try site.updatePage(page)
        }
        site.locales = ["en_US", "de_DE", "ko_KR"]
        try community.addSite(site)
        return community
    }

    static func get(_ community: Community, _ path: String, as user: ID<User>?, query: [String: String] = [:]) -> SiteResponse {
        let viewer = user.map { community.viewer($0, sessionID: "s-\($0.rawValue)") } ?? .guest
        return community.handle(SiteRequest(.get, path, query: query, viewer: viewer))
    }

    static func post(_ community: Community, _ action: String, from page: String, as user: ID<User>, _ form: [String: String]) -> SiteResponse {
        PartnerProgramPageTests.post(community, action, from: page, as: user, form)
    }

    // MARK: The member who raised a case keeps reading it

    @Test func aPartnersSubmittedCaseRoutedToSomeoneElseStaysReadable() throws {
        let community = try Self.community()
        let response = Self.post(community, "submitCase", from: "/partners/support", as: "pat",
                                 ["subject": "Price list PDF broken", "description": "It returns an error."])
        #expect(response.status == 303)
        let location = try #require(response.headers["Location"])
        let record = try #require(try community.store.snapshot().all(Case.self).map(\.value).first { $0.subject == "Price list PDF broken" })
        #expect(record.owner == .user("cara"))  // routed away from Pat
        #expect(location == "/partners/case/\(record.id.rawValue)")
        let page = Self.get(community, location, as: "pat")
        #expect(page.status == 200)
        #expect(page.body.contains("Price list PDF broken"))
        #expect(try community.cases.case(record.id, viewer: "pat").id == record.id)
        let share = try #require(try community.store.snapshot().value(CaseService.raiserShareID(of: record.id)))
        #expect(share.sharedWith == .user("pat") && share.accessLevel == .read && share.cause == CaseService.raiserShareCause)
        // Only the raiser (and those above them) gain: another partner still cannot read it.
        #expect(Self.get(community, location, as: "bo").status != 200)
    }

    @Test func aCaseTheRaiserStillOwnsGetsNoShare() throws {
        let store = try KitFixture.store()
        let community = try Community(CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret))
        let record = try community.cases.submit(CaseDraft(subject: "Mine"), by: "pat")
        #expect(record.owner == .user("pat"))
        #expect(try store.snapshot().value(CaseService.raiserShareID(of: record.id)) == nil)
    }

    // MARK: Agent case work

    @Test func anAgentTakesAQueuedCaseAndMovesItsStatus() throws {
        let community = try Self.community()
        let record = try community.cases.submit(CaseDraft(subject: "Invoice total is wrong", description: "Twice the amount."), by: "pat")
        #expect(record.owner == .queue("tier1"))

        let queue = Self.get(community, "/partners/case-queue", as: "cara")
        #expect(queue.body.contains("Invoice total is wrong") && queue.body.contains("Tier 1 · Medium"))
        #expect(queue.body.contains("action=\"/partners/_action/pickCase\""))
        let casePage = "/partners/case/\(record.id.rawValue)"
        let before = Self.get(community, casePage, as: "cara").body
        #expect(before.contains("Take this case") && before.contains("<option value=\"Working\""))
        #expect(!before.contains("<option value=\"New\""))  // only statuses the lifecycle allows next

        let picked = Self.post(community, "pickCase", from: "/partners/case-queue", as: "cara", ["case": record.id.rawValue])
        #expect(picked.status == 303)
        #expect(picked.headers["Location"] == casePage)
        #expect(try community.store.snapshot().value(record.id)?.owner == .user("cara"))
        #expect(!Self.get(community, "/partners/case-queue", as: "cara").body.contains("Invoice total is wrong"))

        let moved = Self.post(community, "changeCaseStatus", from: casePage, as: "cara", ["case": record.id.rawValue, "status": "Working"])
        #expect(moved.status == 303)
        #expect(try community.store.snapshot().value(record.id)?.status == "Working")
        #expect(try community.cases.history(of: record.id, viewer: "cara").contains { $0.field == "Status" && $0.newValue == "Working" })
        // Pat raised it and still reads it after the owner changed twice.
        #expect(Self.get(community, casePage, as: "pat").body.contains("Invoice total is wrong"))
    }

    @Test func partnersGetNoCaseWorkAndAreRefused() throws {
        let community = try Self.community()
        let record = try community.cases.submit(CaseDraft(subject: "Invoice missing"), by: "pat")
        let casePage = "/partners/case/\(record.id.rawValue)"
        let page = Self.get(community, casePage, as: "pat").body
        #expect(!page.contains("changeCaseStatus") && !page.contains("pickCase"))
        #expect(!Self.get(community, "/partners/case-queue", as: "pat").body.contains("Invoice missing"))
        #expect(Self.post(community, "pickCase", from: casePage, as: "pat", ["case": record.id.rawValue]).status == 403)
        #expect(Self.post(community, "changeCaseStatus", from: casePage, as: "pat", ["case": record.id.rawValue, "status": "Closed"]).status == 403)
        #expect(try community.store.snapshot().value(record.id)?.owner == .queue("tier1"))
        #expect(try community.store.snapshot().value(record.id)?.status == "New")
    }

    @Test func badCaseWorkInputIsAFormErrorAndWritesNothing() throws {
        let community = try Self.community()
        let record = try community.cases.submit(CaseDraft(subject: "Invoice late"), by: "pat")
        let casePage = "/partners/case/\(record.id.rawValue)"
        let id = record.id.rawValue
        for form in [["case": "../etc", "status": "Working"], ["case": "no-such-case", "status": "Working"], ["case": id, "status": "Bogus"], ["case": id]] {
            let response = Self.post(community, "changeCaseStatus", from: casePage, as: "cara", form)
            #expect(response.status == 422, "\(form)")
        }
        // The lifecycle does not go from New to Waiting on Customer: the reason is shown at the field.
        let illegal = Self.post(community, "changeCaseStatus", from: casePage, as: "cara", ["case": id, "status": "Waiting on Customer"])
        #expect(illegal.status == 422)
        #expect(illegal.body.contains("This case cannot move from New to Waiting on Customer."))
        #expect(try community.store.snapshot().value(record.id)?.status == "New")
        // A case nobody queued cannot be picked.
        _ = try community.cases.pick(record.id, by: "cara")
        let again = Self.post(community, "pickCase", from: casePage, as: "cara", ["case": id])
        #expect(again.status == 422)
        #expect(again.body.contains("Someone else took this case"))
        #expect(Self.post(community, "pickCase", from: casePage, as: "cara", ["case": "bad id"]).status == 422)
    }

    // MARK: Self-registration review

    static func register(_ community: Community, _ id: String, site: String = "partners", name: String) throws {
        try community.store.write { tx in
            try tx.put(SiteRegistration(id: ID(sanitizing: id), siteID: site, name: name, email: "\(id)@join.example", locale: "en_US",
                                        status: .pending, createdAt: community.clock.now()))
        }
    }

    @Test func anAdministratorApprovesOrTurnsDownRegistrations() throws {
        let community = try Self.community()
        try Self.register(community, "reg-1", name: "Jordan Lee")
        try Self.register(community, "reg-2", name: "Sky Park")
        let page = Self.get(community, "/partners/registrations", as: "cara").body
        #expect(page.contains("Jordan Lee") && page.contains("Sky Park") && page.contains("reviewRegistration"))
        #expect(try community.pendingRegistrations(site: "partners").map(\.name) == ["Jordan Lee", "Sky Park"])

        let approved = Self.post(community, "reviewRegistration", from: "/partners/registrations", as: "cara", ["registration": "reg-1", "decision": "approve"])
        #expect(approved.status == 303)
        let first = try #require(try community.store.snapshot().value(ID<SiteRegistration>("reg-1")))
        #expect(first.status == .approved)
        let member = try #require(try first.userID.flatMap { try community.store.snapshot().value($0) })
        #expect(member.name == "Jordan Lee" && member.profileID == "partner" && member.accountID == "acme")
        // The member joined through the partner site: its new-member KPI counts there.
        #expect(member.siteID == "partners")

        let rejected = Self.post(community, "reviewRegistration", from: "/partners/registrations", as: "cara", ["registration": "reg-2", "decision": "reject"])
        #expect(rejected.status == 303)
        #expect(try community.store.snapshot().value(ID<SiteRegistration>("reg-2"))?.status == .rejected)
        #expect(Self.get(community, "/partners/registrations", as: "cara").body.contains("No registrations are waiting."))
        #expect(try community.pendingRegistrations(site: "partners").isEmpty)
    }

    @Test func membersWhoMayNotReviewAreRefused() throws {
        let community = try Self.community()
        try Self.register(community, "reg-1", name: "Jordan Lee")
        #expect(!Self.get(community, "/partners/registrations", as: "pat").body.contains("Jordan Lee"))
        let response = Self.post(community, "reviewRegistration", from: "/partners/registrations", as: "pat", ["registration": "reg-1", "decision": "approve"])
        #expect(response.status == 403)
        #expect(try community.store.snapshot().value(ID<SiteRegistration>("reg-1"))?.status == .pending)
    }

    @Test func badRegistrationReviewsAreFormErrors() throws {
        let community = try Self.community()
        try Self.register(community, "reg-1", name: "Jordan Lee")
        try Self.register(community, "reg-help", site: "help", name: "Other Site")
        for form in [["registration": "../x", "decision": "approve"], ["registration": "reg-404", "decision": "approve"],
                     ["registration": "reg-1", "decision": "maybe"], ["registration": "reg-help", "decision": "approve"]] {
            let response = Self.post(community, "reviewRegistration", from: "/partners/registrations", as: "cara", form)
            #expect(response.status == 422, "\(form)")
        }
        #expect(try community.store.snapshot().value(ID<SiteRegistration>("reg-1"))?.status == .pending)
        #expect(try community.store.snapshot().value(ID<SiteRegistration>("reg-help"))?.status == .pending)
        #expect(throws: CommunityError.unknownRegistration("reg-404")) { try community.rejectRegistration("reg-404") }
        try community.rejectRegistration("reg-1")
        #expect(throws: CommunityError.unknownRegistration("reg-1")) { try community.rejectRegistration("reg-1") }
    }

    // MARK: Access explanation

    @Test func anAdministratorSeesWhyAMemberCanSeeARecord() throws {
        let community = try Self.community()
        let page = Self.get(community, "/partners/lead/lead-pat", as: "cara", query: [AccessExplanationComponent.memberQuery: "pat"])
        #expect(page.status == 200)
        #expect(page.body.contains("Who can see this record?"))
        #expect(page.body.contains("<option value=\"pat\" selected"))
        #expect(page.body.contains("Pat: read and edit") || page.body.contains("Pat: full access"))
        #expect(page.body.contains("Access comes from"))
        let denied = Self.get(community, "/partners/lead/lead-pat", as: "cara", query: [AccessExplanationComponent.memberQuery: "bo"]).body
        #expect(denied.contains("Bo: no access"))
        #expect(denied.contains("Looked for and not found"))
    }

    @Test(arguments: [
        ("en_US", "Owns the record · full access", "Does not own the record (the owner is pat)"),
        ("de_DE", "Ist Inhaber des Datensatzes · voller Zugriff", "Ist nicht Inhaber des Datensatzes (Inhaber ist pat)"),
        ("ko_KR", "레코드 소유자 · 전체 접근", "레코드 소유자가 아님 (소유자: pat)"),
    ])
    func theExplanationSpeaksTheAdministratorsLanguage(_ locale: String, _ granted: String, _ missing: String) throws {
        let community = try Self.community()
        try community.store.write { tx in
            guard var cara = try tx.get(ID<User>("cara"))?.value else { return }
            cara.locale = locale
            try tx.put(cara)
        }
        let page = Self.get(community, "/partners/lead/lead-pat", as: "cara", query: [AccessExplanationComponent.memberQuery: "pat"]).body
        #expect(page.contains(granted), "\(locale): \(granted)")
        // The chain names the engine's records by id, marked as the engine's (English) detail.
        #expect(page.contains(#"<small class="ck-meta" lang="en">"#))
        let denied = Self.get(community, "/partners/lead/lead-pat", as: "cara", query: [AccessExplanationComponent.memberQuery: "bo"]).body
        #expect(denied.contains(missing), "\(locale): \(missing)")
        if locale != "en_US" {
            for english in ["does not own the record", "role hierarchy:", "org-wide default", "no sharing rule", "no implicit path"] {
                #expect(!denied.contains(english), "\(locale) printed \(english)")
            }
        }
    }

    @Test func explanationReasonsAreValuesWithTheEngineWords() throws {
        let community = try Self.community()
        let explanation = community.explain(user: "bo", object: "Lead", id: "lead-pat")
        #expect(explanation.level == .none)
        #expect(explanation.missing.contains(.ownedByUser("pat")))
        #expect(explanation.notFound == explanation.missing.map(\.description))
        #expect(explanation.notFound.contains("does not own the record (owner user pat)"))
    }

    @Test func othersGetNoAccessExplanation() throws {
        let community = try Self.community()
        let page = Self.get(community, "/partners/lead/lead-pat", as: "pat", query: [AccessExplanationComponent.memberQuery: "bo"]).body
        #expect(page.contains("Contoso"))
        #expect(!page.contains("Who can see this record?") && !page.contains("Bo: no access"))
    }

    @Test(arguments: ["nobody", "../etc", "", "<b>x"])
    func anUnknownMemberIsAFieldError(_ member: String) throws {
        let community = try Self.community()
        let body = Self.get(community, "/partners/lead/lead-pat", as: "cara", query: [AccessExplanationComponent.memberQuery: member]).body
        #expect(body.contains("Who can see this record?"))
        #expect(!body.contains("Access comes from"))
        #expect(body.contains("Choose a member of this site.") == !member.isEmpty)
        #expect(!body.contains("<b>x"))
    }
}
