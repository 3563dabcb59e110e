import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// Which locale a page is rendered in: a member's from the user record, a guest's from the
/// language switcher's cookie or `Accept-Language`, always one of the site's.
@Suite struct ViewerLocaleTests {
    static let supported = ["en_US", "de_DE", "ko_KR"]

    @Test func acceptLanguageOrdersByQualityAndKeepsTiesInOrder() {
        let header = AcceptLanguage(parsing: "fr;q=0.9, ko-KR;q=0.9, de , en;q=0.1")
        #expect(header.ranges.map(\.tag) == ["de", "fr", "ko-kr", "en"])
        #expect(header.ranges.map(\.quality) == [1000, 900, 900, 100])
        #expect(header.bestMatch(among: Self.supported) == "de_DE")
        #expect(AcceptLanguage(parsing: "fr, ko;q=0.5, en;q=0.4").bestMatch(among: Self.supported) == "ko_KR")
        #expect(AcceptLanguage(parsing: "de-AT").bestMatch(among: Self.supported) == "de_DE")
        #expect(AcceptLanguage(parsing: "KO_kr").bestMatch(among: Self.supported) == nil, "underscores are not part of the grammar")
        #expect(AcceptLanguage(parsing: "fr").bestMatch(among: Self.supported) == nil)
    }

    @Test func zeroQualityExcludesALanguageEvenFromTheWildcard() {
        let header = AcceptLanguage(parsing: "en;q=0, *;q=0.5")
        #expect(header.excluded == ["en"])
        #expect(header.bestMatch(among: Self.supported) == "de_DE")
        #expect(AcceptLanguage(parsing: "*").bestMatch(among: Self.supported) == "en_US")
    }

    @Test(arguments: [
        "", ";;;", ",,,", "de;q=2", "de;q=1.5", "de;q=0.1234", "de;q=", "de;q=.5", "de;q=0.5;q=0.4", "de;level=1", "123",
        "deutschland-ist-lang", "de-", "-de", "d e", "한국어", "ko\u{0}", "de;q=-1", "de;q=0x1", "de;q=1e0", "*-de",
        String(repeating: "de,", count: 10_000), String(repeating: "x", count: 100_000),
    ])
    func malformedHeadersYieldNothingAndNeverTrap(_ header: String) {
        let parsed = AcceptLanguage(parsing: header)
        #expect(parsed.bestMatch(among: Self.supported) == nil || header.hasPrefix("de,"))
    }

    @Test func onlyTheFirstRangesOfAHugeHeaderAreRead() {
        let header = Array(repeating: "fr", count: 40).joined(separator: ",") + ",de"
        #expect(AcceptLanguage(parsing: header).ranges.count == AcceptLanguage.maximumRanges)
        #expect(AcceptLanguage(parsing: header).bestMatch(among: Self.supported) == nil)
    }

    @Test func aMembersLocaleComesFromTheirUserRecord() throws {
        let responder = try Fixtures.responder()
        // Bo's record says de_DE; his browser asks for Korean, which does not matter.
        var request = Fixtures.request(.get, "/help/docs", as: Fixtures.partnerB)
        request.headers["accept-language"] = "ko"
        #expect(responder.locale(for: request) == "de_DE")
        let page = responder.handle(request).body
        #expect(page.contains("<html lang=\"de-DE\">"))
        #expect(page.contains("Zum Inhalt springen") && page.contains("Abmelden"))
        // A regional record (de_AT) gets the site's German; an unsupported one the default.
        var austrian = Fixtures.partnerB
        austrian.locale = "de_AT"
        #expect(responder.locale(for: Fixtures.request(.get, "/help/", as: austrian)) == "de_DE")
        var french = Fixtures.partnerB
        french.locale = "fr_FR"
        #expect(responder.locale(for: Fixtures.request(.get, "/help/", as: french)) == "en_US")
        #expect(responder.handle(Fixtures.request(.get, "/help/", as: Fixtures.customer)).body.contains("<html lang=\"ko-KR\">"))
    }

