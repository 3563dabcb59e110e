import CommunityKit
import Foundation
import Testing

@Suite struct CommunityTests {
    @Test func pluginsRegisterComponentsAndTheRegistryFreezes() throws {
        let community = try KitFixture.community(plugins: [.quotes])
        #expect(community.registry.isFrozen)
        #expect(community.registry.entry(for: "acme.quote") != nil)
        var copy = community.registry
        #expect(throws: RegistryError.frozen("acme.quote")) { try copy.register(Quote.self) }
        var site = try KitFixture.partnerSite()
        var home = try #require(site.page("home"))
        home.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "quote", type: "acme.quote", properties: ["text": "<Partners first>"]))
        try site.updatePage(home)
        try community.addSite(site)
        // Bo's silver tier gets the default layout (Pat's gold tier gets the gold variation).
        let body = community.handle(SiteRequest(.get, "/partners/", viewer: community.viewer("bo"))).body
        #expect(body.contains("<blockquote>&lt;Partners first&gt;</blockquote>"))
    }

    @Test func aFailingPluginNamesItself() {
        let broken = CommunityPlugin(name: "Broken") { setup in try setup.registry.register(HeaderComponent.self) }
        #expect(throws: CommunityError.plugin(name: "Broken", reason: "component type community.header is already registered")) {
            try KitFixture.community(plugins: [broken])
        }
    }

    @Test func invalidAndDuplicateSitesAreRefused() throws {
        let community = try KitFixture.community()
        var site = try KitFixture.partnerSite()
        var home = try #require(site.page("home"))
        home.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "q", type: "acme.quote"))
        try site.updatePage(home)
        #expect(throws: CommunityError.self) { try community.addSite(site) }
        try community.addSite(KitFixture.partnerSite())
        var clash = try KitFixture.partnerSite()
        clash.id = "other"
        #expect(throws: CommunityError.duplicateSite("other")) { try community.addSite(clash) }
        #expect(community.siteIDs == ["partners"])
        #expect(community.handle(SiteRequest(.get, "/elsewhere")).status == 404)
    }

    @Test func manySitesRouteByPrefix() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        var help = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner"]))
        help.status = .published
        try community.addSite(help)
        #expect(community.site(forPath: "/help/topics")?.site.id == "help")
        #expect(community.site(forPath: "/partners")?.site.id == "partners")
        #expect(community.handle(SiteRequest(.get, "/help/")).body.contains("How can we help?"))
    }

    @Test func viewersCarryAccountAndPermissions() throws {
        let community = try KitFixture.community()
        let pat = community.viewer("pat", sessionID: "s1")
        #expect(pat.user?.id == "pat" && pat.account?.name == "Acme" && pat.sessionID == "s1")
        #expect(community.viewer("cara").permissions.contains("moderateCommunity"))
        #expect(community.viewer("ghost").isGuest)
    }

    @Test func leadRegistrationRunsThroughTheServices() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let pat = community.viewer("pat", sessionID: "s")
        let page = community.handle(SiteRequest(.get, "/partners/leads", viewer: pat)).body
        let form = ["_csrf": KitFixture.token(page), "_return": "/partners/leads", "company": "Woodgrove", "lastName": "Shah"]
        let response = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: form, viewer: pat))
        #expect(response.status == 303)
        let leadID = try #require(response.location?.split(separator: "/").last.map(String.init))
        #expect(try community.store.snapshot().value(ID<Lead>(leadID))?.company == "Woodgrove")
        #expect(try community.approvals.pendingRequests(for: "cara").count == 1)
        // Pat's manager sees it, the other partner does not.
        #expect(community.handle(SiteRequest(.get, "/partners/leads", viewer: community.viewer("mia"))).body.contains("Woodgrove"))
        #expect(!community.handle(SiteRequest(.get, "/partners/leads", viewer: community.viewer("bo"))).body.contains("Woodgrove"))
        // Missing fields come back in the form; a forged token is refused; the guest is refused.
        let invalid = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: ["_csrf": KitFixture.token(page), "_return": "/partners/leads"], viewer: pat))
        #expect(invalid.status == 422 && invalid.body.contains("Enter the company."))
        #expect(community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: form, viewer: community.viewer("bo", sessionID: "s"))).status == 403)
    }

    @Test func questionsAndCasesRunThroughTheServices() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let pat = community.viewer("pat", sessionID: "s")
        let token = KitFixture.token(community.handle(SiteRequest(.get, "/partners/questions", viewer: pat)).body)
        let asked = community.handle(SiteRequest(.post, "/partners/_action/askQuestion", form: ["_csrf": token, "title": "Where is the price list?", "body": "I cannot find it."], viewer: pat))
        #expect(asked.status == 303)
        let questionPage = community.handle(SiteRequest(.get, try #require(asked.location), viewer: pat))
        #expect(questionPage.status == 200 && questionPage.body.contains("Where is the price list?"))
        #expect(questionPage.body.contains("\"@type\":\"QAPage\""))
        let submitted = community.handle(SiteRequest(.post, "/partners/_action/submitCase", form: ["_csrf": token, "subject": "Broken link", "description": "The PDF 404s", "priority": "high"], viewer: pat))
        #expect(submitted.status == 303)
        let casePath = try #require(submitted.location)
        #expect(casePath.hasPrefix("/partners/case/"))
        // The case went to the default owner; the channel manager reads it, the other partner does not.
        #expect(community.handle(SiteRequest(.get, casePath, viewer: community.viewer("cara"))).body.contains("Broken link"))
        #expect(community.handle(SiteRequest(.get, casePath, viewer: community.viewer("bo"))).status == 404)
        let badPriority = community.handle(SiteRequest(.post, "/partners/_action/submitCase", form: ["_csrf": token, "subject": "x", "description": "y", "priority": "urgent!"], viewer: pat))
        #expect(badPriority.status == 422)
    }

    @Test func exportImportAndDryRun() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let data = try community.exportSite("partners")
        #expect(try community.importSite(data, dryRun: true).changes.isEmpty)
        var json = try JSONDecoder().decode(SiteBundle.self, from: data)
        json.site.name = "Partner Hub"
        let changed = try SiteBundle(site: json.site).encoded()
        let plan = try community.importSite(changed, dryRun: true)
        #expect(plan.changes == [.setting("name", from: "Partners", to: "Partner Hub")])
        #expect(community.site("partners")?.site.name == "Partners", "a dry run changes nothing")
        _ = try community.importSite(changed, dryRun: false)
        #expect(community.site("partners")?.site.name == "Partner Hub")
        #expect(throws: CommunityError.unknownSite("nope")) { try community.exportSite("nope") }
    }

    @Test func explainSaysWhy() throws {
        let community = try KitFixture.community()
        try community.store.write { tx in try tx.put(Lead(id: "l1", lastName: "L", company: "C", partnerAccountID: "acme", owner: .user("pat"))) }
        #expect(community.explain(user: "mia", object: "Lead", id: "l1").level >= .read)
        #expect(community.explain(user: "bo", object: "Lead", id: "l1").level == .none)
    }
}
