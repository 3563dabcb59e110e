import CommunityKit
import IDTokenSigning
import Foundation
import Testing

/// Single sign-on with an OpenID Connect provider through the site itself: the sign-in page's
/// "Sign in with …" link, the start route's redirect, and the provider's `form_post` answer to
/// the callback, end to end through `community.handle` with a browser keeping cookies.
@Suite struct SingleSignOnSiteTests {
    static let issuer = "https://id.northwind.example"
    static let clientID = "partner-central"
    static let sessionCookie = "__Host-community_session-partners"

    static func key() throws -> RS256SigningKey { try #require(TestProviderKeys.provider) }

    static func provider(keySetJSON: String, endpoint: String = "https://id.northwind.example/authorize", profile: ID<Profile> = "partner")
        -> OpenIDProvider
    {
        OpenIDProvider(
            key: "northwind", displayName: "Northwind Identity", issuer: issuer, clientID: clientID, authorizationEndpoint: endpoint,
            keySetJSON: keySetJSON,
            mapping: ProvisioningMapping(
                allowsJustInTime: true, account: .fixed("acme"), profileID: profile, userKind: .partner, roleID: "acme-user",
                isHighVolume: false))
    }

    /// The partner site with Northwind Identity configured, on a manual clock.
    static func community(
        clock: ManualClock = ManualClock(), cookies: CookiePolicy = .secure, keySource: (any OpenIDKeySource)? = nil,
        logger: any CommunityLogger = SilentLogger()
    ) throws -> Community {
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: clock, csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"), cookies: cookies,
            logger: logger)
        configuration.singleSignOn.keySource = keySource
        let community = try Community(configuration)
        var site = try SiteTemplate.partnerCentral.makeSite(
            .init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner"], locales: ["en_US", "de_DE", "ko_KR"]))
        site.status = .published
        try community.addSite(site)
        try community.configureSingleSignOn(site: "partners", providers: [provider(keySetJSON: try key().keySetJSON)])
        return community
    }

    /// Follows the sign-in page's link: the `state` and `nonce` the provider was sent, and the redirect.
    static func start(_ browser: Browser, return target: String? = nil) throws -> (state: String, nonce: String, location: String) {
        browser.get("/partners/login", query: target.map { ["return": $0] } ?? [:])
        let response = browser.get("/partners/_sso/start/northwind", query: target.map { ["return": $0] } ?? [:])
        #expect(response.status == 303)
        let location = try #require(response.location)
        let items = try #require(URLComponents(string: location)?.queryItems)
        func item(_ name: String) -> String? { items.first { $0.name == name }?.value }
        return (try #require(item("state")), try #require(item("nonce")), location)
    }

    static func claims(nonce: String, at now: Date, _ changes: [String: Any?] = [:]) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": issuer, "sub": "nw-1001", "aud": clientID, "exp": now.timeIntervalSince1970 + 300, "iat": now.timeIntervalSince1970,
            "nonce": nonce, "email": "dana@acme.example", "given_name": "Dana", "family_name": "Reyes",
        ]
        for (name, value) in changes { claims[name] = value }
        return claims
    }

    static func callback(_ browser: Browser, token: String, state: String) -> SiteResponse {
        browser.post("/partners/_sso/callback", ["id_token": token, "state": state])
    }

    /// Users, federation links and contacts.
    static func counts(_ community: Community) throws -> [Int] {
        let snapshot = community.store.snapshot()
        return [try snapshot.all(User.self).count, try snapshot.all(FederationLink.self).count, try snapshot.all(Contact.self).count]
    }

    static func message(_ key: UIStringKey) -> String {
        HTMLEscaping.escape(UIStrings.standard.text(key, locale: "en"))
    }

    @Test func theSignInPageOffersTheProviderAndTheStartRouteSendsAnAuthenticationRequest() throws {
        let community = try Self.community()
        let browser = Browser(community)
        let login = browser.get("/partners/login")
        #expect(login.body.contains("Sign in with Northwind Identity"))
        #expect(login.body.contains("href=\"/partners/_sso/start/northwind\""))
        let (state, nonce, location) = try Self.start(browser)
        #expect(location.hasPrefix("https://id.northwind.example/authorize?"))
        let items = try #require(URLComponents(string: location)?.queryItems)
        func item(_ name: String) -> String? { items.first { $0.name == name }?.value }
        #expect(item("response_type") == "id_token")
        #expect(item("response_mode") == "form_post")
        #expect(item("client_id") == Self.clientID)
        #expect(item("scope") == "openid email profile")
        #expect(item("redirect_uri") == "https://partners.example.com/partners/_sso/callback" || item("redirect_uri")?.hasSuffix("/partners/_sso/callback") == true)
        #expect(state.count >= 43 && nonce.count >= 43 && state != nonce)
        // The state is not stored in the clear.
        let pending = try community.store.snapshot().all(SingleSignOnRequest.self)
        #expect(pending.count == 1)
        #expect(pending.allSatisfy { $0.value.id == SingleSignOnRequest.id(state: state) && $0.value.nonce == nonce })
    }

