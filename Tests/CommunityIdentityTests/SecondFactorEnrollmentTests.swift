import CommunityIdentity
import CommunityModel
import Foundation
import Testing

@Suite("Enrolling a required second factor during sign-in")
struct SecondFactorEnrollmentTests {
    /// The fixture's users and store, signed in through a service whose verifier is a
    /// ``TwoFactorService`` requiring a second factor of the member profile (Alice, not Carol).
    struct Setup {
        let fixture: IdentityFixture
        let twoFactor: TwoFactorService
        let service: IdentityService

        init(lifetime: TimeInterval = 5 * 60) throws {
            fixture = try IdentityFixture()
            twoFactor = TwoFactorService(
                store: fixture.store, clock: fixture.clock, issuer: "Northwind Cloud",
                policy: TwoFactorPolicy(requiredFor: [IdentityFixture.memberProfile]))
            service = IdentityService(
                store: fixture.store, clock: fixture.clock, notifier: fixture.notifier, hasher: .insecureForTesting(iterations: 1_000),
                secondFactor: twoFactor, configuration: IdentityConfiguration(pendingSignInLifetime: lifetime))
        }

        func signIn(_ user: String) throws -> SignInResult {
            try service.signIn(identifier: user, password: IdentityFixture.password, site: fixture.site, clientAddress: "192.0.2.1")
        }

        func enrollmentPending(_ user: String = "alice") throws -> PendingSignIn {
            guard case .enrollmentRequired(let pending) = try signIn(user) else {
                Issue.record("expected enrollment to be required")
                throw IdentityError.secondFactorRejected
            }
            return pending
        }

        func code(_ setup: TwoFactorSetup) throws -> String {
            let generator = try TimeBasedOneTimePassword(secret: try #require(Base32.decode(setup.secret)))
            return try #require(generator.code(at: fixture.clock.now()))
        }
    }

    @Test("Required and not enrolled: the password leads to enrollment; the first right code signs in, once")
    func enrollsAndSignsIn() throws {
        let s = try Setup()
        let pending = try s.enrollmentPending()
        #expect(try s.service.sessions(of: "alice").isEmpty)
        // The code prompt cannot be used: there is no factor to check.
        #expect(throws: IdentityError.secondFactorRejected) {
            try s.service.completeSecondFactor(pending.token, code: "000000", clientAddress: "192.0.2.1")
        }
        let setup = try s.service.beginSecondFactorEnrollment(pending.token, using: s.twoFactor, clientAddress: "192.0.2.1")
        #expect(setup.uri.text.hasPrefix("otpauth://totp/"))
        #expect(throws: IdentityError.secondFactorRejected) {
            try s.service.completeSecondFactorEnrollment(pending.token, code: "12345", using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        #expect(!s.twoFactor.isEnrolled("alice"))
        let enrolled = try s.service.completeSecondFactorEnrollment(
            pending.token, code: try s.code(setup), using: s.twoFactor, clientAddress: "192.0.2.1")
        #expect(try s.service.validateSession(enrolled.session.token, site: s.fixture.site).userID == "alice")
        #expect(!enrolled.recoveryCodes.isEmpty)
        #expect(!enrolled.description.contains(enrolled.recoveryCodes[0]))
        #expect(s.twoFactor.isEnrolled("alice"))
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try s.service.completeSecondFactorEnrollment(pending.token, code: try s.code(setup), using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        // Enrolled now: the next sign-in asks for a code, and cannot enroll again.
        guard case .secondFactorRequired(let next) = try s.signIn("alice") else {
            Issue.record("expected the code challenge")
            return
        }
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try s.service.beginSecondFactorEnrollment(next.token, using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try s.service.completeSecondFactorEnrollment(next.token, code: "000000", using: s.twoFactor, clientAddress: "192.0.2.1")
        }
    }

    @Test("Optional and not enrolled: the password alone signs in")
    func optionalUsersSignInWithThePassword() throws {
        let s = try Setup()
        guard case .signedIn(let issued) = try s.signIn("carol") else {
            Issue.record("expected a session")
            return
        }
        #expect(issued.context.userID == "carol")
    }

    @Test("Wrong first codes count toward the attempt limit, after which the pending sign-in is gone")
    func wrongCodesDiscardThePendingSignIn() throws {
        let s = try Setup()
        let pending = try s.enrollmentPending()
        let setup = try s.service.beginSecondFactorEnrollment(pending.token, using: s.twoFactor, clientAddress: "192.0.2.1")
        for _ in 0..<5 {
            #expect(throws: IdentityError.secondFactorRejected) {
                try s.service.completeSecondFactorEnrollment(pending.token, code: "000000", using: s.twoFactor, clientAddress: "192.0.2.1")
            }
        }
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try s.service.completeSecondFactorEnrollment(pending.token, code: try s.code(setup), using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        #expect(!s.twoFactor.isEnrolled("alice"))
    }

    @Test("A forged, expired or unstarted pending sign-in cannot enroll a factor")
    func failsClosed() throws {
        let s = try Setup()
        for forged in ["", "not-a-token", String(repeating: "a", count: 43)] {
            #expect(throws: IdentityError.invalidOrExpiredToken) {
                try s.service.beginSecondFactorEnrollment(forged, using: s.twoFactor, clientAddress: "192.0.2.1")
            }
            #expect(throws: IdentityError.invalidOrExpiredToken) {
                try s.service.completeSecondFactorEnrollment(forged, code: "000000", using: s.twoFactor, clientAddress: "192.0.2.1")
            }
        }
        // A right code before the setup began is refused (there is no pending enrollment).
        let unstarted = try s.enrollmentPending()
        #expect(throws: IdentityError.secondFactorRejected) {
            try s.service.completeSecondFactorEnrollment(unstarted.token, code: "000000", using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        let pending = try s.enrollmentPending()
        let setup = try s.service.beginSecondFactorEnrollment(pending.token, using: s.twoFactor, clientAddress: "192.0.2.1")
        s.fixture.clock.advance(by: 5 * 60 + 1)
        let code = try s.code(setup)
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try s.service.completeSecondFactorEnrollment(pending.token, code: code, using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try s.service.beginSecondFactorEnrollment(pending.token, using: s.twoFactor, clientAddress: "192.0.2.1")
        }
        #expect(!s.twoFactor.isEnrolled("alice"))
    }

    @Test("A pending record stored before enrollment existed still reads, as a code challenge")
    func oldPendingRecordsDecode() throws {
        let json = Data(#"{"id":"abc","userID":"alice","siteID":"partners","idleTimeout":60,"absoluteTimeout":600,"failedCodes":0,"expiresAt":0}"#.utf8)
        let record = try JSONDecoder().decode(PendingSecondFactor.self, from: json)
        #expect(!record.needsEnrollment)
        let again = try JSONDecoder().decode(PendingSecondFactor.self, from: try JSONEncoder().encode(
            PendingSecondFactor(id: "abc", userID: "alice", siteID: "partners", idleTimeout: 60, absoluteTimeout: 600,
                                expiresAt: Date(timeIntervalSince1970: 0), needsEnrollment: true)))
        #expect(again.needsEnrollment)
    }
}
