import CommunityKit
import Foundation
import Testing

@Suite("Community configuration")
struct ConfigurationTests {
    @Test("a short CSRF secret is a typed configuration error, not a crash")
    func shortSecret() {
        #expect {
            _ = try Community(CommunityConfiguration(csrfSecret: Array("short".utf8)))
        } throws: { error in
            guard case CommunityError.configuration(let reason) = error else { return false }
            return reason.contains("16 bytes")
        }
    }

    @Test("local development cookies drop Secure and the __Host- prefix")
    func localDevelopmentCookies() throws {
        let community = try Community(CommunityConfiguration(
            csrfSecret: Array("a-secret-of-enough-bytes".utf8), cookies: .localDevelopment))
        var site = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help"))
        site.status = .published
        site.selfRegistration = .pending
        var home = try #require(site.page("home"))
        home.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "join", type: "community.selfRegistration"))
        try site.updatePage(home)
        try community.addSite(site)
        let response = community.handle(SiteRequest(.get, "/help/"))
        let cookie = try #require(response.setCookies.first)
        #expect(cookie.hasPrefix("ck-guest=") && !cookie.contains("Secure") && cookie.contains("HttpOnly"))
    }
}
