import CommunityKit
import Foundation
import Testing

/// Members post ideas into a zone and discuss them on the idea's page; knowledge authors draft,
/// edit, publish and archive articles and set their channels and category from the site. Each
/// through `community.handle`: allowed, refused, bad input.
@Suite struct IdeaAndKnowledgePagesTests {
    static func community() throws -> Community {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(DataCategoryGroup(id: "products", name: "Products"))
            try tx.put(DataCategory(id: "cloud", groupID: "products", name: "Cloud"))
        }
        let community = try Community(CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara")))
        var site = try KitFixture.partnerSite()
        var ideas = try #require(site.page("ideas"))
        let main = try #require(ideas.layout.regions.firstIndex { $0.name == "main" })
        ideas.layout.regions[main].rows.append(Row(columns: [Column(components: [ComponentInstance(id: "post", type: IdeaFormComponent.type)])]))
        try site.updatePage(ideas)
        try site.addPage(Page(id: "idea", title: "Idea", slug: "idea", parameter: "id", objectType: "Idea", visibility: .members, layout: PageLayout {
            Region("main") { Row { Column(12) { ComponentInstance(id: "idea", type: IdeaDetailComponent.type) } } }
        }))
        try site.addPage(Page(id: "authoring", title: "Authoring", slug: "authoring", visibility: .members, layout: PageLayout {
            Region("main") { Row { Column(12) { ComponentInstance(id: "ka", type: KnowledgeAuthoringComponent.type) } } }
        }))
        try community.addSite(site)
        return community
    }

    static func post(_ community: Community, _ action: String, from page: String, as user: ID<User>, _ form: [String: String]) -> SiteResponse {
        PartnerProgramPageTests.post(community, action, from: page, as: user, form)
    }

    static func get(_ community: Community, _ path: String, as user: ID<User>) -> SiteResponse {
        PartnerProgramPageTests.get(community, path, as: user)
    }

    // MARK: Ideas

    @Test func aMemberPostsAnIdeaAndOthersDiscussIt() throws {
        let community = try Self.community()
        let zone = try community.engagement.ideas.createZone(name: "Portal", categories: [], site: "partners", by: "cara")
        let page = Self.get(community, "/partners/ideas", as: "pat").body
        #expect(page.contains("Post an idea") && page.contains("<option value=\"\(zone.id.rawValue)\" selected>Portal</option>"))

        let posted = Self.post(community, "submitIdea", from: "/partners/ideas", as: "pat",
                               ["zone": zone.id.rawValue, "title": "Bulk lead upload", "body": "From a CSV file."])
        #expect(posted.status == 303)
        let idea = try #require(try community.engagement.ideas.list(zone.id, viewer: "pat").first)
        #expect(idea.title == "Bulk lead upload" && idea.authorID == "pat")
        let ideaPage = "/partners/idea/\(idea.id.rawValue)"
        #expect(posted.headers["Location"] == ideaPage)
        // The idea list links to the idea's page.
        #expect(Self.get(community, "/partners/ideas", as: "bo").body.contains("href=\"\(ideaPage)\""))

        let commented = Self.post(community, "commentOnIdea", from: ideaPage, as: "bo", ["idea": idea.id.rawValue, "body": "Yes, with a template please."])
        #expect(commented.status == 303)
        let shown = Self.get(community, ideaPage, as: "pat").body
        #expect(shown.contains("Bulk lead upload") && shown.contains("From a CSV file.") && shown.contains("Yes, with a template please."))
    }

    @Test func ideasAreRefusedForGuestsAndBadInput() throws {
        let community = try Self.community()
        let zone = try community.engagement.ideas.createZone(name: "Portal", categories: [], site: "partners", by: "cara")
        let other = try community.engagement.ideas.createZone(name: "Help", categories: [], site: "help", by: "cara")
        let guest = community.handle(SiteRequest(.post, "/partners/_action/submitIdea", form: ["zone": zone.id.rawValue, "title": "x", "body": "y"]))
        #expect(guest.status >= 400)
        for form in [["zone": zone.id.rawValue, "body": "No title"], ["zone": zone.id.rawValue, "title": "No body"],
                     ["zone": "../x", "title": "t", "body": "b"], ["zone": other.id.rawValue, "title": "Other site", "body": "b"]] {
            #expect(Self.post(community, "submitIdea", from: "/partners/ideas", as: "pat", form).status == 422, "\(form)")
        }
        #expect(try community.engagement.ideas.list(zone.id, viewer: "pat").isEmpty)
        #expect(try community.engagement.ideas.list(other.id, viewer: "pat").isEmpty)
        let idea = try community.engagement.ideas.submit(to: zone.id, title: "Dark mode", body: "Please.", by: "bo")
        let ideaPage = "/partners/idea/\(idea.id.rawValue)"
        #expect(Self.post(community, "commentOnIdea", from: ideaPage, as: "pat", ["idea": idea.id.rawValue]).status == 422)
        #expect(Self.post(community, "commentOnIdea", from: ideaPage, as: "pat", ["idea": "idea-404", "body": "Hello"]).status == 422)
        #expect(try community.engagement.feeds.comments(on: .idea(idea.id), viewer: "pat").isEmpty)
    }

    // MARK: Knowledge authoring

    static func article(_ community: Community, titled title: String) throws -> KnowledgeArticle? {
        try community.store.snapshot().all(KnowledgeArticle.self).map(\.value).first { article in
            try community.knowledge.history(article.id, locale: article.masterLocale, by: "cara").contains { $0.title == title }
        }
    }

