import CommunityKit
import Foundation
import Testing

/// Search synonym groups through the facade and the management console: who may manage them,
/// the add/edit/delete forms with field errors in en/de/ko, and site search applying them at
/// query time without reindexing.
@Suite struct SearchSynonymAdministrationTests {
    static let password = "amber-lantern-harbour-42"
    let community: Community

    init() throws {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Profile(id: "admin", name: "Administrator", permissions: PermissionGrants(system: [Community.managementPermission])))
            try tx.put(User(id: "ada", kind: .internal, name: "Ada", email: "ada@x.example", profileID: "admin"))
            try tx.put(User(id: "ute", kind: .internal, name: "Ute", email: "ute@x.example", locale: "de_DE", profileID: "admin"))
            try tx.put(User(id: "min", kind: .internal, name: "Min", email: "min@x.example", locale: "ko_KR", profileID: "admin"))
        }
        var configuration = CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.passwordHasher = .insecureForTesting()
        community = try Community(configuration)
        var help = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner"]))
        help.status = .published
        try community.addSite(help)
        var manage = try SiteTemplate.communityManagement.makeSite(.init(
            id: "manage", name: "Community Management", urlPrefix: "/manage", memberProfileIDs: ["admin", "channel"],
            locales: ["en_US", "de_DE", "ko_KR"]))
        manage.status = .published
        try community.addSite(manage)
    }

    func signedIn(_ user: String) throws -> Browser {
        try community.identity.setPassword(Self.password, for: ID(user))
        let browser = Browser(community)
        browser.get("/manage/login")
        #expect(browser.post("/manage/_action/signIn", ["username": user, "password": Self.password]).status == 303)
        return browser
    }

    @Test func siteSearchUsesTheGroupsAtQueryTimeWithoutReindexing() throws {
        let question = try community.engagement.questions.ask(title: "Login fails after the update", body: "<p>It fails.</p>", site: "help", by: "pat")
        let request = SiteSearchRequest(text: "can't sign in", locale: "en_US", articleLocales: [], limit: 10, site: "help")
        #expect(try community.siteSearch(request, as: community.viewer("pat")).items.isEmpty)
        try community.saveSynonymGroup(SynonymGroup(locale: "en", terms: ["sign in", "login"]), by: community.viewer("ada"))
        let found = try community.siteSearch(request, as: community.viewer("pat"))
        #expect(found.items.map(\.id) == [question.id.rawValue])
        #expect(try community.search(SearchQuery("sign in", locale: "en_US"), as: community.viewer("pat"), site: "help").totalCount == 1)
    }

    @Test func managingGroupsTakesTheManagementPermission() throws {
        let group = SynonymGroup(terms: ["invoice", "bill"])
        #expect(throws: ManagementError.notPermitted(user: "cara")) { try community.saveSynonymGroup(group, by: community.viewer("cara")) }
        #expect(throws: ManagementError.notPermitted(user: "pat")) { try community.synonymGroups(as: community.viewer("pat")) }
        try community.saveSynonymGroup(group, by: community.viewer("ada"))
        #expect(throws: ManagementError.notPermitted(user: "cara")) { try community.deleteSynonymGroup(group.id, by: community.viewer("cara")) }
        #expect(try community.synonymGroups(as: community.viewer("ada")) == [group])
        #expect(throws: SynonymGroupError.missingTarget) {
            try community.saveSynonymGroup(SynonymGroup(kind: .oneWay, terms: ["bill"]), by: community.viewer("ada"))
        }
        try community.deleteSynonymGroup(group.id, by: community.viewer("ada"))
        #expect(try community.synonymGroups(as: community.viewer("ada")).isEmpty)
    }

    @Test func anAdministratorAddsEditsAndDeletesGroupsOnTheConsole() throws {
        let browser = try signedIn("ada")
        var page = browser.get("/manage/knowledge")
        #expect(page.body.contains("Search synonyms"))
        #expect(page.body.contains("No synonym groups yet."))
        #expect(browser.post("/manage/_action/saveSynonymGroup", ["locale": "en", "kind": "twoWay", "terms": "sign in\nlog in, login"]).status == 303)
        let saved = try #require(community.synonyms.groups().first)
        #expect(saved.terms == ["sign in", "log in", "login"])
        #expect(saved.locale == "en")
        page = browser.get("/manage/knowledge")
        #expect(page.body.contains("sign in, log in, login"))
        #expect(page.body.contains("English (en)"))
        // Edit: the form is filled with the group; saving replaces it.
        page = browser.get("/manage/knowledge", query: ["synonymGroup": saved.id.rawValue])
        #expect(page.body.contains("Edit the synonym group"))
        #expect(page.body.contains("name=\"id\" value=\"\(saved.id.rawValue)\""))
        #expect(browser.post("/manage/_action/saveSynonymGroup", [
            "id": saved.id.rawValue, "locale": "", "kind": "oneWay", "terms": "bill", "targets": "invoice",
        ]).status == 303)
        #expect(try community.synonyms.groups() == [SynonymGroup(id: saved.id, kind: .oneWay, terms: ["bill"], targets: ["invoice"])])
        #expect(browser.get("/manage/knowledge").body.contains("All languages"))
        // Delete.
        #expect(browser.post("/manage/_action/deleteSynonymGroup", ["id": saved.id.rawValue]).status == 303)
        #expect(try community.synonyms.groups().isEmpty)
        #expect(browser.post("/manage/_action/deleteSynonymGroup", ["id": saved.id.rawValue]).status == 422)
    }

    @Test func badFormValuesComeBackOnTheirFieldsAndNothingIsWritten() throws {
        let browser = try signedIn("ada")
        browser.get("/manage/knowledge")
        let oneTerm = browser.post("/manage/_action/saveSynonymGroup", ["locale": "en", "kind": "twoWay", "terms": "login"])
        #expect(oneTerm.status == 422)
        #expect(oneTerm.body.contains("Enter at least two terms"))
        #expect(oneTerm.body.contains("id=\"f-saveSynonymGroup-terms-error\""))
        let noTarget = browser.post("/manage/_action/saveSynonymGroup", ["locale": "en", "kind": "oneWay", "terms": "bill", "targets": " , "])
        #expect(noTarget.status == 422)
        #expect(noTarget.body.contains("id=\"f-saveSynonymGroup-targets-error\""))
        let tooLong = browser.post("/manage/_action/saveSynonymGroup", ["kind": "twoWay", "terms": "a\n" + String(repeating: "x", count: 61)])
        #expect(tooLong.status == 422)
        let badLocale = browser.post("/manage/_action/saveSynonymGroup", ["locale": "<script>", "kind": "twoWay", "terms": "a, b"])
        #expect(badLocale.status == 422)
        #expect(badLocale.body.contains("Choose a language from the list."))
        #expect(!badLocale.body.contains("<script>"))
        #expect(browser.post("/manage/_action/saveSynonymGroup", ["kind": "sideways", "terms": "a, b"]).status == 422)
        #expect(browser.post("/manage/_action/saveSynonymGroup", ["id": "no-such-group", "kind": "twoWay", "terms": "a, b"]).status == 422)
        #expect(try community.synonyms.groups().isEmpty)
    }

    @Test func viewersWithoutThePermissionCannotUseTheForms() throws {
        let browser = try signedIn("cara")
        let page = browser.get("/manage/knowledge")
        #expect(page.body.contains("Only community managers may manage search synonyms."))
        #expect(!page.body.contains("saveSynonymGroup"))
        #expect(browser.post("/manage/_action/saveSynonymGroup", ["kind": "twoWay", "terms": "a, b"]).status == 403)
        #expect(try community.synonyms.groups().isEmpty)
    }

    @Test(arguments: [("ute", "Synonymgruppe hinzufügen", "Geben Sie für eine wechselseitige Gruppe"),
                      ("min", "동의어 그룹 추가", "양방향 그룹은 용어를 두 개 이상")])
    func theConsoleSpeaksTheAdministratorsLanguage(user: String, heading: String, error: String) throws {
        let browser = try signedIn(user)
        #expect(browser.get("/manage/knowledge").body.contains(heading))
        let refused = browser.post("/manage/_action/saveSynonymGroup", ["kind": "twoWay", "terms": "login"])
        #expect(refused.status == 422)
        #expect(refused.body.contains(error))
    }

    @Test func starterGroupsSeedOnceAndAreListedPerLocale() throws {
        #expect(try community.synonyms.seed(SynonymGroup.starterGroups) == SynonymGroup.starterGroups.count)
        #expect(try community.synonyms.seed(SynonymGroup.starterGroups) == 0)
        let page = try signedIn("ada").get("/manage/knowledge")
        for text in ["Deutsch (de)", "한국어 (ko)", "anmelden, einloggen", "로그인"] { #expect(page.body.contains(text)) }
    }
}