    @Test func aFirstSignInProvisionsAPartnerUserAndTheSecondFindsTheSameUser() throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        let before = try Self.counts(community)
        let browser = Browser(community)
        let first = try Self.start(browser, return: "/partners/leads")
        let response = Self.callback(browser, token: try Self.key().token(Self.claims(nonce: first.nonce, at: clock.now())), state: first.state)
        #expect(response.status == 303)
        #expect(response.location == "/partners/leads")
        let cookie = try #require(response.setCookies.first { $0.hasPrefix(Self.sessionCookie + "=") })
        for attribute in ["HttpOnly", "Secure", "SameSite=Lax"] { #expect(cookie.contains(attribute)) }
        #expect(browser.get("/partners/").body.contains("ck-account-name\">Dana Reyes<"))
        let after = try Self.counts(community)
        #expect(after == before.map { $0 + 1 })
        let user = try #require(try community.store.snapshot().all(User.self).first { $0.value.email == "dana@acme.example" }?.value)
        #expect(user.accountID == "acme" && user.kind == .partner && user.siteID == "partners")
        #expect(try community.linkedIdentities(of: user.id).map(\.issuer) == [Self.issuer])
        #expect(try community.store.snapshot().all(SingleSignOnRequest.self).isEmpty)
        // The account page lists the provider.
        let account = try #require(community.site("partners")?.site.url(ofPageContaining: ChangePasswordComponent.type))
        #expect(browser.get(account.string).body.contains("ck-linked-providers\">You also sign in with: Northwind Identity."))

        // Again, in another browser: the same user, nothing new; the old session of that browser ends.
        let other = Browser(community)
        let second = try Self.start(other)
        let again = Self.callback(other, token: try Self.key().token(Self.claims(nonce: second.nonce, at: clock.now())), state: second.state)
        #expect(again.status == 303)
        #expect(again.location == "/partners/")
        #expect(try Self.counts(community) == after)
        #expect(other.get("/partners/").body.contains("ck-account-name\">Dana Reyes<"))
    }

