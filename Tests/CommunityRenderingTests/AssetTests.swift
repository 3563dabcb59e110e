import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// Logos and favicons: what ``SiteAsset`` accepts, and how a site serves them.
@Suite struct AssetTests {
    static let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\" fill=\"#123456\"/></svg>".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    static let ico: [UInt8] = [0, 0, 1, 0, 1, 0] + [UInt8](repeating: 0, count: 16)

    @Test func imagesOfTheThreeTypesAreAccepted() throws {
        #expect(try SiteAsset(name: "logo.svg", bytes: Self.svg).kind == .svg)
        #expect(try SiteAsset(name: "logo.png", bytes: Self.png).kind == .png)
        #expect(try SiteAsset(name: "favicon.ico", bytes: Self.ico).kind == .ico)
        #expect(AssetKind.svg.contentType == "image/svg+xml")
        #expect(AssetKind.png.contentType == "image/png")
        #expect(AssetKind.ico.contentType == "image/x-icon")
    }

    @Test(arguments: ["", "a", "../logo.svg", "Logo.svg", "logo", ".svg", "-x.svg", "a/b.svg", "logo.svg.", "a.b.svg", "logo .svg",
                      String(repeating: "a", count: 61) + ".svg"])
    func badNamesAreRefused(_ name: String) {
        #expect(throws: AssetError.invalidName(name)) { try SiteAsset(name: name, bytes: Self.svg) }
    }

    @Test func otherTypesAreRefused() {
        #expect(throws: AssetError.unsupportedType(name: "page.html")) { try SiteAsset(name: "page.html", bytes: Array("<p>".utf8)) }
        #expect(throws: AssetError.unsupportedType(name: "anim.gif")) { try SiteAsset(name: "anim.gif", bytes: Array("GIF89a".utf8)) }
    }

    @Test func bytesMustMatchTheType() {
        #expect(throws: AssetError.contentMismatch(name: "logo.png", expected: .png)) { try SiteAsset(name: "logo.png", bytes: Self.svg) }
        #expect(throws: AssetError.contentMismatch(name: "favicon.ico", expected: .ico)) { try SiteAsset(name: "favicon.ico", bytes: Self.png) }
        #expect(throws: AssetError.contentMismatch(name: "favicon.ico", expected: .ico)) { try SiteAsset(name: "favicon.ico", bytes: [0, 0, 1, 0, 0, 0] + [UInt8](repeating: 0, count: 16)) }
        #expect(throws: AssetError.contentMismatch(name: "logo.svg", expected: .svg)) { try SiteAsset(name: "logo.svg", bytes: Self.png) }
        #expect(throws: AssetError.contentMismatch(name: "logo.svg", expected: .svg)) { try SiteAsset(name: "logo.svg", bytes: Array("<html></html>".utf8)) }
    }

