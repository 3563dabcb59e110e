import CommunityKit
import Foundation
import Testing

@Suite struct KnowledgeTests {
    @Test func articlesComeFromContentAsTheViewer() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        let kb = community.knowledge
        let open = try kb.createArticle(locale: "en_US", content: ArticleContent(title: "Reset your password", summary: "Steps", body: "<p>Use <em>Forgot password</em>.<script>alert(1)</script></p>"),
                                        channels: [.public, .partner, .internal], by: "cara")
        try kb.publish(open.id, locale: "en_US", by: "cara")
        let secret = try kb.createArticle(locale: "en_US", content: ArticleContent(title: "Partner price list", summary: "Margins"), channels: [.partner, .internal], by: "cara")
        try kb.publish(secret.id, locale: "en_US", by: "cara")
        let openSlug = try #require(try kb.slug(of: open.id, locale: "en_US"))
        let secretSlug = try #require(try kb.slug(of: secret.id, locale: "en_US"))

        let guest = community.handle(SiteRequest(.get, "/partners/article/\(openSlug)"))
        #expect(guest.status == 200)
        #expect(guest.body.contains("<em>Forgot password</em>") && !guest.body.contains("<script>alert"))
        #expect(guest.body.contains("\"@type\":\"Article\""))
        #expect(community.handle(SiteRequest(.get, "/partners/article/\(secretSlug)")).status == 404)
        let pat = community.viewer("pat", sessionID: "s")
        let page = community.handle(SiteRequest(.get, "/partners/article/\(secretSlug)", viewer: pat))
        #expect(page.status == 200 && page.body.contains("Partner price list"))

        let vote = community.handle(SiteRequest(.post, "/partners/_action/articleVote",
                                                form: ["_csrf": KitFixture.token(page.body), "article": secret.id.rawValue, "helpful": "yes"], viewer: pat))
        #expect(vote.status == 303)
        #expect(try kb.stats(secret.id).helpful == 1)
        let search = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "price list"], viewer: .guest))
        #expect(!search.body.contains("Partner price list"), "search runs as the guest")
    }
}
