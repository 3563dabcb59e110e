import CommunityKit
import Foundation
import Testing

/// The management console through the facade and the sites: who may see KPIs, per-site and
/// all-sites figures, sign-ins, the search query log's retention and its click-tracking link.
@Suite struct ManagementConsoleTests {
    static let password = "amber-lantern-harbour-42"
    let clock = ManualClock()
    let community: Community

    /// The kit fixture plus Ada (internal, with the management permission), the partner site,
    /// a help center (search and question pages) and the management site for administrators.
    init() throws {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Profile(id: "admin", name: "Administrator", permissions: PermissionGrants(system: [Community.managementPermission])))
            try tx.put(User(id: "ada", kind: .internal, name: "Ada", email: "ada@x.example", profileID: "admin"))
        }
        var configuration = CommunityConfiguration(store: store, clock: clock, csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.passwordHasher = .insecureForTesting()
        community = try Community(configuration)
        try community.addSite(KitFixture.partnerSite())
        var help = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner"]))
        help.status = .published
        try community.addSite(help)
        var manage = try SiteTemplate.communityManagement.makeSite(.init(id: "manage", name: "Community Management", urlPrefix: "/manage",
                                                                        memberProfileIDs: ["admin", "channel"]))
        manage.status = .published
        try community.addSite(manage)
    }

    var today: Day { Day(clock.now()) }

    func kpis(_ site: String?) throws -> CommunityKPIs {
        try community.kpis(for: community.viewer("ada"), site: site, from: Day(clock.now().addingTimeInterval(-29 * 86_400)), to: today)
    }

    @Test func onlyInternalUsersWithTheManagementPermissionSeeKPIs() throws {
        #expect(throws: ManagementError.notPermitted(user: "pat")) { try community.kpis(for: community.viewer("pat"), site: nil, from: today, to: today) }
        // Cara is internal but lacks the permission.
        #expect(throws: ManagementError.notPermitted(user: "cara")) { try community.kpis(for: community.viewer("cara"), site: "partners", from: today, to: today) }
        #expect(throws: ManagementError.notPermitted(user: nil)) { try community.kpis(for: Viewer(user: nil), site: nil, from: today, to: today) }
        #expect(community.mayViewKPIs(community.viewer("ada")))
        #expect(try kpis(nil).sections.map(\.group) == KPIGroup.allCases)
    }

    @Test func unknownSitesAndBadRangesAreTypedErrors() throws {
        let ada = community.viewer("ada")
        #expect(throws: ManagementError.unknownSite("nope")) { try community.kpis(for: ada, site: "nope", from: today, to: today) }
        let later = Day(clock.now().addingTimeInterval(86_400))
        #expect(throws: ManagementError.invalidRange(from: later.description, to: today.description)) {
            try community.kpis(for: ada, site: nil, from: later, to: today)
        }
        let long = Day(clock.now().addingTimeInterval(-400 * 86_400))
        #expect(throws: ManagementError.invalidRange(from: long.description, to: today.description)) {
            try community.kpis(for: ada, site: nil, from: long, to: today)
        }
        // Day numbers far outside any calendar are refused, not trapped on.
        #expect(throws: ManagementError.self) { try community.kpis(for: ada, site: nil, days: Int32.min...Int32.min) }
        #expect(throws: ManagementError.self) { try community.kpis(for: ada, site: nil, days: (Int32.max - 3)...Int32.max) }
    }

    @Test func aSiteCountsItsOwnContentAndEngineWideContentAllSitesCountEverything() throws {
        try community.engagement.questions.ask(title: "Partner question", body: "<p>a</p>", site: "partners", by: "pat")
        try community.engagement.questions.ask(title: "Help question", body: "<p>b</p>", site: "help", by: "pat")
        try community.engagement.questions.ask(title: "Engine-wide question", body: "<p>c</p>", by: "mia")
        #expect(try kpis("partners").figure("engagement.questions")?.value == 2)
        #expect(try kpis("help").figure("engagement.questions")?.value == 2)
        #expect(try kpis(nil).figure("engagement.questions")?.value == 3)
        // The partner site's members are the partner and channel profiles' users.
        #expect(try kpis("partners").figure("adoption.members")?.value == 4)
        #expect(try kpis("help").figure("adoption.members.internal")?.value == 0)
    }

    @Test func commentsAndFlagsCountInTheSiteOfWhatTheyAreAbout() throws {
        let partnerPost = try community.engagement.feeds.post(PostDraft(parent: .member("pat"), body: "Deal desk hours?", site: "partners"), by: "pat")
        let helpPost = try community.engagement.feeds.post(PostDraft(parent: .member("pat"), body: "Printer jams", site: "help"), by: "pat")
        try community.engagement.feeds.comment(on: .item(partnerPost.id), body: "Same here", by: "pat")
        try community.engagement.feeds.comment(on: .item(helpPost.id), body: "Me too", by: "pat")
        try community.engagement.moderation.flag(.item(partnerPost.id), reason: "Spam", by: "mia")
        #expect(try kpis("partners").figure("engagement.comments")?.value == 1)
        #expect(try kpis("help").figure("engagement.comments")?.value == 1)
        #expect(try kpis(nil).figure("engagement.comments")?.value == 2)
        #expect(try kpis("partners").figure("moderation.flagged")?.value == 1)
        #expect(try kpis("help").figure("moderation.flagged")?.value == 0)
        #expect(try kpis(nil).figure("moderation.flagged")?.value == 1)
    }

    @Test func signingInThroughASiteCountsASignInAndAnActiveMember() throws {
        try community.identity.setPassword(Self.password, for: "pat")
        let browser = Browser(community)
        browser.get("/partners/login")
        #expect(browser.post("/partners/_action/signIn", ["username": "pat", "password": Self.password]).status == 303)
        let partners = try kpis("partners")
        #expect(partners.figure("adoption.logins")?.value == 1)
        #expect(partners.figure("adoption.dailyActive")?.value == 1)
        #expect(try kpis("help").figure("adoption.logins")?.value == 0)
    }

    @Test func viewerIdsAreDroppedAfterTheRetentionWindow() throws {
        let pat = community.viewer("pat")
        let old = try community.logSearch("printer", resultCount: 3, site: "partners", viewer: pat)
        clock.advance(by: 20 * 86_400)
        let recent = try community.logSearch("toner", resultCount: 0, site: "partners", viewer: pat)
        let help = try community.logSearch("invoice", resultCount: 1, site: "help", viewer: pat)
        clock.advance(by: 11 * 86_400)
        // Day 31: the first search is past the default 30 days; the others are not.
        let summary = community.runDueWork()
        #expect(summary.ran.contains(.searchLogRetention))
        #expect(summary.searchLogEntriesScrubbed == 1)
        #expect(try community.store.snapshot().value(old)?.viewerID == nil)
        #expect(try community.store.snapshot().value(old)?.query == "printer")
        #expect(try community.store.snapshot().value(recent)?.viewerID == "pat")
        // A shorter window for the partner site takes effect at once, and only there.
        try community.setSearchLogRetention(7, site: "partners", by: community.viewer("ada"))
        #expect(community.searchLogRetention(site: "partners") == 7)
        #expect(try community.store.snapshot().value(recent)?.viewerID == nil)
        #expect(try community.store.snapshot().value(help)?.viewerID == "pat")
        // The aggregates keep counting the scrubbed searches.
        #expect(try kpis(nil).figure("search.searches")?.value == 2)
    }

    @Test func retentionSettingsAreCheckedAndTakeThePermission() throws {
        let ada = community.viewer("ada")
        #expect(throws: ManagementError.invalidRetention(days: 400)) { try community.setSearchLogRetention(400, site: "partners", by: ada) }
        #expect(throws: ManagementError.invalidRetention(days: -1)) { try community.setSearchLogRetention(-1, site: "partners", by: ada) }
        #expect(throws: ManagementError.unknownSite("nope")) { try community.setSearchLogRetention(5, site: "nope", by: ada) }
        #expect(throws: ManagementError.notPermitted(user: "pat")) { try community.setSearchLogRetention(5, site: "partners", by: community.viewer("pat")) }
        #expect(community.searchLogRetention(site: "partners") == SearchLogRetention.defaultDays)
    }

    @Test func theClickLinkRecordsThePositionAndRedirectsWithinTheSite() throws {
        let entry = try community.logSearch("printer", resultCount: 3, site: "help", viewer: community.viewer("pat"))
        let response = community.handle(SiteRequest(.get, "/help/_search/click", query: ["e": entry.rawValue, "p": "2", "to": "/help/topics"]))
        #expect(response.status == 303)
        #expect(response.location == "/help/topics")
        #expect(try community.store.snapshot().value(entry)?.clickedPosition == 2)
        let help = try kpis("help")
        #expect(help.figure("search.clickThrough")?.value == 1)
        #expect(help.figure("search.medianClickPosition")?.value == 2)
    }

    @Test(arguments: ["https://evil.example/", "//evil.example/help", "/\\evil.example", "/partners/leads", "javascript:alert(1)", "", "help/topics"])
    func theClickLinkNeverRedirectsOutsideTheSite(target: String) throws {
        let entry = try community.logSearch("printer", resultCount: 3, site: "help", viewer: community.viewer("pat"))
        let response = community.handle(SiteRequest(.get, "/help/_search/click", query: ["e": entry.rawValue, "p": "1", "to": target]))
        #expect(response.status == 400)
        #expect(response.location == nil)
        #expect(try community.store.snapshot().value(entry)?.clickedPosition == nil)
    }

    @Test func aClickOnAnotherSitesSearchOrABadPositionIsNotRecorded() throws {
        let entry = try community.logSearch("printer", resultCount: 3, site: "partners", viewer: community.viewer("pat"))
        #expect(community.handle(SiteRequest(.get, "/help/_search/click", query: ["e": entry.rawValue, "p": "1", "to": "/help/"])).status == 303)
        #expect(community.handle(SiteRequest(.get, "/partners/_search/click", query: ["e": entry.rawValue, "p": "-3", "to": "/partners/"])).status == 303)
        #expect(community.handle(SiteRequest(.get, "/partners/_search/click", query: ["e": "no such id", "p": "1", "to": "/partners/"])).status == 303)
        #expect(try community.store.snapshot().value(entry)?.clickedPosition == nil)
        #expect(throws: ManagementError.unknownSearch(entry.rawValue)) { try community.recordSearchClick(entry, position: 1, site: "help") }
    }

    @Test func siteSearchLogsTheQueryAndLinksResultsThroughTheClickLink() throws {
        let question = try community.engagement.questions.ask(title: "Printer jams after the update", body: "<p>jam</p>", site: "help", by: "pat")
        let response = community.handle(SiteRequest(.get, "/help/search", query: ["q": "  Printer "], viewer: community.viewer("pat")))
        #expect(response.status == 200)
        let logged = try community.store.snapshot().all(SearchQueryLogEntry.self).map(\.value)
        #expect(logged.count == 1)
        #expect(logged.first?.query == "printer")
        #expect(logged.first?.viewerID == "pat")
        #expect(logged.first?.siteID == "help")
        let entry = try #require(logged.first)
        #expect(response.body.contains("/help/_search/click?e=\(entry.id.rawValue)&amp;p=1&amp;to=/help/question/\(question.id.rawValue)"))
        #expect(try kpis("help").topList("search.topQueries")?.entries.map(\.key) == ["printer"])
    }

    @Test func theManagementSiteShowsTheConsoleToAdministratorsOnly() throws {
        try community.engagement.questions.ask(title: "Partner question", body: "<p>a</p>", site: "partners", by: "pat")
        let page = community.handle(SiteRequest(.get, "/manage/engagement", viewer: community.viewer("ada")))
        #expect(page.status == 200)
        #expect(page.body.contains("class=\"ck-kpi-card\""))
        #expect(page.body.contains("Questions asked"))
        #expect(page.body.contains("<svg"))
        #expect(page.body.contains("name=\"from\""))
        // Narrowed to the help site by the plain GET form's values.
        let narrowed = community.handle(SiteRequest(.get, "/manage/engagement", query: ["site": "help", "from": "2025-12-01", "to": "2026-01-01"],
                                                    viewer: community.viewer("ada")))
        #expect(narrowed.status == 200)
        #expect(narrowed.body.contains("value=\"2025-12-01\""))
        // A channel manager is a member of the site but lacks the permission: no numbers.
        let cara = community.handle(SiteRequest(.get, "/manage/", viewer: community.viewer("cara")))
        #expect(!cara.body.contains("class=\"ck-kpi-card\""))
        #expect(cara.body.contains("Only community managers"))
        // Partners are not members; guests are sent to sign in.
        #expect(community.handle(SiteRequest(.get, "/manage/", viewer: community.viewer("pat"))).status == 403)
        #expect(community.handle(SiteRequest(.get, "/manage/engagement")).status == 303)
    }

    @Test func badRangeValuesInTheFormShowAMessageAndTheDefaultRange() throws {
        let ada = community.viewer("ada")
        let bad = community.handle(SiteRequest(.get, "/manage/", query: ["from": "yesterday"], viewer: ada))
        #expect(bad.status == 200)
        #expect(bad.body.contains("Enter dates as YYYY-MM-DD"))
        let reversed = community.handle(SiteRequest(.get, "/manage/", query: ["from": "2026-02-01", "to": "2026-01-01"], viewer: ada))
        #expect(reversed.body.contains("The start date is after the end date"))
        let unknown = community.handle(SiteRequest(.get, "/manage/", query: ["site": "nope"], viewer: ada))
        #expect(unknown.body.contains("The chosen site does not exist"))
    }

    @Test func anAdministratorSetsASitesRetentionWithThePlainForm() throws {
        try community.identity.setPassword(Self.password, for: "ada")
        let browser = Browser(community)
        browser.get("/manage/login")
        #expect(browser.post("/manage/_action/signIn", ["username": "ada", "password": Self.password]).status == 303)
        let page = browser.get("/manage/knowledge")
        #expect(page.body.contains("Search log privacy"))
        #expect(page.body.contains("30 days"))
        let bad = browser.post("/manage/_action/setSearchLogRetention", ["site": "help", "days": "900"])
        #expect(bad.status == 422)
        #expect(bad.body.contains("from 0 to 365"))
        #expect(browser.post("/manage/_action/setSearchLogRetention", ["site": "nope", "days": "3"]).status == 422)
        browser.get("/manage/knowledge")
        #expect(browser.post("/manage/_action/setSearchLogRetention", ["site": "help", "days": "3"]).status == 303)
        #expect(community.searchLogRetention(site: "help") == 3)
        #expect(browser.get("/manage/knowledge").body.contains("3 days"))
    }

    @Test func theRetentionFormRefusesViewersWithoutThePermission() throws {
        try community.identity.setPassword(Self.password, for: "cara")
        let browser = Browser(community)
        browser.get("/manage/login")
        #expect(browser.post("/manage/_action/signIn", ["username": "cara", "password": Self.password]).status == 303)
        browser.get("/manage/knowledge")
        let refused = browser.post("/manage/_action/setSearchLogRetention", ["site": "help", "days": "3"])
        #expect(refused.status == 403)
        #expect(community.searchLogRetention(site: "help") == SearchLogRetention.defaultDays)
    }
}
