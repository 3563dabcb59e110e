import CommunityModel
import CommunityAccess
import CommunityRendering
import Testing

/// The header's account menu: items about the member themselves under their name, in a
/// `details` drop-down, filtered by audience, translated, and absent for guests.
@Suite struct AccountMenuTests {
    func responder(accountItems: [NavigationMenu.Item]?) throws -> SiteResponder {
        var site = try Fixtures.site()
        if let accountItems { site.menus.append(NavigationMenu(id: "account", items: accountItems)) }
        return try Fixtures.responder(site: site)
    }

    func body(_ responder: SiteResponder, as user: User?) -> String {
        responder.handle(Fixtures.request(.get, "/help/docs", as: user)).body
    }

    @Test func aMemberGetsTheAccountMenuUnderTheirName() throws {
        let responder = try responder(accountItems: [.init("Install guide", .page("install")), .init("Partner area", .page("partner-area"), audienceID: "partners")])
        let pat = body(responder, as: Fixtures.partnerA)
        #expect(pat.contains(#"<details class="ck-account-menu"><summary><span class="ck-account-name">Pat Partner</span></summary>"#))
        #expect(pat.contains(#"<nav aria-label="Your account">"#))
        #expect(pat.contains(#"href="/help/docs/install""#))
        #expect(pat.contains("Sign out"), "signing out stays one click away, outside the drop-down")
        // An item for an audience the viewer is not in is left out.
        let kim = body(responder, as: Fixtures.customer)
        #expect(kim.contains(#"<details class="ck-account-menu">"#) && kim.contains(#"<nav aria-label="내 계정">"#))
        #expect(!kim.contains(#"href="/help/partner-area""#))
    }

    @Test func guestsAndSitesWithoutTheMenuGetThePlainName() throws {
        let guest = body(try responder(accountItems: [.init("Install guide", .page("install"))]), as: nil)
        #expect(!guest.contains(#"<details class="ck-account-menu">"#))
        let plain = body(try responder(accountItems: nil), as: Fixtures.partnerA)
        #expect(!plain.contains(#"<details class="ck-account-menu">"#))
        #expect(plain.contains(#"<span class="ck-account-name">Pat Partner</span>"#))
        // A menu whose every item is hidden from the viewer shows no empty drop-down.
        let hidden = body(try responder(accountItems: [.init("Partner area", .page("partner-area"), audienceID: "partners")]), as: Fixtures.customer)
        #expect(!hidden.contains(#"<details class="ck-account-menu">"#))
    }
}
