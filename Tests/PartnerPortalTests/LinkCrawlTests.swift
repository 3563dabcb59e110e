import CommunityKit
import Testing
@testable import PartnerPortalKit

@Suite("Every link the portal draws resolves for the viewer it was drawn for")
struct LinkCrawlTests {
    static let viewers: [String?] = [nil] + Seed.people.map(\.id.rawValue)

    @Test(arguments: viewers)
    func everySameSiteLinkResolves(user: String?) throws {
        let portal = try Portal()
        let crawler = SiteCrawler(portal: portal, viewer: portal.viewer(user))
        let (visits, broken) = crawler.crawl(from: ["/partners/", "/help/"])
        #expect(visits.count > 5, "only \(visits.count) pages reached")
        #expect(visits.count < crawler.maxPages, "the crawl hit its page limit")
        #expect(broken.isEmpty, "\(user ?? "guest"): \(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test("the site administrator reaches the builder from the menu, and every builder link resolves")
    func everyBuilderLinkResolves() throws {
        let portal = try Portal()
        #expect(portal.get("/partners/", as: "dana").body.contains("href=\"/partners/builder\""))
        #expect(!portal.get("/partners/", as: "cara").body.contains("/partners/builder"))
        #expect(portal.get("/partners/builder", as: "cara").status == 403)
        for builder in ["/partners/builder", "/help/builder"] {
            let crawler = SiteCrawler(portal: portal, viewer: portal.viewer("dana"), prefixes: [builder])
            let (visits, broken) = crawler.crawl(from: [builder])
            #expect(visits.count > 10, "only \(visits.count) builder pages reached")
            #expect(visits.count < crawler.maxPages, "the crawl hit its page limit")
            #expect(visits.allSatisfy { $0.status == 200 }, "\(visits.filter { $0.status != 200 }.map { "\($0.path) \($0.status)" })")
            #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func theCrawlerReportsABrokenLink() {
        let crawler = SiteCrawler(fetch: { path, query in
            switch path {
            case "/s/": SiteCrawler.Visit(path: path, query: query, status: 200, contentType: "text/html",
                                          body: #"<a href="/s/ok">ok</a><a href="/s/gone">gone</a><a href="/s/%zz">bad</a><a href="https://x.example/">x</a>"#)
            case "/s/ok": SiteCrawler.Visit(path: path, query: query, status: 200, contentType: "text/html", body: "")
            default: SiteCrawler.Visit(path: path, query: query, status: 404, contentType: "text/html", body: "")
            }
        }, prefixes: ["/s"])
        let (_, broken) = crawler.crawl(from: ["/s/"])
        #expect(broken.map(\.href).sorted() == ["/s/%zz", "/s/gone"])
    }

    @Test func linksAreReadFromAttributesWithReferencesUndone() {
        #expect(PageLinks.hrefs(in: #"<a href="/a?x=1&amp;y=2">a</a> <link href="/b">"#) == ["/a?x=1&y=2", "/b"])
        #expect(PageLinks.target(of: "/a?x=1&y=%EB%94%9C", from: "/p/") == .local(path: "/a", query: ["x": "1", "y": "딜"]))
        #expect(PageLinks.target(of: "?page=2", from: "/p/list") == .local(path: "/p/list", query: ["page": "2"]))
        #expect(PageLinks.target(of: "#main", from: "/p/") == .elsewhere)
        #expect(PageLinks.target(of: "javascript:alert(1)", from: "/p/") == .malformed("javascript:alert(1)"))
    }
}
