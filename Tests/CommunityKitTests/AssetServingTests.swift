import CommunityKit
import Foundation
import Testing

/// The engine's asset store: sites serve their logo and favicon through ``Community/handle(_:)``.
@Suite struct AssetServingTests {
    static let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\"/></svg>".utf8)

    @Test func aSitesLogoIsStoredLinkedAndServed() throws {
        let community = try KitFixture.community()
        var site = try KitFixture.partnerSite()
        site.theme.logo = try community.addAsset(named: "logo.svg", bytes: Self.svg, for: site)
        site.theme.favicon = try community.addAsset(named: "favicon.svg", bytes: Self.svg, for: site)
        try community.addSite(site)
        #expect(site.theme.logo?.string == "/partners/_assets/logo.svg")
        #expect(community.assets.names(site: "partners") == ["favicon.svg", "logo.svg"])
        let home = community.handle(SiteRequest(.get, "/partners/", viewer: .guest)).body
        #expect(home.contains("<img src=\"/partners/_assets/logo.svg\" alt=\"\""))
        #expect(home.contains("<link rel=\"icon\" href=\"/partners/_assets/favicon.svg\">"))
        let logo = community.handle(SiteRequest(.get, "/partners/_assets/logo.svg", viewer: .guest))
        #expect(logo.status == 200)
        #expect(logo.headers["Content-Type"] == "image/svg+xml")
        #expect(logo.bodyBytes == Self.svg)
        #expect(community.handle(SiteRequest(.get, "/partners/_assets/nothing.png", viewer: .guest)).status == 404)
    }

    @Test func refusedFilesNeverReachTheStore() throws {
        let community = try KitFixture.community()
        let site = try KitFixture.partnerSite()
        #expect(throws: AssetError.unsafeSVG(name: "logo.svg", reason: "it contains a script")) {
            try community.addAsset(named: "logo.svg", bytes: Array("<svg><script>x</script></svg>".utf8), for: site)
        }
        #expect(throws: AssetError.unsupportedType(name: "page.html")) {
            try community.addAsset(named: "page.html", bytes: Array("<p>".utf8), for: site)
        }
        #expect(community.assets.names(site: "partners").isEmpty)
    }

    @Test func aHostCanBringItsOwnStore() throws {
        let store = MemoryAssetStore()
        store.put(try SiteAsset(name: "logo.svg", bytes: Self.svg), site: "partners")
        var configuration = CommunityConfiguration(store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret)
        configuration.assets = store
        let community = try Community(configuration)
        try community.addSite(try KitFixture.partnerSite())
        #expect(community.handle(SiteRequest(.get, "/partners/_assets/logo.svg", viewer: .guest)).bodyBytes == Self.svg)
    }
}
