import CommunityKit
import Foundation
import Testing

/// Served pages do what the API does: record-field audiences on record pages, article views
/// counted for members and guests, popular articles chosen by views.
@Suite struct ServedPagesTests {
    static func viewer(_ community: Community, _ id: ID<User>) -> Viewer { community.viewer(id, sessionID: "s-\(id.rawValue)") }

    static func get(_ community: Community, _ path: String, as user: ID<User>?) -> SiteResponse {
        community.handle(SiteRequest(.get, path, viewer: user.map { viewer(community, $0) } ?? .guest))
    }

    /// Partner Central with an audience on the lead's status, a component for it on the lead page
    /// and a page variation for leads of a product.
    static func partnerSiteWithRecordAudiences() throws -> Site {
        var site = try KitFixture.partnerSite()
        site.audiences += [
            Audience(id: "approved-leads", name: "Approved leads", criteria: .recordField("Status", .equals([.picklist("approved")]))),
            Audience(id: "cloud-leads", name: "Cloud leads", criteria: .recordField("Product", .equals([.text("Cloud")]))),
        ]
        var page = try #require(site.page("lead"))
        page.layout.regions[1].rows.append(Row(columns: [Column(components: [
            ComponentInstance(id: "convert", type: "community.richText", properties: ["html": "<p>Ready to convert</p>"], audienceID: "approved-leads"),
        ])]))
        page.variations = [Page.Variation(name: "Cloud", audienceID: "cloud-leads", layout: PageLayout(regions: [
            Region(name: "main", rows: [Row(columns: [Column(components: [
                ComponentInstance(id: "cloud", type: "community.richText", properties: ["html": "<p>Cloud playbook</p>"]),
            ])])]),
        ]))]
        try site.updatePage(page)
        return site
    }

    @Test func recordFieldAudiencesAreEvaluatedOnServedRecordPages() throws {
        let community = try KitFixture.community()
        try community.addSite(Self.partnerSiteWithRecordAudiences())
        try community.store.write { tx in
            try tx.put(Lead(id: "l-approved", lastName: "Ada", company: "Approved Co", status: .approved, partnerAccountID: "acme", owner: .user("pat")))
            try tx.put(Lead(id: "l-new", lastName: "Ned", company: "New Co", partnerAccountID: "acme", owner: .user("pat")))
            try tx.put(Lead(id: "l-cloud", lastName: "Cleo", company: "Cloud Co", partnerAccountID: "acme", product: "Cloud", owner: .user("pat")))
        }
        let approved = Self.get(community, "/partners/lead/l-approved", as: "pat")
        #expect(approved.status == 200)
        #expect(approved.body.contains("Ready to convert"))
        let fresh = Self.get(community, "/partners/lead/l-new", as: "pat")
        #expect(fresh.status == 200)
        #expect(fresh.body.contains("New Co") && !fresh.body.contains("Ready to convert"))
        // A variation chosen by a record field.
        #expect(Self.get(community, "/partners/lead/l-cloud", as: "pat").body.contains("Cloud playbook"))
        #expect(!fresh.body.contains("Cloud playbook"))
        // A record the viewer may not read matches no record audience (and answers 404).
        let other = Self.get(community, "/partners/lead/l-approved", as: "bo")
        #expect(!other.body.contains("Ready to convert"))
    }

    /// An article published to every channel, its slug.
    static func publish(_ community: Community, _ title: String) throws -> (ID<KnowledgeArticle>, String) {
        let article = try community.knowledge.createArticle(
            locale: "en_US", content: ArticleContent(title: title, summary: "About \(title)"), channels: [.internal, .partner, .customer, .public], by: "cara")
        try community.knowledge.publish(article.id, locale: "en_US", by: "cara")
        return (article.id, try #require(try community.knowledge.slug(of: article.id, locale: "en_US")))
    }

    @Test func articleViewsAreCountedOnServedPagesForMembersAndGuests() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let (id, slug) = try Self.publish(community, "Quoting guide")
        #expect(Self.get(community, "/partners/article/\(slug)", as: "pat").status == 200)
        _ = Self.get(community, "/partners/article/\(slug)", as: "pat")  // the same member, the same day
        #expect(try community.knowledge.stats(id).views == 1)
        _ = Self.get(community, "/partners/article/\(slug)", as: "mia")
        #expect(try community.knowledge.stats(id).views == 2)

        // Two guests' browsers: each counts once, however often it reloads.
        let first = Browser(community), second = Browser(community, clientAddress: "198.51.100.8")
        #expect(first.get("/partners/article/\(slug)").status == 200)
        first.get("/partners/article/\(slug)")
        #expect(try community.knowledge.stats(id).views == 3)
        second.get("/partners/article/\(slug)")
        #expect(try community.knowledge.stats(id).views == 4)

        // Unknown slugs count nothing and still answer 404.
        #expect(Self.get(community, "/partners/article/no-such-article", as: "pat").status == 404)
        #expect(try community.knowledge.stats(id).views == 4)
    }

    @Test func popularArticlesAreChosenByViewsNotRecency() throws {
        let community = try KitFixture.community()
        var help = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner", "channel"]))
        help.status = .published
        try community.addSite(help)
        let clock = try #require(community.clock as? ManualClock)
        let (_, oldSlug) = try Self.publish(community, "Older but read")
        clock.advance(by: 3_600)
        _ = try Self.publish(community, "Newer but ignored")

        func order() throws -> Bool {
            let home = Self.get(community, "/help/", as: "cara").body
            let older = try #require(home.range(of: "Older but read")), newer = try #require(home.range(of: "Newer but ignored"))
            return older.lowerBound < newer.lowerBound
        }
        #expect(try !order())  // no views yet: the newest first
        for user: ID<User> in ["pat", "mia"] { _ = Self.get(community, "/help/article/\(oldSlug)", as: user) }
        #expect(try order())  // viewed twice: first
    }

    @Test func theArticleListRefusesAnUnknownOrder() throws {
        var site = try KitFixture.partnerSite()
        var home = try #require(site.page("home"))
        home.layout.regions[1].rows.append(Row(columns: [Column(components: [
            ComponentInstance(id: "bad", type: "community.articleList", properties: ["order": "loudest"]),
        ])]))
        try site.updatePage(home)
        let community = try KitFixture.community()
        #expect(throws: CommunityError.self) { try community.addSite(site) }
    }
}
