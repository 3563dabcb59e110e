import CommunityKit
import Foundation
import Testing

/// The translated UI through the facade: a host's own locale, the switcher through a browser,
/// and action messages in the viewer's language.
@Suite struct LocalizedSiteTests {
    static func community(strings: UIStrings = .standard, locales: [String]) throws -> Community {
        var configuration = CommunityConfiguration(store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret)
        configuration.passwordHasher = .insecureForTesting()
        configuration.strings = strings
        let community = try Community(configuration)
        var site = try SiteTemplate.partnerCentral.makeSite(.init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner"], locales: locales))
        site.status = .published
        try community.addSite(site)
        try community.identity.setPassword(SignInTests.password, for: "pat")
        return community
    }

    @Test func aHostAddsItsOwnLocale() throws {
        var french: [UIStringKey: String] = [:]
        for key in UIStrings.builtInKeys { french[key] = "[fr] " + UIStrings.standard.text(key, locale: "en") }
        french["signIn.submit"] = "Se connecter"
        french["language.name"] = "Français"
        let strings = UIStrings.standard.adding(locale: "fr", french)
        #expect(strings.missingKeys(in: "fr_FR").isEmpty)
        let community = try Self.community(strings: strings, locales: ["en_US", "fr_FR"])
        #expect(community.strings.text("signIn.submit", locale: "fr_FR") == "Se connecter")
        let request = SiteRequest(.get, "/partners/login", headers: ["Accept-Language": "fr-CA, en;q=0.5"])
        #expect(community.locale(for: request) == "fr_FR")
        let page = community.handle(request).body
        #expect(page.contains("<html lang=\"fr-FR\">"))
        #expect(page.contains(">Se connecter</button>"))
        #expect(page.contains(">Français</a>"))
    }

    @Test func aGuestSwitchesLanguageWithoutScriptAndTheChoiceSticks() throws {
        let community = try Self.community(locales: ["en_US", "de_DE", "ko_KR"])
        let browser = Browser(community)
        let english = browser.get("/partners/login")
        #expect(english.body.contains(">Sign in</button>"))
        let switched = browser.get("/partners/_locale/ko_KR", query: ["return": "/partners/login"])
        #expect(switched.status == 303)
        let korean = browser.follow(switched)
        #expect(korean.body.contains("<html lang=\"ko-KR\">"))
        #expect(korean.body.contains(">로그인</button>"))
        #expect(korean.body.contains("<label for=\"f-signIn-username\">이메일 주소 또는 사용자 이름"))
        // A failed sign-in answers in Korean too, and never in English.
        let failed = browser.post("/partners/_action/signIn", ["username": "pat@acme.example", "password": "wrong-password-entirely"])
        #expect(failed.status == 422)
        #expect(failed.body.contains(UIStrings.standard.text("signIn.failed", locale: "ko")))
        #expect(!failed.body.contains(SignInComponent.failureMessage))
    }

    @Test func aMembersPagesFollowTheirUserRecord() throws {
        let community = try Self.community(locales: ["en_US", "de_DE", "ko_KR"])
        var pat = try #require(try community.store.snapshot().get(ID<User>("pat"))).value
        pat.locale = "de_DE"
        try community.store.write { tx in try tx.put(pat) }
        let browser = Browser(community)
        _ = SignInTests.signIn(browser, "pat@acme.example", SignInTests.password)
        let home = browser.get("/partners/")
        #expect(home.body.contains("<html lang=\"de-DE\">"))
        #expect(home.body.contains(">Abmelden</button>"))
        #expect(home.body.contains(">Willkommen, Gold-Partner<"))  // Pat's account is gold
        let support = browser.get("/partners/support")
        #expect(support.body.contains("Support kontaktieren") && support.body.contains(">Fall einreichen</button>"))
        let missing = browser.post("/partners/_action/submitCase", ["subject": "", "description": ""])
        #expect(missing.status == 422)
        #expect(missing.body.contains("Geben Sie einen Betreff ein."))
    }
}
