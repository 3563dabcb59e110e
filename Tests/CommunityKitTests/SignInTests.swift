import CommunityKit
import Foundation
import Testing

/// Signing in through the site itself, end to end through `community.handle`, with cookies
/// carried between requests as a browser would.
@Suite struct SignInTests {
    static let password = "amber-lantern-harbour-42"
    static let partnerHeader = "__Host-community_session-partners"

    /// A community with the partner site (members: the partner profile), a cheap hasher, a
    /// manual clock, and passwords for Pat (partner), Cara (channel, not a member) and Mia.
    static func community(twoFactorFor profiles: Set<ID<Profile>> = [], clock: ManualClock = ManualClock()) throws -> Community {
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: clock, csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.passwordHasher = .insecureForTesting()
        configuration.twoFactorPolicy = TwoFactorPolicy(requiredFor: profiles)
        let community = try Community(configuration)
        var site = try SiteTemplate.partnerCentral.makeSite(
            .init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: profiles.isEmpty ? ["partner"] : ["partner", "channel"]))
        site.status = .published
        try community.addSite(site)
        for user: ID<User> in ["pat", "cara", "mia"] { try community.identity.setPassword(password, for: user) }
        return community
    }

    static func signIn(_ browser: Browser, _ username: String, _ password: String, return target: String? = nil) -> SiteResponse {
        browser.get("/partners/login", query: target.map { ["return": $0] } ?? [:])
        var form = ["username": username, "password": password]
        if let target { form["return"] = target }
        return browser.post("/partners/_action/signIn", form)
    }

    static func recorder(_ community: Community) -> RecordingIdentityNotifier? { community.identityNotifier as? RecordingIdentityNotifier }

    @Test func theRightPasswordSetsAHostOnlySecureCookieAndTheNextRequestIsThatUser() throws {
        let community = try Self.community()
        let browser = Browser(community)
        let login = browser.get("/partners/login")
        #expect(login.status == 200)
        #expect(login.body.contains("name=\"username\""))
        #expect(login.body.contains("name=\"password\""))
        let response = Self.signIn(browser, "pat@acme.example", Self.password)
        #expect(response.status == 303)
        #expect(response.location == "/partners/")
        let cookie = try #require(response.setCookies.first { $0.hasPrefix(Self.partnerHeader + "=") })
        for attribute in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] { #expect(cookie.contains(attribute)) }
        let home = browser.get("/partners/")
        #expect(home.status == 200)
        #expect(home.body.contains("ck-account-name\">Pat<"))
        #expect(home.body.contains("_action/signOut"))
        // The user id signs in too.
        let other = Browser(community, clientAddress: "198.51.100.8")
        #expect(Self.signIn(other, "mia", Self.password).status == 303)
        #expect(other.get("/partners/leads").body.contains(">Mia<"))
    }

    @Test func everySignInIssuesANewTokenAndEndsTheOldOne() throws {
        let community = try Self.community()
        let browser = Browser(community)
        _ = Self.signIn(browser, "pat", Self.password)
        let first = try #require(browser.cookies[Self.partnerHeader])
        _ = Self.signIn(browser, "pat", Self.password)
        let second = try #require(browser.cookies[Self.partnerHeader])
        #expect(first != second)
        let replay = Browser(community)
        replay.setCookies([Self.partnerHeader: first])
        let page = replay.get("/partners/")
        #expect(!page.body.contains("class=\"ck-account-name\""))
        #expect(page.setCookies.contains { $0.hasPrefix(Self.partnerHeader + "=;") && $0.contains("Max-Age=0") })
    }

    @Test func wrongPasswordUnknownUserAndLockedAccountLookTheSame() throws {
        let community = try Self.community()
        let wrong = Self.signIn(Browser(community, clientAddress: "203.0.113.1"), "pat@acme.example", "not-the-password-at-all")
        let unknown = Self.signIn(Browser(community, clientAddress: "203.0.113.2"), "nobody@acme.example", "not-the-password-at-all")
        #expect(wrong.status == 422)
        #expect(wrong.body.contains(SignInComponent.failureMessage))
        #expect(unknown.status == wrong.status)
        #expect(unknown.body.contains(SignInComponent.failureMessage))
        #expect(wrong.setCookies.allSatisfy { !$0.contains("community_session") })
        // Repeated failures lock the account: then even the right password gets the same answer.
        let browser = Browser(community, clientAddress: "203.0.113.3")
        for _ in 0..<5 { _ = Self.signIn(browser, "mia@acme.example", "still-not-the-password") }
        let locked = Self.signIn(browser, "mia@acme.example", Self.password)
        #expect(locked.status == wrong.status)
        #expect(locked.body.contains(SignInComponent.failureMessage))
        #expect(browser.cookies[Self.partnerHeader] == nil)
        // The message never echoes the password.
        #expect(!wrong.body.contains("not-the-password-at-all"))
    }

    @Test func aUserWhoIsNotAMemberCannotSignIn() throws {
        let community = try Self.community()
        let browser = Browser(community)
        let response = Self.signIn(browser, "cara@x.example", Self.password)
        #expect(response.status == 422)
        #expect(response.body.contains(SignInComponent.failureMessage))
        #expect(browser.cookies[Self.partnerHeader] == nil)
    }

    @Test func signOutEndsTheSession() throws {
        let community = try Self.community()
        let browser = Browser(community)
        _ = Self.signIn(browser, "pat", Self.password)
        let token = try #require(browser.cookies[Self.partnerHeader])
        browser.get("/partners/")
        let out = browser.post("/partners/_action/signOut", [:])
        #expect(out.status == 303)
        #expect(out.setCookies.contains { $0.hasPrefix(Self.partnerHeader + "=;") && $0.contains("Max-Age=0") })
        #expect(browser.cookies[Self.partnerHeader] == nil)
        let replay = Browser(community)
        replay.setCookies([Self.partnerHeader: token])
        let page = replay.get("/partners/leads")
        #expect(page.status == 303)
        #expect(page.location?.hasPrefix("/partners/login") == true)
    }

    @Test func aGuestOnAMemberPageIsSentToSignInAndBackAfterwards() throws {
        let community = try Self.community()
        let browser = Browser(community)
        let page = browser.get("/partners/leads")
        #expect(page.status == 303)
        #expect(page.location == "/partners/login?return=/partners/leads")
        browser.follow(page)
        #expect(browser.lastPage.contains("name=\"return\" value=\"/partners/leads\""))
        let signedIn = browser.post("/partners/_action/signIn", ["username": "pat", "password": Self.password, "return": "/partners/leads"])
        #expect(signedIn.location == "/partners/leads")
        #expect(browser.get("/partners/leads").status == 200)
    }

    @Test(arguments: ["//evil.example", "https://evil.example", "/\\evil", "/other-site/x", "javascript:alert(1)", "/partners/../../x\\y"])
    func aReturnPathOffTheSiteFallsBackHome(target: String) throws {
        let community = try Self.community()
        let browser = Browser(community)
        let response = Self.signIn(browser, "pat", Self.password, return: target)
        #expect(response.status == 303)
        #expect(response.location == "/partners/")
        #expect(!browser.lastPage.contains("evil"))
    }

    @Test func passwordResetEndToEnd() throws {
        let community = try Self.community()
        let notifier = try #require(Self.recorder(community))
        let browser = Browser(community)
        browser.get("/partners/forgot-password")
        let known = browser.post("/partners/_action/requestPasswordReset", ["username": "pat@acme.example"])
        #expect(known.status == 303)
        #expect(known.location == "/partners/forgot-password?sent=1")
        #expect(browser.follow(known).body.contains(ForgotPasswordComponent.sentMessage))
        browser.get("/partners/forgot-password")
        let unknown = browser.post("/partners/_action/requestPasswordReset", ["username": "ghost@acme.example"])
        #expect(unknown.status == known.status)
        #expect(unknown.location == known.location)
        let message = try #require(notifier.messages.last)
        #expect(message.linkPath.hasPrefix("/partners/reset-password?token="))
        let token = try #require(notifier.latestToken)
        #expect(notifier.messages.count == 1)

        let (path, query) = Browser.split(message.linkPath)
        let resetPage = browser.get(path, query: query)
        #expect(resetPage.status == 200)
        #expect(resetPage.body.contains("name=\"token\" value=\"\(token)\""))
        let newPassword = "copper-kettle-meadow-77"
        let mismatch = browser.post("/partners/_action/resetPassword", ["token": token, "password": newPassword, "confirm": "different-one-entirely"])
        #expect(mismatch.status == 422)
        let done = browser.post("/partners/_action/resetPassword", ["token": token, "password": newPassword, "confirm": newPassword])
        #expect(done.status == 303)
        #expect(done.location == "/partners/login?reset=1")
        #expect(Self.signIn(Browser(community), "pat", Self.password).status == 422)
        #expect(Self.signIn(Browser(community), "pat", newPassword).status == 303)
        // The token works once.
        let again = Browser(community)
        again.get(path, query: query)
        let reused = again.post("/partners/_action/resetPassword", ["token": token, "password": "another-fresh-secret-9", "confirm": "another-fresh-secret-9"])
        #expect(reused.status == 422)
        #expect(reused.body.contains("invalid or has expired"))
    }

    @Test func emailVerificationEndToEnd() throws {
        let community = try Self.community()
        let notifier = try #require(Self.recorder(community))
        let browser = Browser(community)
        _ = Self.signIn(browser, "pat", Self.password)
        browser.get("/partners/verify-email")
        let sent = browser.post("/partners/_action/sendEmailVerification", [:])
        #expect(sent.location == "/partners/verify-email?sent=1")
        let message = try #require(notifier.messages.last)
        #expect(message.purpose == .emailVerification)
        #expect(message.linkPath.hasPrefix("/partners/verify-email?token="))
        #expect(try community.identity.isEmailVerified("pat") == false)
        let (path, query) = Browser.split(message.linkPath)
        let guest = Browser(community)
        let page = guest.get(path, query: query)
        #expect(page.status == 200)
        let confirmed = guest.post("/partners/_action/verifyEmail", ["token": query["token"] ?? ""])
        #expect(confirmed.location == "/partners/verify-email?verified=1")
        #expect(try community.identity.isEmailVerified("pat"))
        let reused = guest.post("/partners/_action/verifyEmail", ["token": query["token"] ?? ""])
        #expect(reused.status == 422)
    }

    @Test func aRequiredSecondFactorAsksForACodeAfterThePassword() throws {
        let clock = ManualClock()
        let community = try Self.community(twoFactorFor: ["channel"], clock: clock)
        // Cara enrolls through the security page.
        let setup = Browser(community, clientAddress: "192.0.2.10")
        // Required but not yet enrolled: the password alone does not sign her in.
        let first = Self.signIn(setup, "cara", Self.password)
        #expect(first.location?.hasPrefix("/partners/two-factor") == true)
        #expect(setup.cookies[Self.partnerHeader] == nil)

        let setup2 = try community.twoFactor.beginEnrollment(for: "cara")
        let generator = try TimeBasedOneTimePassword(secret: try #require(Base32.decode(setup2.secret)))
        _ = try community.twoFactor.confirmEnrollment(for: "cara", code: try #require(generator.code(at: clock.now())))
        clock.advance(by: 60)

        let browser = Browser(community, clientAddress: "192.0.2.11")
        let password = Self.signIn(browser, "cara@x.example", Self.password, return: "/partners/deals")
        #expect(password.status == 303)
        #expect(password.location == "/partners/two-factor?return=/partners/deals")
        #expect(browser.cookies[Self.partnerHeader] == nil)
        #expect(browser.cookies["__Host-ck-pending"] != nil)
        let codePage = browser.follow(password)
        #expect(codePage.status == 200)
        #expect(codePage.body.contains("name=\"code\""))
        let wrong = browser.post("/partners/_action/completeSignIn", ["code": "000000", "return": "/partners/deals"])
        #expect(wrong.status == 422)
        let code = try #require(generator.code(at: clock.now()))
        let done = browser.post("/partners/_action/completeSignIn", ["code": code, "return": "/partners/deals"])
        #expect(done.status == 303)
        #expect(done.location == "/partners/deals")
        #expect(browser.cookies[Self.partnerHeader] != nil)
        #expect(browser.cookies["__Host-ck-pending"] == nil)
        #expect(browser.get("/partners/deals").body.contains(">Cara<"))
    }

    @Test func aMemberEnrollsInTwoFactorThroughTheSecurityPage() throws {
        let clock = ManualClock()
        let community = try Self.community(clock: clock)
        let browser = Browser(community)
        _ = Self.signIn(browser, "pat", Self.password)
        let page = browser.get("/partners/security")
        #expect(page.status == 200)
        let begun = browser.post("/partners/_action/beginTwoFactor", [:])
        #expect(begun.status == 200)
        #expect(begun.body.contains("otpauth://totp/"))
        let secretText = try #require(begun.body.range(of: "ck-secret\">").map { String(begun.body[$0.upperBound...].prefix { $0 != "<" }) })
        let generator = try TimeBasedOneTimePassword(secret: try #require(Base32.decode(secretText)))
        let wrong = browser.post("/partners/_action/confirmTwoFactor", ["code": "123456", "secret": secretText, "uri": "x"])
        #expect(wrong.status == 422)
        #expect(wrong.body.contains(secretText))
        let confirmed = browser.post("/partners/_action/confirmTwoFactor", ["code": try #require(generator.code(at: clock.now())), "secret": secretText, "uri": "x"])
        #expect(confirmed.status == 200)
        #expect(confirmed.body.contains("Recovery codes"))
        #expect(community.twoFactor.isEnrolled("pat"))
        #expect(!browser.get("/partners/security").body.contains("Recovery codes"))
    }

    @Test func changingThePasswordNeedsTheCurrentOne() throws {
        let community = try Self.community()
        let browser = Browser(community)
        _ = Self.signIn(browser, "pat", Self.password)
        browser.get("/partners/security")
        let newPassword = "violet-harbour-compass-5"
        let wrong = browser.post("/partners/_action/changePassword", ["current": "not-my-password-now", "password": newPassword, "confirm": newPassword])
        #expect(wrong.status == 422)
        let changed = browser.post("/partners/_action/changePassword", ["current": Self.password, "password": newPassword, "confirm": newPassword])
        #expect(changed.location == "/partners/security?changed=1")
        #expect(browser.get("/partners/leads").status == 200)
        #expect(Self.signIn(Browser(community), "pat", newPassword).status == 303)
    }

    @Test func aHostViewerIsUsedAsItIsAndGuestsSeeASignInLink() throws {
        let community = try Self.community()
        let guest = community.handle(SiteRequest(.get, "/partners/"))
        #expect(guest.body.contains("href=\"/partners/login\""))
        let host = community.handle(SiteRequest(.get, "/partners/leads", viewer: community.viewer("pat", sessionID: "host-session"),
                                                cookies: [Self.partnerHeader: "garbage"]))
        #expect(host.status == 200)
        #expect(host.setCookies.isEmpty)
    }

    @Test func templatesCarryTheAccountPages() throws {
        for template in SiteTemplate.all {
            let site = try template.makeSite(.init(id: "s", name: "S", urlPrefix: "/s", memberProfileIDs: ["partner"]))
            #expect(site.signInPageID == "login")
            for slug in ["login", "two-factor", "forgot-password", "reset-password", "verify-email", "security"] {
                #expect(site.page(slug) != nil, "\(template.id) lacks \(slug)")
            }
            #expect(site.validate(registry: .standard).isEmpty)
        }
    }

    @Test func oldBundlesWithoutSignInFieldsStillLoad() throws {
        var site = try KitFixture.partnerSite()
        site.signInPageID = nil
        let data = try JSONEncoder().encode(site)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object.removeValue(forKey: "signInPageID")
        object.removeValue(forKey: "signIn")
        let decoded = try JSONDecoder().decode(Site.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(decoded.signIn == nil)
        #expect(decoded.signInPageID == nil)
    }

    @Test func badSiteSignInSettingsAreRefused() throws {
        let community = try Self.community()
        var site = try SiteTemplate.buildYourOwn.makeSite(.init(id: "weak", name: "Weak", urlPrefix: "/weak", memberProfileIDs: ["partner"]))
        site.signIn = SiteSignInSettings(minimumPasswordLength: 4)
        #expect(throws: CommunityError.self) { try community.addSite(site) }
        site.signIn = SiteSignInSettings(idleTimeout: 3600, absoluteTimeout: 60)
        #expect(throws: CommunityError.self) { try community.addSite(site) }
    }

    @Test func membersSignInToAPreviewSiteThatGuestsCannotSee() throws {
        let community = try Self.community()
        var site = try #require(community.site("partners")?.site)
        site.status = .preview
        try community.addSite(site)
        let browser = Browser(community)
        #expect(browser.get("/partners/").status == 401)
        #expect(browser.get("/partners/login").status == 200)
        #expect(community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: ["Company": "X"])).status == 401)
        #expect(Self.signIn(browser, "pat", Self.password).status == 303)
        #expect(browser.get("/partners/").status == 200)
    }

    @Test func resetLinksFollowTheSitesOwnResetPage() throws {
        let community = try Self.community()
        var site = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner"]))
        site.status = .published
        try site.renamePage("reset-password", slug: "new-password")
        try community.addSite(site)
        let browser = Browser(community)
        browser.get("/help/forgot-password")
        #expect(browser.post("/help/_action/requestPasswordReset", ["username": "pat"]).status == 303)
        let link = try #require(Self.recorder(community)?.messages.last?.linkPath)
        #expect(link.hasPrefix("/help/new-password?token="))
    }
}

@Suite("Sign-in events reach the logger")
struct SignInLoggingTests {
    @Test("a failed sign-in is logged as auth.signInFailed without the password")
    func failedSignInIsLogged() throws {
        let logger = RecordingLogger()
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        configuration.passwordHasher = .insecureForTesting()
        configuration.logger = logger
        let community = try Community(configuration)
        var site = try SiteTemplate.partnerCentral.makeSite(
            .init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner"]))
        site.status = .published
        try community.addSite(site)
        try community.identity.setPassword(SignInTests.password, for: "pat")
        let browser = Browser(community)
        let wrong = "wrong-password-\(UUID().uuidString)"
        #expect(SignInTests.signIn(browser, "pat@acme.example", wrong).status == 422)
        let events = logger.events
        #expect(events.contains { $0.name.rawValue == "auth.signInFailed" })
        #expect(!events.contains { "\($0)".contains(wrong) })
    }
}

@Suite("Session tokens rotate when privileges change")
struct PrivilegeRotationTests {
    @Test("a role change issues a new token on the next request; the old token stops working")
    func roleChangeRotatesTheToken() throws {
        let community = try SignInTests.community()
        let browser = Browser(community)
        #expect(SignInTests.signIn(browser, "pat", SignInTests.password).status == 303)
        let first = browser.get("/partners/leads")
        #expect(first.body.contains(">Pat<"))
        #expect(!first.setCookies.contains { $0.hasPrefix(SignInTests.partnerHeader + "=") }, "no rotation without a change")
        let oldCookies = browser.cookies
        try community.store.write { tx in
            guard var pat = try tx.value(ID<User>("pat")) else { return }
            pat.roleID = "acme-mgr"
            try tx.put(pat)
        }
        let next = browser.get("/partners/leads")
        #expect(next.body.contains(">Pat<"))
        let rotated = try #require(next.setCookies.first { $0.hasPrefix(SignInTests.partnerHeader + "=") })
        #expect(rotated.contains("HttpOnly"))
        #expect(browser.cookies[SignInTests.partnerHeader] != oldCookies[SignInTests.partnerHeader])
        let stale = community.handle(SiteRequest(.get, "/partners/leads", cookies: oldCookies))
        #expect(!stale.body.contains(">Pat<"), "the token issued before the change no longer signs in")
        #expect(browser.get("/partners/leads").body.contains(">Pat<"))
    }
}
