import CommunityKit
import Foundation
import Testing

/// A user who must use a second factor but has none enrolls one while signing in, end to end
/// through `community.handle` (Cara's channel profile requires it; Pat's partner profile does not).
@Suite struct SignInEnrollmentTests {
    static let pendingCookie = "__Host-ck-pending"
    static let begin = "/partners/_action/beginSignInEnrollment"
    static let complete = "/partners/_action/completeSignInEnrollment"

    static func secret(in body: String) -> String? {
        body.range(of: "ck-secret\">").map { String(body[$0.upperBound...].prefix { $0 != "<" }) }
    }

    @Test func aRequiredButUnenrolledUserEnrollsDuringSignInAndIsSignedIn() throws {
        let clock = ManualClock()
        let community = try SignInTests.community(twoFactorFor: ["channel"], clock: clock)
        let browser = Browser(community, clientAddress: "192.0.2.20")
        let password = SignInTests.signIn(browser, "cara", SignInTests.password, return: "/partners/deals")
        #expect(password.status == 303)
        #expect(password.location == "/partners/two-factor?return=/partners/deals&enroll=1")
        #expect(browser.cookies[SignInTests.partnerHeader] == nil)
        #expect(browser.cookies[Self.pendingCookie] != nil)
        let page = browser.follow(password)
        #expect(page.status == 200)
        #expect(page.body.contains("action=\"\(Self.begin)\""))
        #expect(!page.body.contains("name=\"code\""))

        let begun = browser.post(Self.begin, [:])
        #expect(begun.status == 200)
        #expect(begun.body.contains("otpauth://totp/"))
        let secret = try #require(Self.secret(in: begun.body))
        let generator = try TimeBasedOneTimePassword(secret: try #require(Base32.decode(secret)))

        let wrong = browser.post(Self.complete, ["code": "000000"])
        #expect(wrong.status == 422)
        #expect(wrong.body.contains(secret))
        #expect(browser.cookies[SignInTests.partnerHeader] == nil)
        #expect(!community.twoFactor.isEnrolled("cara"))

        let done = browser.post(Self.complete, ["code": try #require(generator.code(at: clock.now()))])
        #expect(done.status == 200)
        #expect(done.body.contains("Recovery codes"))
        #expect(done.body.contains("/partners/deals\""))
        #expect(done.headers["Cache-Control"] == "no-store")
        #expect(browser.cookies[SignInTests.partnerHeader] != nil)
        #expect(browser.cookies[Self.pendingCookie] == nil)
        #expect(community.twoFactor.isEnrolled("cara"))
        #expect(browser.get("/partners/deals").body.contains(">Cara<"))
        #expect(!browser.get("/partners/two-factor").body.contains("Recovery codes"))

        // Enrolled: the next sign-in asks for a code, not for enrollment.
        clock.advance(by: 60)
        let later = Browser(community, clientAddress: "192.0.2.21")
        let again = SignInTests.signIn(later, "cara", SignInTests.password)
        #expect(again.location == "/partners/two-factor")
        let challenge = later.follow(again)
        #expect(challenge.body.contains("name=\"code\""))
        #expect(!challenge.body.contains(Self.begin))
        let signedIn = later.post("/partners/_action/completeSignIn", ["code": try #require(generator.code(at: clock.now()))])
        #expect(signedIn.status == 303)
        #expect(later.cookies[SignInTests.partnerHeader] != nil)
    }

    @Test func optionalUsersStillSignInWithThePasswordAlone() throws {
        let community = try SignInTests.community(twoFactorFor: ["channel"])
        let browser = Browser(community)
        let response = SignInTests.signIn(browser, "pat", SignInTests.password)
        #expect(response.location == "/partners/")
        #expect(browser.cookies[SignInTests.partnerHeader] != nil)
        #expect(browser.cookies[Self.pendingCookie] == nil)
    }

    @Test func aForgedPendingCookieCannotEnroll() throws {
        let community = try SignInTests.community(twoFactorFor: ["channel"])
        let browser = Browser(community)
        browser.get("/partners/two-factor", query: ["enroll": "1"])
        browser.setCookies(browser.cookies.merging([Self.pendingCookie: String(repeating: "A", count: 43)]) { $1 })
        let begun = browser.post(Self.begin, [:])
        #expect(begun.status == 422)
        #expect(begun.body.contains("Your sign-in has expired"))
        #expect(Self.secret(in: begun.body) == nil)
        let completed = browser.post(Self.complete, browser.hiddenFields(of: Self.begin).merging(["code": "123456"]) { $1 })
        #expect(completed.status == 422)
        #expect(browser.cookies[SignInTests.partnerHeader] == nil)
    }

    @Test func anExpiredPendingSignInCannotEnroll() throws {
        let clock = ManualClock()
        let community = try SignInTests.community(twoFactorFor: ["channel"], clock: clock)
        let browser = Browser(community)
        browser.follow(SignInTests.signIn(browser, "cara", SignInTests.password))
        let begun = browser.post(Self.begin, [:])
        let secret = try #require(Self.secret(in: begun.body))
        let generator = try TimeBasedOneTimePassword(secret: try #require(Base32.decode(secret)))
        clock.advance(by: 5 * 60 + 1)
        let late = browser.post(Self.complete, ["code": try #require(generator.code(at: clock.now()))])
        #expect(late.status == 422)
        #expect(late.body.contains("Your sign-in has expired"))
        #expect(browser.cookies[SignInTests.partnerHeader] == nil)
        #expect(!community.twoFactor.isEnrolled("cara"))
    }

    @Test func theEnrollmentActionsWithoutAPendingSignInSendToSignIn() throws {
        let community = try SignInTests.community(twoFactorFor: ["channel"])
        let browser = Browser(community)
        let page = browser.get("/partners/two-factor", query: ["enroll": "1", "return": "/partners/deals"])
        #expect(page.status == 200)
        let begun = browser.post(Self.begin, [:])
        #expect(begun.status == 303)
        #expect(begun.location == "/partners/login?return=/partners/deals")
        let completed = browser.post(Self.complete, browser.hiddenFields(of: Self.begin).merging(["code": "123456"]) { $1 })
        #expect(completed.status == 303)
        #expect(completed.location?.hasPrefix("/partners/login") == true)
    }
}
