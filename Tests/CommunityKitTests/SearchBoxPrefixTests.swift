import CommunityKit
import Foundation
import Testing

/// The site search box treats the last word as a prefix by default, as users type it.
@Suite struct SearchBoxPrefixTests {
    @Test func partialLastWordsFindWholeWords() throws {
        let community = try TopicsAndSearchTests.community()
        let kb = community.knowledge
        for (title, summary) in [
            ("Set up two-factor authentication", "Protect your account"),
            ("Merge duplicate leads", "Find and merge leads entered twice"),
        ] {
            let article = try kb.createArticle(
                locale: "en_US", content: ArticleContent(title: title, summary: summary), channels: [.public, .partner, .internal],
                by: "cara")
            try kb.publish(article.id, locale: "en_US", by: "cara")
        }
        let pat = community.viewer("pat")
        func titles(_ text: String, prefix: Bool = true) throws -> [String] {
            let request = SiteSearchRequest(
                text: text, locale: "en_US", articleLocales: ["en_US"], limit: 10, prefixLastWord: prefix)
            return try community.siteSearch(request, as: pat).items.map(\.title)
        }
        #expect(try titles("authentica") == ["Set up two-factor authentication"])
        #expect(try titles("dupl") == ["Merge duplicate leads"])
        #expect(try titles("merge dupl").first == "Merge duplicate leads")
        #expect(try titles("dupl", prefix: false).isEmpty, "without prefix matching a partial word finds nothing")
        let page = community.handle(SiteRequest(.get, "/partners/search", query: ["q": "authentica"], viewer: community.viewer("pat", sessionID: "p")))
        #expect(page.status == 200 && page.body.contains("two-factor authentication"))
    }
}