    @Test func anAuthorDraftsPublishesRevisesAndArchivesAnArticle() throws {
        let community = try Self.community()
        let page = Self.get(community, "/partners/authoring", as: "cara").body
        #expect(page.contains("Knowledge authoring") && page.contains("action=\"/partners/_action/createArticle\""))
        #expect(page.contains("<legend>Shown to</legend>") && page.contains(">Cloud</option>"))

        let created = Self.post(community, "createArticle", from: "/partners/authoring", as: "cara", [
            "locale": "en_US", "title": "Registering a deal", "summary": "How to register", "body": "Open Leads and fill in the form.",
            "channel-partner": "on", "channel-internal": "on",
        ])
        #expect(created.status == 303)
        let article = try #require(try Self.article(community, titled: "Registering a deal"))
        #expect(article.channels == [.partner, .internal] && article.categoryIDs == [])
        let id = article.id.rawValue
        #expect(try community.knowledge.read(article.id, locale: "en_US", as: "pat") == nil)  // a draft: not live

        #expect(Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "cara", ["article": id, "decision": "publish"]).status == 303)
        #expect(try community.knowledge.read(article.id, locale: "en_US", as: "pat")?.title == "Registering a deal")

        // Editing a published article drafts version 2; version 1 stays live until it is published.
        #expect(Self.post(community, "saveArticleDraft", from: "/partners/authoring", as: "cara",
                          ["article": id, "title": "Registering a deal (2027)", "body": "New steps."]).status == 303)
        #expect(try community.knowledge.read(article.id, locale: "en_US", as: "pat")?.title == "Registering a deal")
        #expect(Self.get(community, "/partners/authoring", as: "cara").body.contains("version 2, draft"))
        #expect(Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "cara", ["article": id, "decision": "publish"]).status == 303)
        #expect(try community.knowledge.read(article.id, locale: "en_US", as: "pat")?.title == "Registering a deal (2027)")

        #expect(Self.post(community, "updateArticleSettings", from: "/partners/authoring", as: "cara",
                          ["article": id, "channel-internal": "on", "category": "cloud"]).status == 303)
        #expect(try community.knowledge.article(article.id)?.channels == [.internal])
        #expect(try community.knowledge.article(article.id)?.categoryIDs == ["cloud"])
        #expect(try community.knowledge.read(article.id, locale: "en_US", as: "pat") == nil)  // no longer on the partner channel

        #expect(Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "cara", ["article": id, "decision": "archive"]).status == 303)
        #expect(try community.knowledge.history(article.id, locale: "en_US", by: "cara").last?.status == .archived)

        // A new article filed under a category straight away.
        #expect(Self.post(community, "createArticle", from: "/partners/authoring", as: "cara",
                          ["locale": "en_US", "title": "Cloud limits", "channel-internal": "on", "category": "cloud"]).status == 303)
        #expect(try Self.article(community, titled: "Cloud limits")?.categoryIDs == ["cloud"])
    }

    @Test func nonAuthorsAreRefused() throws {
        let community = try Self.community()
        #expect(!Self.get(community, "/partners/authoring", as: "pat").body.contains("createArticle"))
        let response = Self.post(community, "createArticle", from: "/partners/authoring", as: "pat",
                                 ["locale": "en_US", "title": "Mine", "channel-partner": "on"])
        #expect(response.status == 403)
        #expect(try community.store.snapshot().all(KnowledgeArticle.self).isEmpty)
        let article = try community.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "Draft"), by: "cara")
        #expect(Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "pat", ["article": article.id.rawValue, "decision": "publish"]).status == 403)
        #expect(try community.knowledge.history(article.id, locale: "en_US", by: "cara").last?.status == .draft)
    }

    @Test func badAuthoringInputIsAFormErrorAndWritesNothing() throws {
        let community = try Self.community()
        for form in [["locale": "en_US", "channel-partner": "on"], ["locale": "fr_FR", "title": "T", "channel-partner": "on"],
                     ["locale": "en_US", "title": "No channel"], ["locale": "en_US", "title": "T", "channel-partner": "on", "category": "nope"],
                     ["locale": "en_US", "title": "T", "channel-partner": "on", "category": "../x"],
                     ["locale": "en_US", "title": String(repeating: "x", count: 300), "channel-partner": "on"]] {
            #expect(Self.post(community, "createArticle", from: "/partners/authoring", as: "cara", form).status == 422, "\(form)")
        }
        #expect(try community.store.snapshot().all(KnowledgeArticle.self).isEmpty)
        let article = try community.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "Draft"), by: "cara")
        let id = article.id.rawValue
        // A draft cannot be archived; an unknown article or decision is refused.
        let archive = Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "cara", ["article": id, "decision": "archive"])
        #expect(archive.status == 422)
        #expect(archive.body.contains("The latest version is draft: it cannot be archived now."))
        #expect(Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "cara", ["article": id, "decision": "delete"]).status == 422)
        #expect(Self.post(community, "changeArticleStatus", from: "/partners/authoring", as: "cara", ["article": "ka-404", "decision": "publish"]).status == 422)
        #expect(Self.post(community, "saveArticleDraft", from: "/partners/authoring", as: "cara", ["article": id]).status == 422)
        #expect(Self.post(community, "updateArticleSettings", from: "/partners/authoring", as: "cara", ["article": id]).status == 422)
        #expect(try community.knowledge.history(article.id, locale: "en_US", by: "cara").map(\.status) == [.draft])
        #expect(try community.knowledge.article(article.id)?.channels == [.internal])
    }
}