    @Test func aReplayedStateIsRefusedAndWritesNothing() throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        let browser = Browser(community)
        let started = try Self.start(browser)
        let token = try Self.key().token(Self.claims(nonce: started.nonce, at: clock.now()))
        #expect(Self.callback(browser, token: token, state: started.state).status == 303)
        let counts = try Self.counts(community)
        let replay = Self.callback(Browser(community), token: token, state: started.state)
        #expect(replay.status == 400)
        #expect(replay.body.contains(Self.message("sso.expired")))
        #expect(replay.setCookies.allSatisfy { !$0.hasPrefix(Self.sessionCookie) })
        #expect(try Self.counts(community) == counts)
        // A made-up state, and none at all.
        #expect(Self.callback(Browser(community), token: token, state: "made-up").status == 400)
        #expect(Browser(community).post("/partners/_sso/callback", ["id_token": token]).status == 400)
    }

    @Test func anExpiredStateIsRefused() throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        let browser = Browser(community)
        let started = try Self.start(browser)
        clock.advance(by: 601)
        let response = Self.callback(browser, token: try Self.key().token(Self.claims(nonce: started.nonce, at: clock.now())), state: started.state)
        #expect(response.status == 400)
        #expect(response.body.contains(Self.message("sso.expired")))
        #expect(try Self.counts(community)[1] == 0)
    }

    /// Tokens the verifier must refuse: each answers 401 on the sign-in page and writes nothing.
    @Test(arguments: ["wrongNonce", "expired", "wrongAudience", "unknownIssuer", "otherKey", "garbage"])
    func aTokenThatDoesNotVerifyIsRefused(_ problem: String) throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        let before = try Self.counts(community)
        let browser = Browser(community)
        let started = try Self.start(browser)
        let now = clock.now()
        let token: String
        switch problem {
        case "wrongNonce": token = try Self.key().token(Self.claims(nonce: "another-nonce", at: now))
        case "expired":
            token = try Self.key().token(Self.claims(nonce: started.nonce, at: now, ["iat": now.timeIntervalSince1970 - 900, "exp": now.timeIntervalSince1970 - 600]))
        case "wrongAudience": token = try Self.key().token(Self.claims(nonce: started.nonce, at: now, ["aud": "someone-else"]))
        case "unknownIssuer": token = try Self.key().token(Self.claims(nonce: started.nonce, at: now, ["iss": "https://evil.example"]))
        case "otherKey": token = try #require(TestProviderKeys.stranger).token(Self.claims(nonce: started.nonce, at: now))
        default: token = "not.a.token"
        }
        let response = Self.callback(browser, token: token, state: started.state)
        #expect(response.status == 401)
        #expect(response.body.contains(Self.message("sso.rejected")))
        #expect(response.body.contains("name=\"username\""))  // the sign-in page, to try again
        #expect(response.setCookies.allSatisfy { !$0.hasPrefix(Self.sessionCookie) })
        #expect(try Self.counts(community) == before)
    }

    @Test func provisioningRefusedForAMissingEmailWritesNothing() throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        let before = try Self.counts(community)
        let browser = Browser(community)
        let started = try Self.start(browser)
        let token = try Self.key().token(Self.claims(nonce: started.nonce, at: clock.now(), ["email": nil]))
        let response = Self.callback(browser, token: token, state: started.state)
        #expect(response.status == 403)
        #expect(response.body.contains(Self.message("sso.refused")))
        #expect(try Self.counts(community) == before)
    }

    @Test func aReturnPathOffTheSiteIsIgnored() throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        for target in ["https://evil.example/", "//evil.example/x", "/elsewhere/page"] {
            let browser = Browser(community)
            let started = try Self.start(browser, return: target)
            let response = Self.callback(browser, token: try Self.key().token(Self.claims(nonce: started.nonce, at: clock.now())), state: started.state)
            #expect(response.status == 303)
            #expect(response.location == "/partners/")
        }
    }

    @Test func anUnknownProviderAndTheWrongMethodsAreRefused() throws {
        let community = try Self.community()
        let browser = Browser(community)
        let unknown = browser.get("/partners/_sso/start/nobody")
        #expect(unknown.status == 404)
        #expect(unknown.body.contains(Self.message("sso.unknownProvider")))
        #expect(browser.get("/partners/_sso/callback").status == 405)
        #expect(try community.store.snapshot().all(SingleSignOnRequest.self).isEmpty)
    }

    @Test func aGermanBrowserReadsTheFailureInGerman() throws {
        let community = try Self.community()
        let response = community.handle(SiteRequest(
            .post, "/partners/_sso/callback", form: ["state": "x", "id_token": "y"], headers: ["Accept-Language": "de"]))
        #expect(response.status == 400)
        #expect(response.body.contains(HTMLEscaping.escape(UIStrings.standard.text("sso.expired", locale: "de"))))
        let login = community.handle(SiteRequest(.get, "/partners/login", headers: ["Accept-Language": "ko"]))
        #expect(login.body.contains(HTMLEscaping.escape(UIStrings.standard.text("signIn.withProvider", locale: "ko", ["provider": "Northwind Identity"]))))
    }

    @Test func badConfigurationIsRefusedWithATypedErrorAndNothingStored() throws {
        let community = try Self.community()
        let jwks = try Self.key().keySetJSON
        #expect(throws: SingleSignOnConfigurationError.unknownSite("nope")) {
            try community.configureSingleSignOn(site: "nope", providers: [Self.provider(keySetJSON: jwks)])
        }
        for endpoint in ["ftp://id.example/authorize", "http://id.example/authorize", "//id.example/a", "https://id.example/a b", ""] {
            #expect(throws: SingleSignOnConfigurationError.invalidAuthorizationEndpoint(provider: "northwind", endpoint)) {
                try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: jwks, endpoint: endpoint)])
            }
        }
        #expect {
            try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: "{not json")])
        } throws: { error in
            guard case SingleSignOnConfigurationError.invalidKeySet(provider: "northwind", _) = error else { return false }
            return true
        }
        #expect(throws: SingleSignOnConfigurationError.emptyKeySet(provider: "northwind")) {
            try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: #"{"keys":[]}"#)])
        }
        #expect(throws: SingleSignOnConfigurationError.profileNotMember(provider: "northwind", profile: "channel")) {
            try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: jwks, profile: "channel")])
        }
        var badKey = Self.provider(keySetJSON: jwks)
        badKey.key = "North Wind"
        #expect(throws: SingleSignOnConfigurationError.invalidKey("North Wind")) {
            try community.configureSingleSignOn(site: "partners", providers: [badKey])
        }
        #expect(throws: SingleSignOnConfigurationError.duplicateKey("northwind")) {
            try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: jwks), Self.provider(keySetJSON: jwks)])
        }
        // The configuration before the refusals is still in place.
        #expect(try community.singleSignOnProviders(site: "partners").map(\.key) == ["northwind"])
        // A local path and a development URL are accepted; an empty list turns single sign-on off.
        try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: jwks, endpoint: "/idp/authorize")])
        try community.configureSingleSignOn(site: "partners", providers: [Self.provider(keySetJSON: jwks, endpoint: "http://localhost:8080/a")])
        try community.configureSingleSignOn(site: "partners", providers: [])
        #expect(try community.singleSignOnProviders(site: "partners").isEmpty)
        #expect(!Browser(community).get("/partners/login").body.contains("_sso/start"))
    }
}
