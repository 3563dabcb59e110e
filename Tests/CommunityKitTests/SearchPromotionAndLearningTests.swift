import CommunityKit
import Foundation
import Testing

/// Promoted results and click learning through the facade, site search and the management
/// console's forms.
@Suite struct SearchPromotionAndLearningTests {
    static let password = "amber-lantern-harbour-42"
    let clock = ManualClock()
    let community: Community

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
        var manage = try SiteTemplate.communityManagement.makeSite(.init(id: "manage", name: "Community Management", urlPrefix: "/manage",
                                                                        memberProfileIDs: ["admin", "channel"]))
        manage.status = .published
        try community.addSite(manage)
    }

    func search(_ text: String, as user: ID<User>) throws -> SiteSearchResults {
        try community.siteSearch(SiteSearchRequest(text: text, locale: "en_US", articleLocales: ["en_US"], limit: 10, site: "partners"),
                                 as: community.viewer(user))
    }

    @Test func promotedItemsComeFirstMarkedAndOnlyForViewersWhoMaySeeThem() throws {
        let ada = community.viewer("ada")
        let jams = try community.engagement.questions.ask(title: "Printer jams after the update", body: "<p>jam</p>", by: "pat")
        let toner = try community.engagement.questions.ask(title: "Ordering toner cartridges", body: "<p>order</p>", by: "bo")
        let group = try community.engagement.groups.create(name: "Acme insiders", visibility: .private, by: "mia")
        let insider = try community.engagement.questions.ask(title: "Insider supply tips", body: "<p>tips</p>", in: group.id, by: "mia")
        let before = try search("printer", as: "bo")
        #expect(before.items.map(\.id) == [jams.id.rawValue])
        try community.saveSearchPromotion(SearchPromotion(keywords: ["printer"], items: [
            .init(kind: .question, id: insider.id.rawValue), .init(kind: .question, id: toner.id.rawValue),
        ]), by: ada)

        // Bo may not read the insider question: it never appears and is never counted.
        let bo = try search("my Printer broke", as: "bo")
        #expect(bo.items.map(\.id) == [toner.id.rawValue, jams.id.rawValue])
        #expect(bo.items.map(\.isPromoted) == [true, false])
        #expect(bo.totalCount == 2)
        let mia = try search("printer", as: "mia")
        #expect(mia.items.map(\.id) == [insider.id.rawValue, toner.id.rawValue, jams.id.rawValue])
        #expect(mia.totalCount == 3)
        // Other words: no promotion.
        #expect(try search("update", as: "mia").items.map(\.id) == [jams.id.rawValue])
        // The facade's own search applies it too.
        let direct = try community.search(SearchQuery("printer", locale: "en_US"), as: community.viewer("bo"), site: "partners")
        #expect(direct.hits.first?.key.id == toner.id.rawValue && direct.hits.first?.isPromoted == true)

        // The results page marks it, in the viewer's language.
        let page = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "printer"], viewer: community.viewer("bo")))
        #expect(page.status == 200)
        #expect(page.body.contains("ck-promoted\">Promoted</span>"))
        let tonerAt = page.body.range(of: "Ordering toner cartridges")?.lowerBound
        let jamsAt = page.body.range(of: "Printer jams after the update")?.lowerBound
        #expect(tonerAt != nil && jamsAt != nil && tonerAt! < jamsAt!)
        #expect(!page.body.contains("Insider supply tips"))
    }

    @Test func promotionsAreCheckedTypedAndTakeThePermission() throws {
        let ada = community.viewer("ada")
        let item = SearchPromotion.Item(kind: .question, id: "q-1")
        #expect(throws: ManagementError.notPermitted(user: "pat")) {
            try community.saveSearchPromotion(SearchPromotion(keywords: ["x"], items: [item]), by: community.viewer("pat"))
        }
        #expect(throws: ManagementError.invalidPromotion(.noItems)) { try community.saveSearchPromotion(SearchPromotion(keywords: ["x"], items: []), by: ada) }
        #expect(throws: ManagementError.invalidPromotion(.noKeywords)) { try community.saveSearchPromotion(SearchPromotion(keywords: [], items: [item]), by: ada) }
        #expect(throws: ManagementError.unknownPromotion("sp-none")) { try community.deleteSearchPromotion("sp-none", by: ada) }
        let promotion = SearchPromotion(keywords: ["x"], items: [item])
        try community.saveSearchPromotion(promotion, by: ada)
        #expect(try community.searchPromotions(by: ada).map(\.id) == [promotion.id])
        #expect(throws: ManagementError.notPermitted(user: "cara")) { try community.searchPromotions(by: community.viewer("cara")) }
        try community.deleteSearchPromotion(promotion.id, by: ada)
        #expect(try community.searchPromotions(by: ada).isEmpty)
    }

    /// Two questions for "printer"; returns them in the order search ranks them for Bo.
    func printerQuestions() throws -> (first: String, second: String) {
        try community.engagement.questions.ask(title: "Printer setup", body: "<p>How to set up the office printer.</p>", by: "pat")
        try community.engagement.questions.ask(title: "Printer jams", body: "<p>The printer jams on thick paper.</p>", by: "bo")
        let ids = try search("printer", as: "bo").items.map(\.id)
        try #require(ids.count == 2)
        return (ids[0], ids[1])
    }

    func click(_ query: String, item: String, by users: [ID<User>]) throws {
        for user in users {
            let entry = try community.logSearch(query, resultCount: 2, site: "partners", viewer: community.viewer(user))
            try community.recordSearchClick(entry, position: 2, site: "partners", item: "question:" + item)
        }
    }

    @Test func clicksOfEnoughDistinctMembersLiftAResult() throws {
        let (first, second) = try printerQuestions()
        try click("printer", item: second, by: ["pat", "bo"])
        // Two members: below the threshold of three, nothing changes.
        #expect(try search("printer", as: "bo").items.map(\.id) == [first, second])
        #expect(try community.learnedSearchBoosts(by: community.viewer("ada")).isEmpty)
        // Pat clicking fifty more times still counts once.
        try click("printer", item: second, by: Array(repeating: "pat", count: 50))
        #expect(try search("printer", as: "bo").items.map(\.id) == [first, second])
        // A third member: the clicked result rises, for that query only.
        try click("Printer ", item: second, by: ["mia"])
        #expect(try search("printer", as: "bo").items.map(\.id) == [second, first])
        let learned = try community.learnedSearchBoosts(by: community.viewer("ada"))
        #expect(learned.map(\.item) == ["question:" + second])
        #expect(learned.first?.members == 3)
        #expect(try search("printer jams setup", as: "bo").items.count == 2)  // another query keeps its own ranking
    }

    @Test func learnedBoostsDecayAndEndWithTheRetentionWindow() throws {
        let (_, second) = try printerQuestions()
        try click("printer", item: second, by: ["pat", "bo", "mia"])
        let ada = community.viewer("ada")
        let fresh = try #require(try community.learnedSearchBoosts(by: ada).first?.factor)
        clock.advance(by: 14 * 86_400)
        let older = try #require(try community.learnedSearchBoosts(by: ada).first?.factor)
        #expect(older < fresh && older > 1)
        // A 7-day window: the searchers are no longer known, so nothing is learned from them.
        try community.setSearchLogRetention(7, site: "partners", by: ada)
        #expect(try community.learnedSearchBoosts(by: ada).isEmpty)
        #expect(try community.store.snapshot().all(SearchQueryLogEntry.self).allSatisfy { $0.value.viewerID == nil })
    }

    @Test func theClickLinkRecordsTheItemFollowed() throws {
        let (_, second) = try printerQuestions()
        let page = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "printer"], viewer: community.viewer("pat")))
        #expect(page.body.contains("&amp;i=question%3A"))
        let entry = try #require(try community.store.snapshot().all(SearchQueryLogEntry.self).first?.value)
        let response = community.handle(SiteRequest(.get, "/partners/_search/click", query: [
            "e": entry.id.rawValue, "p": "2", "to": "/partners/question/\(second)", "i": "question:\(second)",
        ]))
        #expect(response.status == 303)
        #expect(try community.store.snapshot().value(entry.id)?.clickedItem == "question:\(second)")
        // A malformed item is not kept.
        let other = try community.logSearch("printer", resultCount: 2, site: "partners", viewer: community.viewer("bo"))
        try community.recordSearchClick(other, position: 1, site: "partners", item: "no colon")
        #expect(try community.store.snapshot().value(other)?.clickedItem == nil)
        #expect(try community.store.snapshot().value(other)?.clickedPosition == 1)
    }

    @Test func anAdministratorManagesPromotionsWithTheConsoleForms() throws {
        try community.identity.setPassword(Self.password, for: "ada")
        let toner = try community.engagement.questions.ask(title: "Ordering toner cartridges", body: "<p>order</p>", by: "bo")
        let browser = Browser(community)
        browser.get("/manage/login")
        #expect(browser.post("/manage/_action/signIn", ["username": "ada", "password": Self.password]).status == 303)
        let page = browser.get("/manage/knowledge")
        #expect(page.body.contains("Promoted results"))
        #expect(page.body.contains("No promoted results yet."))
        #expect(page.body.contains("Learned from clicks"))
        let bad = browser.post("/manage/_action/saveSearchPromotion", ["keywords": "printer", "items": "not an item"])
        #expect(bad.status == 422)
        #expect(bad.body.contains("one item per line"))
        browser.get("/manage/knowledge")
        let badDate = browser.post("/manage/_action/saveSearchPromotion", ["keywords": "printer", "items": "question:\(toner.id.rawValue)", "endsAt": "2026-13-01"])
        #expect(badDate.status == 422)
        browser.get("/manage/knowledge")
        #expect(browser.post("/manage/_action/saveSearchPromotion", ["keywords": "printer, drucker", "items": "question:\(toner.id.rawValue)"]).status == 303)
        let saved = try #require(try community.searchPromotions(by: community.viewer("ada")).first)
        #expect(saved.keywords == ["printer", "drucker"])
        #expect(try search("printer", as: "bo").items.first?.id == toner.id.rawValue)
        let listed = browser.get("/manage/knowledge")
        #expect(listed.body.contains("printer, drucker"))
        // Edit: the chosen promotion fills the form; saving replaces it.
        let edit = browser.get("/manage/knowledge", query: ["promotion": saved.id.rawValue])
        #expect(edit.body.contains("Edit promotion"))
        #expect(edit.body.contains("name=\"id\" value=\"\(saved.id.rawValue)\""))
        #expect(edit.body.contains("value=\"printer, drucker\""))
        #expect(browser.post("/manage/_action/saveSearchPromotion", ["id": saved.id.rawValue, "keywords": "toner", "items": "question:\(toner.id.rawValue)", "locale": "de_DE"]).status == 303)
        #expect(try community.searchPromotions(by: community.viewer("ada")).map(\.keywords) == [["toner"]])
        browser.get("/manage/knowledge")
        #expect(browser.post("/manage/_action/deleteSearchPromotion", ["id": saved.id.rawValue]).status == 303)
        #expect(try community.searchPromotions(by: community.viewer("ada")).isEmpty)
        // Cara is a member of the console but lacks the permission.
        try community.identity.setPassword(Self.password, for: "cara")
        let cara = Browser(community)
        cara.get("/manage/login")
        #expect(cara.post("/manage/_action/signIn", ["username": "cara", "password": Self.password]).status == 303)
        cara.get("/manage/knowledge")
        #expect(cara.post("/manage/_action/saveSearchPromotion", ["keywords": "x", "items": "question:\(toner.id.rawValue)"]).status == 403)
    }

    @Test func thePickerFindsArticlesByTitleAndShowsPinnedTitlesWithoutJavaScript() throws {
        try community.identity.setPassword(Self.password, for: "ada")
        let kb = community.knowledge
        let toner = try kb.createArticle(
            locale: "en_US", content: ArticleContent(title: "Replacing the toner cartridge", summary: "Step by step"),
            channels: [.partner, .internal], by: "cara")
        try kb.publish(toner.id, locale: "en_US", by: "cara")
        let paper = try kb.createArticle(
            locale: "en_US", content: ArticleContent(title: "Loading paper trays", summary: "Letter and A4"), channels: [.internal], by: "cara")
        try kb.publish(paper.id, locale: "en_US", by: "cara")
        let ada = community.viewer("ada")
        // The facade: the start of a title finds the article once, by its article id.
        let found = try community.promotableArticles(matching: "toner cart", locale: "en_US", by: ada)
        #expect(found.map(\.item) == [SearchPromotion.Item(kind: .article, id: toner.id.rawValue)])
        #expect(found.first?.title == "Replacing the toner cartridge")
        #expect(throws: ManagementError.notPermitted(user: "pat")) { try community.promotableArticles(matching: "toner", by: community.viewer("pat")) }

        let browser = Browser(community)
        browser.get("/manage/login")
        #expect(browser.post("/manage/_action/signIn", ["username": "ada", "password": Self.password]).status == 303)
        // The picker is a GET form; its results are check boxes inside the save form.
        let picking = browser.get("/manage/knowledge", query: ["promoFind": "toner cart"])
        #expect(picking.body.contains("Find articles by title"))
        #expect(picking.body.contains("method=\"get\""))
        #expect(picking.body.contains("name=\"promoFind\" value=\"toner cart\""))
        #expect(picking.body.contains("name=\"pick.0\" type=\"checkbox\" value=\"article:\(toner.id.rawValue)\""))
        #expect(picking.body.contains("Replacing the toner cartridge (article:\(toner.id.rawValue) · en_US)"))
        #expect(!picking.body.contains("Loading paper trays"))
        #expect(browser.get("/manage/knowledge", query: ["promoFind": "zebra quokka"]).body.contains("No other article matches these words."))

        // Ticking it pins it, after any items typed as kind:id.
        #expect(browser.post("/manage/_action/saveSearchPromotion", [
            "keywords": "toner", "items": "article:\(paper.id.rawValue)\nquestion:q-gone", "pick.0": "article:\(toner.id.rawValue)",
        ]).status == 303)
        let saved = try #require(try community.searchPromotions(by: ada).first)
        #expect(saved.items.map(\.reference) == ["article:\(paper.id.rawValue)", "question:q-gone", "article:\(toner.id.rawValue)"])
        // The console names pinned items by title, and marks the ones it cannot find.
        let listed = browser.get("/manage/knowledge")
        #expect(listed.body.contains("Replacing the toner cartridge (article:\(toner.id.rawValue))"))
        #expect(listed.body.contains("Loading paper trays (article:\(paper.id.rawValue))"))
        #expect(listed.body.contains("question:q-gone (not found)"))
        let editing = browser.get("/manage/knowledge", query: ["promotion": saved.id.rawValue, "promoFind": "toner"])
        #expect(editing.body.contains("Pinned now, in order:"))
        // Already pinned: the picker does not offer it again.
        #expect(!editing.body.contains("name=\"pick.0\""))
        #expect(editing.body.contains("name=\"promotion\" value=\"\(saved.id.rawValue)\""))
        // A pick that is not an article is refused on the items field.
        browser.get("/manage/knowledge")
        let bad = browser.post("/manage/_action/saveSearchPromotion", ["keywords": "toner", "pick.0": "question:q-1"])
        #expect(bad.status == 422)
        #expect(bad.body.contains("Choose articles from the list."))
    }

    @Test func theConsoleSpeaksGermanAndKorean() throws {
        let strings = UIStrings.standard
        for key: UIStringKey in [
            "search.promoted", "promo.explain", "promo.learned.title", "promo.learned.explain", "promo.save", "promo.picker.label",
            "promo.picker.find", "promo.picker.results", "promo.picker.none", "promo.pinned", "promo.item.missing",
        ] {
            #expect(strings.text(key, locale: "de") != strings.text(key, locale: "en"))
            #expect(strings.text(key, locale: "ko") != strings.text(key, locale: "en"))
        }
    }
}
