import CommunityKit
import Foundation
import Testing

/// One topic model across content and engagement, and site search over every kind, through
/// the facade and through `community.handle`.
@Suite struct TopicsAndSearchTests {
    /// The kit fixture plus a community manager who may create topics.
    static func community() throws -> Community {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Profile(id: "admin", name: "Admin", permissions: PermissionGrants(system: [.manageCommunity, .moderateCommunity, .manageKnowledge])))
            try tx.put(User(id: "ada", kind: .internal, name: "Ada", email: "ada@x.example", profileID: "admin"))
            try tx.put(User(id: "dieter", kind: .partner, name: "Dieter", email: "d@acme.example", locale: "de_DE", profileID: "partner", roleID: "acme-user", accountID: "acme"))
        }
        let community = try Community(CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret))
        try community.addSite(KitFixture.partnerSite())
        return community
    }

    @Test func aTopicPageListsTheQuestionsTaggedWithIt() throws {
        let community = try Self.community()
        let deals = try community.topics.createTopic(name: "Deals", by: "ada")
        try community.topics.setNavigational(deals.id, order: 1, by: "ada")
        let tagged = try community.engagement.questions.ask(title: "How long does deal approval take?", body: "<p>Registered yesterday.</p>", topics: ["deals"], by: "pat")
        let other = try community.engagement.questions.ask(title: "Where is the MDF form?", body: "<p>Funds.</p>", topics: ["funds"], by: "bo")
        let pat = community.viewer("pat", sessionID: "s")

        // Through the facade: any case of the name, the real question, its count.
        let page = try #require(try community.topicPage(named: "DEALS", as: pat))
        #expect(page.questions.map(\.key.id) == [tagged.id.rawValue])
        #expect(page.counts[.question] == 1)
        // TopicService.page finds the real question too (no hand-made search document).
        #expect(try community.topics.page(deals.id, as: "pat").questions.map(\.key.id) == [tagged.id.rawValue])
        #expect(try community.topicPage(named: "nothing-like-it", as: pat) == nil)

        // Through the site: /topic/Deals lists the question tagged "deals", for the guest too.
        for viewer in [pat, Viewer.guest] {
            let response = community.handle(SiteRequest(.get, "/partners/topic/Deals", viewer: viewer))
            #expect(response.status == 200)
            #expect(response.body.contains("How long does deal approval take?"))
            #expect(response.body.contains("/partners/question/\(tagged.id.rawValue)"))
            #expect(!response.body.contains(other.title))
            #expect(response.body.contains("Questions (1)"))
        }
        #expect(community.handle(SiteRequest(.get, "/partners/topic/deals")).body.contains(tagged.title))
        #expect(community.handle(SiteRequest(.get, "/partners/topic/No%20such%20topic")).status == 404)
    }

    @Test func catalogCountsAreRealAndExactPerViewer() throws {
        let community = try Self.community()
        let deals = try community.topics.createTopic(name: "Deals", by: "ada")
        try community.topics.setNavigational(deals.id, order: 1, by: "ada")
        try community.engagement.questions.ask(title: "Public deal question", body: "<p>a</p>", topics: ["Deals"], by: "pat")
        let group = try community.engagement.groups.create(name: "Acme insiders", visibility: .private, by: "mia")
        try community.engagement.questions.ask(title: "Insider deal question", body: "<p>b</p>", topics: ["deals"], in: group.id, by: "mia")

        #expect(try community.topicCatalog(as: .guest).first { $0.name == "Deals" }?.itemCount == 1)
        #expect(try community.topicCatalog(as: community.viewer("bo")).first { $0.name == "Deals" }?.itemCount == 1)
        #expect(try community.topicCatalog(as: community.viewer("mia")).first { $0.name == "Deals" }?.itemCount == 2)
        let catalog = community.handle(SiteRequest(.get, "/partners/topics"))
        #expect(catalog.status == 200)
        #expect(catalog.body.contains("Deals</a> (1)"))
        #expect(!catalog.body.contains("(0)"))
        // The group's question never reaches a non-member's topic page.
        let bo = community.handle(SiteRequest(.get, "/partners/topic/Deals", viewer: community.viewer("bo", sessionID: "b")))
        #expect(!bo.body.contains("Insider deal question") && bo.body.contains("Questions (1)"))
        let mia = community.handle(SiteRequest(.get, "/partners/topic/Deals", viewer: community.viewer("mia", sessionID: "m")))
        #expect(mia.body.contains("Insider deal question") && mia.body.contains("Questions (2)"))
    }

    @Test func topicExpertsComeFromReputation() throws {
        let community = try Self.community()
        let deals = try community.topics.createTopic(name: "Deals", by: "ada")
        #expect(try community.topics.page(deals.id, as: "pat").experts.isEmpty)
        let q = try community.engagement.questions.ask(title: "Deal registration window?", body: "<p>?</p>", topics: ["DEALS"], by: "pat")
        try community.engagement.questions.answer(q.id, body: "<p>Thirty days.</p>", by: "mia")
        let experts = try community.topics.page(deals.id, as: "bo").experts
        #expect(Set(experts.map(\.userID)) == ["pat", "mia"])
        #expect(experts.allSatisfy { $0.score > 0 })
        let page = community.handle(SiteRequest(.get, "/partners/topic/Deals", viewer: community.viewer("bo", sessionID: "b")))
        #expect(page.body.contains("Experts"))
    }

    @Test func ideasAndTopicsOfIdeasAreSearchable() throws {
        let community = try Self.community()
        let zone = try community.engagement.ideas.createZone(name: "Portal", categories: ["Portal"], by: "cara")
        let idea = try community.engagement.ideas.submit(to: zone.id, title: "Bulk lead upload from CSV", body: "<p>After events.</p>", by: "bo")
        let leads = try community.topics.createTopic(name: "Leads", by: "ada")
        try community.topics.assign(leads.id, to: TopicTarget(type: .idea, id: idea.id.rawValue), by: "ada")

        let found = try community.search(SearchQuery("bulk upload"), as: community.viewer("pat"))
        #expect(found.hits.map(\.key) == [SearchDocumentKey(type: .idea, id: idea.id.rawValue)])
        #expect(try community.search(SearchQuery("bulk upload"), as: .guest).totalCount == 0, "ideas are for members")
        // On a site the viewer holds that site's key, which site-bound documents will require.
        #expect(try community.searchViewer(for: community.viewer("pat"), site: "partners").keys.contains(SearchAccessKey.site("partners")))
        #expect(try !community.searchViewer(for: community.viewer("pat")).keys.contains(SearchAccessKey.site("partners")))
        #expect(try community.topicPage(named: "leads", as: community.viewer("pat"))?.ideas.map(\.key.id) == [idea.id.rawValue])
        let page = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "bulk upload"], viewer: community.viewer("pat", sessionID: "p")))
        #expect(page.status == 200 && page.body.contains("Bulk lead upload from CSV") && page.body.contains("/partners/ideas"))
    }

    @Test func siteSearchHasTypeFacetsAndExactVisibility() throws {
        let community = try Self.community()
        let kb = community.knowledge
        let article = try kb.createArticle(locale: "en_US", content: ArticleContent(title: "Deal registration guide", summary: "How to register a deal"),
                                           channels: [.public, .partner, .internal], by: "cara")
        try kb.publish(article.id, locale: "en_US", by: "cara")
        try kb.addTranslation(to: article.id, locale: "de_DE", content: ArticleContent(title: "Deal-Registrierung", summary: "Deal registrieren"), by: "cara")
        try kb.publish(article.id, locale: "de_DE", by: "cara")
        let open = try community.engagement.questions.ask(title: "Deal registration for renewals?", body: "<p>x</p>", by: "pat")
        let group = try community.engagement.groups.create(name: "Globex team", visibility: .unlisted, by: "bo")
        let hidden = try community.engagement.questions.ask(title: "Deal registration secret pricing", body: "<p>y</p>", in: group.id, by: "bo")
        let pat = community.viewer("pat", sessionID: "p")

        let results = try community.siteSearch(SiteSearchRequest(text: "deal registration", locale: "en_US", articleLocales: ["en_US", "de_DE"], limit: 10), as: pat)
        #expect(results.counts == [.article: 1, .question: 1], "one article in two languages counts once; the group's question is not counted")
        #expect(!results.items.contains { $0.id == hidden.id.rawValue })
        #expect(results.items.first { $0.kind == .article }?.title == "Deal registration guide")
        let german = try community.siteSearch(SiteSearchRequest(text: "deal registration", locale: "de_DE", articleLocales: ["en_US", "de_DE"], limit: 10), as: pat)
        #expect(german.items.first { $0.kind == .article }?.title == "Deal-Registrierung", "the viewer's language first")
        let boResults = try community.siteSearch(SiteSearchRequest(text: "deal registration", locale: "en_US", articleLocales: ["en_US"], limit: 10), as: community.viewer("bo"))
        #expect(boResults.counts[.question] == 2)

        let all = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "deal registration"], viewer: pat))
        #expect(all.status == 200)
        #expect(all.body.contains("Questions (1)") && all.body.contains("Articles (1)"))
        #expect(all.body.contains("type=question"))
        #expect(all.body.contains(open.title) && !all.body.contains(hidden.title))
        let onlyQuestions = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "deal registration", "type": "question"], viewer: pat))
        #expect(onlyQuestions.body.contains(open.title) && !onlyQuestions.body.contains("/partners/article/"))
        #expect(onlyQuestions.body.contains("aria-current=\"true\""))
        // An unknown type is no filter, never an error.
        let bad = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "deal registration", "type": "<script>"], viewer: pat))
        #expect(bad.status == 200 && bad.body.contains(open.title) && !bad.body.contains("<script>"))
        // The results offer the type filter as a form too.
        #expect(all.body.contains("name=\"type\""))
    }

    @Test func filesOnTheCommunitysStoreAreSearchedWithTheirSharing() throws {
        let community = try Self.community()
        let files = community.files
        let sheet = try files.upload(title: "Deal registration checklist", fileName: "checklist.pdf", contentType: "application/pdf", data: Data("%PDF".utf8), by: "cara")
        let deals = try community.topics.createTopic(name: "Deals", by: "ada")
        try community.topics.assign(deals.id, to: TopicTarget(type: .file, id: sheet.id.rawValue), by: "ada")
        let request = SiteSearchRequest(text: "checklist", locale: "en_US", articleLocales: ["en_US"], limit: 10)
        #expect(try community.siteSearch(request, as: community.viewer("pat")).counts[.file] == nil, "not shared yet")
        #expect(try community.siteSearch(request, as: community.viewer("cara")).items.map(\.id) == [sheet.id.rawValue])
        try files.share(sheet.id, with: .allMembers, by: "cara")
        #expect(try community.siteSearch(request, as: community.viewer("pat")).counts[.file] == 1)
        #expect(try community.siteSearch(request, as: .guest).counts.isEmpty)
        #expect(try community.topicPage(named: "deals", as: community.viewer("pat"))?.files.map(\.key.id) == [sheet.id.rawValue])
    }

    @Test func searchAndTopicLinksAnswerForGermanMembersAndGuests() throws {
        let community = try Self.community()
        let kb = community.knowledge
        let deals = try community.topics.createTopic(name: "Deals", by: "ada")
        // Only in Korean, a locale the partner site does not serve, and one in German only.
        let korean = try kb.createArticle(locale: "ko_KR", content: ArticleContent(title: "딜 등록 안내 deal", summary: "deal"), channels: [.public, .partner, .internal], by: "cara")
        try kb.publish(korean.id, locale: "ko_KR", by: "cara")
        let german = try kb.createArticle(locale: "de_DE", content: ArticleContent(title: "Deal anmelden", summary: "deal"), channels: [.public, .partner, .internal], by: "cara")
        try kb.publish(german.id, locale: "de_DE", by: "cara")
        for article in [korean, german] {
            try community.topics.assign(deals.id, to: TopicTarget(type: .article, id: article.id.rawValue), by: "ada")
        }
        var site = try KitFixture.partnerSite()
        site.locales = ["en_US", "de_DE"]
        try community.addSite(site)
        for viewer in [community.viewer("dieter", sessionID: "d"), community.viewer("pat", sessionID: "p"), Viewer.guest] {
            for (path, query) in [("/partners/search", ["q": "deal"]), ("/partners/topic/Deals", [:])] {
                let page = community.handle(SiteRequest(.get, path, query: query, viewer: viewer))
                #expect(page.status == 200)
                #expect(page.body.contains("Deal anmelden"), "\(path) lists the German article")
                #expect(!page.body.contains("딜 등록 안내"), "\(path) leaves out a locale the site cannot show")
                for link in Self.links(in: page.body, under: "/partners/article/") {
                    #expect(community.handle(SiteRequest(.get, link, viewer: viewer)).status == 200, "\(link) answers")
                }
            }
        }
    }

    static func links(in html: String, under prefix: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { part in
            let link = String(part.prefix { $0 != "\"" })
            return link.hasPrefix(prefix) ? link.replacingOccurrences(of: "&amp;", with: "&") : nil
        }
    }
}
