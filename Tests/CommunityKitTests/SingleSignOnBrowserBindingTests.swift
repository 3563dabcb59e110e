import CommunityKit
import CommunityTesting
import Foundation
import Testing

/// The single sign-on state is bound to the browser that started it: the start route sets an
/// `HttpOnly` binding cookie and stores only its digest; the callback takes the provider's answer
/// only from a browser carrying that cookie, and clears it. Without the binding, an attacker
/// could start a sign-in in their own browser and make a victim's browser post the attacker's
/// ID token (login CSRF: the victim would work in the attacker's account).
@Suite struct SingleSignOnBrowserBindingTests {
    typealias Site = SingleSignOnSiteTests
    static let bindingCookie = "__Host-ck-sso"

    static func bindingHeader(_ response: SiteResponse, name: String = bindingCookie) -> String? {
        response.setCookies.first { $0.hasPrefix(name + "=") }
    }

    @Test func theStartRouteSetsAnHttpOnlySameSiteNoneSecureCookieAndStoresOnlyItsDigest() throws {
        let community = try Site.community()
        let browser = Browser(community)
        browser.get("/partners/login")
        let response = browser.get("/partners/_sso/start/northwind")
        #expect(response.status == 303)
        let header = try #require(Self.bindingHeader(response))
        for attribute in ["Path=/", "HttpOnly", "Secure", "SameSite=None", "Max-Age=600"] { #expect(header.contains(attribute)) }
        let value = try #require(browser.cookies[Self.bindingCookie])
        #expect(value.count == 43)
        let pending = try #require(try community.store.snapshot().all(SingleSignOnRequest.self).first?.value)
        #expect(pending.browserBinding == ByteEncoding.base64URL(Digest.sha256(Array(value.utf8))))
        #expect(pending.browserBinding != value)
    }

    @Test func anotherBrowserCannotFinishASignInAndNothingIsWritten() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        // The attacker starts a sign-in and gets a token for their own identity…
        let attacker = Browser(community)
        let started = try Site.start(attacker)
        let token = try Site.key().token(Site.claims(nonce: started.nonce, at: clock.now(), ["email": "mallory@acme.example", "sub": "nw-666"]))
        // …and makes a victim's browser post it: once with no binding, once with the victim's own.
        let victim = Browser(community)
        let before = try Site.counts(community)
        for victimHasOwnSignIn in [false, true] {
            if victimHasOwnSignIn { _ = try Site.start(victim) }
            let carried = victim.cookies[Self.bindingCookie]
            let state = victimHasOwnSignIn ? try Site.start(attacker).state : started.state
            let response = Site.callback(victim, token: token, state: state)
            #expect(response.status == 403)
            #expect(response.body.contains(Site.message("sso.otherBrowser")))
            #expect(response.setCookies.allSatisfy { !$0.hasPrefix(Site.sessionCookie) })
            // The victim's own sign-in still under way keeps its cookie.
            #expect(victim.cookies[Self.bindingCookie] == carried)
            #expect(try Site.counts(community) == before)
        }
        // The refused state is used up: the attacker cannot finish it either.
        #expect(Site.callback(attacker, token: token, state: started.state).status == 400)
        #expect(try Site.counts(community) == before)
    }