    @Test func theSizeIsLimited() throws {
        let big = Self.png + [UInt8](repeating: 0, count: SiteAsset.maximumByteCount)
        #expect(throws: AssetError.tooLarge(name: "big.png", byteCount: big.count, limit: SiteAsset.maximumByteCount)) {
            try SiteAsset(name: "big.png", bytes: big)
        }
        #expect(throws: AssetError.tooLarge(name: "logo.svg", byteCount: Self.svg.count, limit: 10)) {
            try SiteAsset(name: "logo.svg", bytes: Self.svg, maximumByteCount: 10)
        }
    }

    @Test(arguments: [
        "<svg><script>alert(1)</script></svg>", "<svg onload=\"alert(1)\"></svg>", "<svg><rect ONCLICK = 'x'/></svg>",
        "<svg><foreignObject><p>x</p></foreignObject></svg>", "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>",
        "<svg><a href=\"javascript:alert(1)\"><rect/></a></svg>", "<svg><use href=\"http://evil.example/x.svg#a\"/></svg>",
        "<svg><image href=\"https://tracker.example/p.png\"/></svg>", "<svg><style>@import url(x.css)</style></svg>",
        "<svg/onload=alert(1)>",
    ])
    func svgsThatCouldRunOrLoadAnythingAreRefused(_ text: String) {
        #expect {
            try SiteAsset(name: "logo.svg", bytes: Array(text.utf8))
        } throws: { error in
            if case AssetError.unsafeSVG(name: "logo.svg", _) = error { return true }
            return false
        }
    }

    @Test func anSVGWithWordsStartingWithOnIsFine() throws {
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text font-family=\"one\">online</text></svg>"
        #expect(try SiteAsset(name: "logo.svg", bytes: Array(text.utf8)).bytes.count == text.utf8.count)
    }

    @Test func theMemoryStoreKeepsSitesApart() throws {
        let store = MemoryAssetStore()
        let logo = try SiteAsset(name: "logo.svg", bytes: Self.svg)
        store.put(logo, site: "a")
        #expect(store.asset(named: "logo.svg", site: "a") == logo)
        #expect(store.asset(named: "logo.svg", site: "b") == nil)
        #expect(store.names(site: "a") == ["logo.svg"])
        store.remove(named: "logo.svg", site: "a")
        store.remove(named: "missing.svg", site: "a")
        #expect(store.asset(named: "logo.svg", site: "a") == nil)
    }

    static func responder(store: (any AssetStore)?, site: Site? = nil) throws -> SiteResponder {
        var services = Fixtures.services()
        if let store { services.set((any AssetStore).self, store) }
        return try SiteResponder(site: site ?? Fixtures.site(), registry: .standard, services: services, csrf: Fixtures.csrf, clock: Fixtures.clock)
    }

    @Test func assetsAreServedWithTheirTypeAndCacheHeaders() throws {
        let store = MemoryAssetStore()
        store.put(try SiteAsset(name: "logo.svg", bytes: Self.svg), site: "help")
        store.put(try SiteAsset(name: "favicon.ico", bytes: Self.ico), site: "help")
        store.put(try SiteAsset(name: "other.png", bytes: Self.png), site: "elsewhere")
        let responder = try Self.responder(store: store)
        let logo = responder.handle(Fixtures.request(.get, "/help/_assets/logo.svg"))
        #expect(logo.status == 200)
        #expect(logo.bodyBytes == Self.svg)
        #expect(logo.bytesToSend == Self.svg)
        #expect(logo.headers["Content-Type"] == "image/svg+xml")
        #expect(logo.headers["Cache-Control"] == "public, max-age=86400")
        #expect(logo.headers["X-Content-Type-Options"] == "nosniff")
        #expect(logo.headers["Content-Security-Policy"]?.contains("sandbox") == true)
        #expect(logo.setCookies.isEmpty, "an asset never starts a guest session")
        let icon = responder.handle(Fixtures.request(.get, "/help/_assets/favicon.ico"))
        #expect(icon.headers["Content-Type"] == "image/x-icon")
        #expect(icon.bodyBytes == Self.ico)
        let head = responder.handle(Fixtures.request(.head, "/help/_assets/favicon.ico"))
        #expect(head.status == 200 && head.bodyBytes == [])
        #expect(responder.handle(Fixtures.request(.get, "/help/_assets/other.png")).status == 404, "another site's asset")
        #expect(responder.handle(Fixtures.request(.get, "/help/_assets/missing.svg")).status == 404)
        #expect(responder.handle(Fixtures.request(.get, "/help/_assets/..%2Fsecret.svg")).status == 404)
        #expect(responder.handle(Fixtures.request(.get, "/help/_assets/")).status == 404)
        #expect(responder.handle(Fixtures.request(.post, "/help/_assets/logo.svg")).status == 405)
    }

    @Test func withoutAStoreAssetsAreNotFound() throws {
        #expect(try Self.responder(store: nil).handle(Fixtures.request(.get, "/help/_assets/logo.svg")).status == 404)
    }

    @Test func brandingIsServedEvenWhileTheSiteIsInPreview() throws {
        let store = MemoryAssetStore()
        store.put(try SiteAsset(name: "logo.svg", bytes: Self.svg), site: "help")
        let responder = try Self.responder(store: store, site: Fixtures.site(status: .preview))
        #expect(responder.handle(Fixtures.request(.get, "/help/_assets/logo.svg")).status == 200)
        #expect(responder.handle(Fixtures.request(.get, "/help/")).status == 401)
    }

    @Test func theFaviconIsLinkedFromEveryPage() throws {
        var site = try Fixtures.site()
        site.theme.favicon = site.assetURL("favicon.svg")
        let html = try Self.responder(store: MemoryAssetStore(), site: site).handle(Fixtures.request(.get, "/help/docs")).body
        #expect(html.contains("<link rel=\"icon\" href=\"/help/_assets/favicon.svg\">"))
        #expect(site.assetURL("../x.svg") == nil)
        #expect(try Site(id: "root", name: "Root", urlPrefix: "/").assetURL("logo.png")?.string == "/_assets/logo.png")
    }
}
