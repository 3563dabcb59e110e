import CommunityModel
import CommunityRendering
import Foundation
import Testing

@Suite struct SEOTests {
    @Test func canonicalAndOpenGraph() throws {
        let body = try Fixtures.responder().handle(Fixtures.request(.get, "/help/article/reset-password")).body
        #expect(body.contains("<link rel=\"canonical\" href=\"https://community.example.com/help/article/reset-password\">"))
        #expect(body.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(body.contains("<meta property=\"og:title\" content=\"Reset your password\">"))
        #expect(body.contains("<meta name=\"description\" content=\"Steps to reset\">"))
        #expect(body.contains("<script type=\"application/ld+json\">"))
        #expect(body.contains("\"@type\":\"Article\""))
    }

    @Test func jsonLDCannotCloseItsScript() {
        let text = StructuredData.serialize(["headline": "</script><script>alert(1)</script> & <!--"])
        #expect(!text.contains("</"))
        #expect(!text.contains("<"))
        #expect(text.contains("\\u003c/script\\u003e"))
        let qa = StructuredData.question(title: "T", text: "Q", url: "u", answers: [("best", true), ("other", false)])
        #expect(qa["mainEntity"]?["acceptedAnswer"]?["text"] == "best")
        #expect(qa["mainEntity"]?["answerCount"] == 2)
    }

    @Test func hostileArticleStaysInsideJSONLD() throws {
        let hostile = "</script><script>alert(1)</script>"
        var services = Fixtures.services(engine: Fixtures.accessEngine(), knowledge: FakeKnowledge(hostile: hostile))
        services.set((any EngagementProvider).self, FakeEngagement())
        let responder = try SiteResponder(site: Fixtures.site(), registry: .standard, services: services, csrf: Fixtures.csrf, clock: Fixtures.clock)
        let body = responder.handle(Fixtures.request(.get, "/help/article/reset-password")).body
        #expect(!body.contains("<script>alert(1)"))
        #expect(body.components(separatedBy: "</script>").count == 2, "only the JSON-LD element closes a script")
    }

    @Test func sitemapListsOnlyWhatGuestsMaySee() throws {
        let xml = try Fixtures.responder().handle(Fixtures.request(.get, "/help/sitemap.xml")).body
        #expect(xml.contains("<loc>https://community.example.com/help/docs/install/linux</loc>"))
        #expect(xml.contains("<loc>https://community.example.com/help/</loc>"))
        #expect(!xml.contains("/members"), "members-only page")
        #expect(!xml.contains("partner-area"), "audience page")
        #expect(!xml.contains("/lost") && !xml.contains("/denied"), "special pages")
        #expect(!xml.contains("/case"), "object pages need a source")
        struct Articles: SitemapSource {
            func guestPaths(in site: Site) -> [String] { ["/article/reset-password"] }
        }
        var services = Fixtures.services()
        services.set((any SitemapSource).self, Articles())
        let responder = try SiteResponder(site: Fixtures.site(), registry: .standard, services: services, csrf: Fixtures.csrf)
        #expect(responder.handle(Fixtures.request(.get, "/help/sitemap.xml")).body.contains("/help/article/reset-password"))
    }

    @Test func robotsClosesUnpublishedOrPrivateSites() throws {
        let robots = try Fixtures.responder().handle(Fixtures.request(.get, "/help/robots.txt"))
        #expect(robots.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(robots.body.contains("Sitemap: https://community.example.com/help/sitemap.xml"))
        #expect(robots.body.contains("Disallow: /help/_action/"))
        var closed = try Fixtures.site()
        closed.guestAccess = false
        #expect(SitemapBuilder(site: closed).robots() == "User-agent: *\nDisallow: /\n")
        #expect(SitemapBuilder(site: closed).guestURLs().isEmpty)
        #expect(SitemapBuilder(site: try Fixtures.site(status: .preview)).guestURLs().isEmpty)
    }
}