    @Test func aSignedInVictimStaysSignedInAsThemselves() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        let victim = Browser(community)
        let own = try Site.start(victim)
        #expect(Site.callback(victim, token: try Site.key().token(Site.claims(nonce: own.nonce, at: clock.now())), state: own.state).status == 303)
        #expect(victim.get("/partners/").body.contains("ck-account-name\">Dana Reyes<"))
        let attacker = Browser(community)
        let started = try Site.start(attacker)
        let token = try Site.key().token(Site.claims(
            nonce: started.nonce, at: clock.now(), ["email": "mallory@acme.example", "sub": "nw-666", "given_name": "Mal", "family_name": "Lory"]))
        #expect(Site.callback(victim, token: token, state: started.state).status == 403)
        #expect(victim.get("/partners/").body.contains("ck-account-name\">Dana Reyes<"))
    }

    @Test func theCookieIsClearedAfterUseWhetherTheTokenVerifiesOrNot() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        let browser = Browser(community)
        let bad = try Site.start(browser)
        let refused = Site.callback(browser, token: "not.a.token", state: bad.state)
        #expect(refused.status == 401)
        #expect(Self.bindingHeader(refused)?.contains("Max-Age=0") == true)
        #expect(browser.cookies[Self.bindingCookie] == nil)
        let good = try Site.start(browser)
        let accepted = Site.callback(browser, token: try Site.key().token(Site.claims(nonce: good.nonce, at: clock.now())), state: good.state)
        #expect(accepted.status == 303)
        #expect(Self.bindingHeader(accepted)?.contains("Max-Age=0") == true)
        #expect(browser.cookies[Self.bindingCookie] == nil)
    }

    @Test func twoSignInsStartedInOneBrowserShareItsBinding() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        let browser = Browser(community)
        let first = try Site.start(browser)
        let value = browser.cookies[Self.bindingCookie]
        let second = try Site.start(browser)
        #expect(browser.cookies[Self.bindingCookie] == value)
        let digests = Set(try community.store.snapshot().all(SingleSignOnRequest.self).map(\.value.browserBinding))
        #expect(digests.count == 1)
        let response = Site.callback(browser, token: try Site.key().token(Site.claims(nonce: second.nonce, at: clock.now())), state: second.state)
        #expect(response.status == 303)
        _ = first
    }

    @Test func aMalformedOrForgedCookieNeverMatches() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        var generator = SeededRandom(seed: 0x5EED_55D0)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.; \"")
        for round in 0..<40 {
            let browser = Browser(community)
            let started = try Site.start(browser)
            let real = try #require(browser.cookies[Self.bindingCookie])
            let length = round % 4 == 0 ? 43 : Int.random(in: 0...60, using: &generator)
            var forged = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            if forged == real { forged += "x" }
            browser.set(Self.bindingCookie, forged)
            let token = try Site.key().token(Site.claims(nonce: started.nonce, at: clock.now()))
            #expect(Site.callback(browser, token: token, state: started.state).status == 403)
        }
        #expect(try community.store.snapshot().all(FederationLink.self).isEmpty)
        // A malformed cookie at the start is replaced by a new binding.
        let browser = Browser(community)
        browser.set(Self.bindingCookie, "not-a-binding")
        let response = browser.get("/partners/_sso/start/northwind")
        #expect(browser.cookies[Self.bindingCookie] != "not-a-binding")
        #expect(Self.bindingHeader(response) != nil)
    }

    @Test func localDevelopmentUsesALaxCookieWithoutSecureAndStillSignsIn() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock, cookies: .localDevelopment)
        let browser = Browser(community)
        browser.get("/partners/login")
        let start = browser.get("/partners/_sso/start/northwind")
        let header = try #require(Self.bindingHeader(start, name: "ck-sso"))
        #expect(header.contains("SameSite=Lax") && header.contains("HttpOnly"))
        #expect(!header.contains("Secure") && !header.contains("SameSite=None"))
        let location = try #require(start.location)
        let items = try #require(URLComponents(string: location)?.queryItems)
        let state = try #require(items.first { $0.name == "state" }?.value)
        let nonce = try #require(items.first { $0.name == "nonce" }?.value)
        let response = Site.callback(browser, token: try Site.key().token(Site.claims(nonce: nonce, at: clock.now())), state: state)
        #expect(response.status == 303)
        #expect(response.setCookies.contains { $0.hasPrefix("community_session-partners=") })
        #expect(response.setCookies.contains { $0.hasPrefix("ck-sso=;") && $0.contains("Max-Age=0") })
    }

    @Test func theRefusalIsTranslated() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        let attacker = Browser(community)
        let started = try Site.start(attacker)
        let token = try Site.key().token(Site.claims(nonce: started.nonce, at: clock.now()))
        let response = community.handle(SiteRequest(
            .post, "/partners/_sso/callback", form: ["state": started.state, "id_token": token], headers: ["Accept-Language": "de"]))
        #expect(response.status == 403)
        #expect(response.body.contains(HTMLEscaping.escape(UIStrings.standard.text("sso.otherBrowser", locale: "de"))))
    }
}