    @Test func aGuestsLocaleComesFromAcceptLanguage() throws {
        let responder = try Fixtures.responder()
        let korean = responder.handle(SiteRequest(.get, "/help/docs", headers: ["Accept-Language": "ko-KR,ko;q=0.9,en;q=0.8"]))
        #expect(korean.body.contains("<html lang=\"ko-KR\">"))
        #expect(korean.body.contains("본문으로 건너뛰기"))
        let unknown = responder.handle(SiteRequest(.get, "/help/docs", headers: ["Accept-Language": "fr;q=2, <script>"]))
        #expect(unknown.body.contains("<html lang=\"en-US\">"))
        // The fallback 404 page follows the guest's language too.
        var site = try Fixtures.site()
        site.notFoundPageID = nil
        let plain = try Fixtures.responder(site: site).handle(SiteRequest(.get, "/help/nowhere", headers: ["Accept-Language": "de"]))
        #expect(plain.status == 404 && plain.body.contains("<html lang=\"de-DE\">") && plain.body.contains("Seite nicht gefunden"))
    }

    @Test func theSwitcherSetsACookieThatOutranksAcceptLanguage() throws {
        let responder = try Fixtures.responder()
        let page = responder.handle(SiteRequest(.get, "/help/docs")).body
        #expect(page.contains("href=\"/help/_locale/ko_KR?return=/help/docs\""))
        #expect(page.contains("lang=\"ko-KR\" hreflang=\"ko-KR\">한국어</a>"))
        #expect(page.contains("aria-current=\"true\">English</a>"))
        let switched = responder.handle(SiteRequest(.get, "/help/_locale/ko_KR", query: ["return": "/help/docs"]))
        #expect(switched.status == 303)
        #expect(switched.headers["Location"] == "/help/docs")
        let cookie = try #require(switched.setCookies.first)
        #expect(cookie.hasPrefix("__Host-ck-locale=ko_KR;") && cookie.contains("HttpOnly") && cookie.contains("Max-Age="))
        let chosen = SiteRequest(.get, "/help/docs", cookies: ["__Host-ck-locale": "ko_KR"], headers: ["Accept-Language": "de"])
        #expect(responder.locale(for: chosen) == "ko_KR")
        #expect(responder.handle(chosen).body.contains("<html lang=\"ko-KR\">"))
        // A member's record still wins, and members see no switcher.
        let member = SiteRequest(.get, "/help/docs", viewer: Fixtures.viewer(Fixtures.partnerB), cookies: ["__Host-ck-locale": "ko_KR"])
        #expect(responder.locale(for: member) == "de_DE")
        #expect(!responder.handle(member).body.contains("/_locale/"))
    }

    @Test func theSwitcherRefusesWhatTheSiteDoesNotOffer() throws {
        let responder = try Fixtures.responder()
        #expect(responder.handle(SiteRequest(.get, "/help/_locale/fr_FR")).status == 404)
        #expect(responder.handle(SiteRequest(.get, "/help/_locale/ko_KR/extra")).status == 404)
        // A return path outside the site goes home instead.
        let away = responder.handle(SiteRequest(.get, "/help/_locale/de_DE", query: ["return": "https://evil.example/"]))
        #expect(away.status == 303 && away.headers["Location"] == "/help/")
        let other = responder.handle(SiteRequest(.get, "/help/_locale/de_DE", query: ["return": "/partners/"]))
        #expect(other.headers["Location"] == "/help/")
        // A forged cookie value is ignored.
        let forged = SiteRequest(.get, "/help/docs", cookies: ["__Host-ck-locale": "<x>"], headers: ["Accept-Language": "de"])
        #expect(responder.locale(for: forged) == "de_DE")
    }
}

extension ViewerLocaleTests {
    @Test func aLocaleWithoutATableIsNamedByItsTagInTheSwitcher() throws {
        var site = try Fixtures.site()
        site.locales = ["en_US", "fr_FR"]
        let page = try Fixtures.responder(site: site).handle(SiteRequest(.get, "/help/docs")).body
        #expect(page.contains("hreflang=\"fr-FR\">fr-FR</a>"))
        #expect(Localized.text("menu", locale: "de_DE") == "Menü")
    }
}
