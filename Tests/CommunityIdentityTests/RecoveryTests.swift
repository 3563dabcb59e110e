import CommunityIdentity
import CommunityModel
import Testing

@Suite("Password reset and e-mail verification")
struct RecoveryTests {
    let newPassword = "a fresh and long passphrase"

    @Test("A reset request answers the same for unknown users, and delivers a link only to a real one")
    func requestIsUniform() throws {
        let f = try IdentityFixture()
        try f.service.requestPasswordReset(identifier: "nobody@acme.example", site: f.site)
        try f.service.requestPasswordReset(identifier: "dave", site: f.site)  // inactive
        try f.service.requestPasswordReset(identifier: "erin", site: f.site)  // no password
        try f.service.requestPasswordReset(identifier: "bob", site: f.site)  // not a member
        try f.service.requestPasswordReset(identifier: String(repeating: "z", count: 5000))
        #expect(f.notifier.messages.isEmpty)
        try f.service.requestPasswordReset(identifier: "alice@acme.example", site: f.site)
        let message = try #require(f.notifier.messages.last)
        #expect(message.purpose == .passwordReset)
        #expect(message.email == "alice@acme.example")
        #expect(message.linkPath.hasPrefix("/account/reset-password?token="))
        #expect(!message.description.contains(try #require(f.notifier.latestToken)))
    }

    @Test("Resetting sets the password, ends every session, and the token works once")
    func resetFlow() throws {
        let f = try IdentityFixture()
        let session = try f.signIn("alice")
        try f.service.requestPasswordReset(identifier: "alice")
        let token = try #require(f.notifier.latestToken)
        #expect(try f.store.snapshot().value(ID<PasswordResetToken>(parsing: token)) == nil)  // not stored in the clear
        try f.service.resetPassword(token: token, newPassword: newPassword)
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(session.token, site: f.site) }
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice") }
        #expect(try f.signIn("alice", newPassword).context.userID == f.alice)
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.resetPassword(token: token, newPassword: "yet another long phrase") }
    }

    @Test("Forged, expired and replayed tokens fail with the same error", arguments: ["forged", "expired", "replayed", "malformed", "superseded"])
    func badTokens(kind: String) throws {
        let f = try IdentityFixture()
        try f.service.requestPasswordReset(identifier: "alice")
        var token = try #require(f.notifier.latestToken)
        switch kind {
        case "forged": token = try SecretToken.generate().text
        case "expired": f.clock.advance(by: 30 * 60)
        case "replayed": try f.service.resetPassword(token: token, newPassword: newPassword)
        case "superseded":
            f.clock.advance(by: 61)
            try f.service.requestPasswordReset(identifier: "alice")
        default: token = "not a token; DROP TABLE"
        }
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.resetPassword(token: token, newPassword: "another long passphrase") }
    }

    @Test("Repeated reset requests within a minute send one link")
    func requestThrottle() throws {
        let f = try IdentityFixture()
        try f.service.requestPasswordReset(identifier: "alice")
        f.clock.advance(by: 30)
        try f.service.requestPasswordReset(identifier: "alice")
        #expect(f.notifier.messages.count == 1)
        #expect(f.log.events.last?.reason == .throttled)
        f.clock.advance(by: 30)
        try f.service.requestPasswordReset(identifier: "alice")
        #expect(f.notifier.messages.count == 2)
    }

    @Test("A token still works at 29 minutes")
    func notYetExpired() throws {
        let f = try IdentityFixture()
        try f.service.requestPasswordReset(identifier: "alice")
        f.clock.advance(by: 29 * 60)
        try f.service.resetPassword(token: try #require(f.notifier.latestToken), newPassword: newPassword)
    }

    @Test("A weak new password is refused and the token stays usable")
    func policyRefusal() throws {
        let f = try IdentityFixture()
        try f.service.requestPasswordReset(identifier: "alice")
        let token = try #require(f.notifier.latestToken)
        #expect(throws: IdentityError.passwordRejected(.common)) { try f.service.resetPassword(token: token, newPassword: "password1234") }
        #expect(throws: IdentityError.passwordRejected(.tooShort(minimum: 12))) { try f.service.resetPassword(token: token, newPassword: "short") }
        try f.service.resetPassword(token: token, newPassword: newPassword)
    }

    @Test("E-mail verification: a link proves the current address once; an address change needs a new one")
    func emailVerification() throws {
        let f = try IdentityFixture()
        #expect(try !f.service.isEmailVerified(f.erin))
        try f.service.startEmailVerification(for: f.erin, site: f.site)
        let message = try #require(f.notifier.messages.last)
        #expect(message.purpose == .emailVerification)
        #expect(message.linkPath.hasPrefix("/account/verify-email?token="))
        let token = try #require(f.notifier.latestToken)
        #expect(try f.service.verifyEmail(token: token) == f.erin)
        #expect(try f.service.isEmailVerified(f.erin))
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.verifyEmail(token: token) }
        try f.store.write { tx in
            var erin = try #require(try tx.value(f.erin))
            erin.email = "erin@new.example"
            try tx.put(erin)
        }
        #expect(try !f.service.isEmailVerified(f.erin))
    }

    @Test("Verification links expire, and one sent to an old address is refused")
    func verificationRefusals() throws {
        let f = try IdentityFixture()
        try f.service.startEmailVerification(for: f.erin)
        f.clock.advance(by: 24 * 3600)
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.verifyEmail(token: try #require(f.notifier.latestToken)) }
        try f.service.startEmailVerification(for: f.erin)
        try f.store.write { tx in
            var erin = try #require(try tx.value(f.erin))
            erin.email = "erin@new.example"
            try tx.put(erin)
        }
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.verifyEmail(token: try #require(f.notifier.latestToken)) }
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.verifyEmail(token: "") }
    }

    @Test("A failing notifier does not change the answer; the failure is reported")
    func notifierFailure() throws {
        struct Broken: IdentityNotifier {
            struct Down: Error {}
            func deliver(_ message: IdentityMessage) throws { throw Down() }
        }
        let f = try IdentityFixture()
        let log = EventLog()
        let service = IdentityService(
            store: f.store, clock: f.clock, notifier: Broken(), hasher: .insecureForTesting(), onSecurityEvent: { log.record($0) })
        try service.requestPasswordReset(identifier: "alice")
        #expect(log.events.contains { $0.kind == .notificationFailed })
    }
}
