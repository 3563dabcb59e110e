import CommunityIdentity
import CommunityModel
import Foundation
import Testing

@Suite("Second-factor hook")
struct SecondFactorTests {
    func fixture(throwing: Bool = false) throws -> IdentityFixture {
        try IdentityFixture(secondFactor: FixedCodeVerifier(required: ["alice"], code: "246810", throwsOnVerify: throwing))
    }

    func pending(_ f: IdentityFixture) throws -> PendingSignIn {
        let result = try f.service.signIn(identifier: "alice", password: IdentityFixture.password, site: f.site, clientAddress: "192.0.2.1")
        guard case .secondFactorRequired(let pending) = result else {
            Issue.record("expected a second factor to be required")
            throw IdentityError.secondFactorRejected
        }
        return pending
    }

    @Test("The default verifier enrols nobody, so sign-in issues a session directly")
    func defaultVerifier() throws {
        let verifier = NoSecondFactor()
        #expect(!verifier.isEnrolled("alice"))
        #expect(!verifier.isRequired(for: "alice"))
        #expect(try !verifier.verify(code: "000000", for: "alice", at: .now))
        #expect(try IdentityFixture().signIn("alice").context.userID == "alice")
    }

    @Test("A required second factor yields a pending sign-in; the right code issues a session, once")
    func completes() throws {
        let f = try fixture()
        let pending = try pending(f)
        #expect(pending.userID == f.alice)
        #expect(try f.service.sessions(of: f.alice).isEmpty)
        let session = try f.service.completeSecondFactor(pending.token, code: "246810", clientAddress: "192.0.2.1")
        #expect(try f.service.validateSession(session.token, site: f.site).userID == f.alice)
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try f.service.completeSecondFactor(pending.token, code: "246810", clientAddress: "192.0.2.1")
        }
        #expect(try f.signIn("carol").context.userID == f.carol)  // not required for others
    }

    @Test("A sign-in with a second factor is reported once, when the code completes it")
    func signedInOnce() throws {
        let f = try fixture()
        let pending = try pending(f)
        #expect(!f.log.events.contains { $0.kind == .signedIn })
        _ = try f.service.completeSecondFactor(pending.token, code: "246810", clientAddress: "192.0.2.1")
        #expect(f.log.events.filter { $0.kind == .signedIn }.count == 1)
        #expect(f.log.events.last?.kind == .signedIn && f.log.events.last?.userID == f.alice)
    }

    @Test("Wrong codes are refused and, after five, the pending sign-in is discarded")
    func wrongCodes() throws {
        let f = try fixture()
        let pending = try pending(f)
        for _ in 0..<5 {
            #expect(throws: IdentityError.secondFactorRejected) {
                try f.service.completeSecondFactor(pending.token, code: "000000", clientAddress: "192.0.2.1")
            }
        }
        #expect(f.log.events.contains { $0.kind == .secondFactorFailed })
        #expect(throws: IdentityError.invalidOrExpiredToken) {
            try f.service.completeSecondFactor(pending.token, code: "246810", clientAddress: "192.0.2.1")
        }
    }

    @Test("An expired or forged pending token, an oversize code or a throwing verifier fail closed")
    func failsClosed() throws {
        let f = try fixture()
        let stale = try pending(f)
        f.clock.advance(by: 5 * 60)
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.completeSecondFactor(stale.token, code: "246810", clientAddress: "c") }
        #expect(throws: IdentityError.invalidOrExpiredToken) { try f.service.completeSecondFactor("forged", code: "246810", clientAddress: "c") }
        let fresh = try pending(f)
        #expect(throws: IdentityError.secondFactorRejected) {
            try f.service.completeSecondFactor(fresh.token, code: String(repeating: "2", count: 10_000), clientAddress: "c")
        }
        let throwing = try fixture(throwing: true)
        let other = try pending(throwing)
        #expect(throws: IdentityError.secondFactorRejected) {
            try throwing.service.completeSecondFactor(other.token, code: "246810", clientAddress: "c")
        }
    }

    @Test("Re-entering the right password does not reset the backoff on wrong codes")
    func codeGuessingLocksTheAccount() throws {
        let f = try fixture()
        for _ in 0..<5 {
            let attempt = try pending(f)
            #expect(throws: IdentityError.secondFactorRejected) {
                try f.service.completeSecondFactor(attempt.token, code: "000000", clientAddress: "192.0.2.1")
            }
        }
        #expect(throws: IdentityError.invalidCredentials) {
            try f.service.signIn(identifier: "alice", password: IdentityFixture.password, site: f.site, clientAddress: "192.0.2.1")
        }
        f.clock.advance(by: 1)
        let attempt = try pending(f)
        _ = try? f.service.completeSecondFactor(attempt.token, code: "000000", clientAddress: "192.0.2.1")
        // Now in a 2 s backoff: even the right code is refused unchecked.
        #expect(throws: IdentityError.secondFactorRejected) {
            try f.service.completeSecondFactor(attempt.token, code: "246810", clientAddress: "192.0.2.1")
        }
        f.clock.advance(by: 2)
        let session = try f.service.completeSecondFactor(attempt.token, code: "246810", clientAddress: "192.0.2.1")
        #expect(session.context.userID == f.alice)
        #expect(try f.store.snapshot().value(Credential.id(for: f.alice))?.failures.count == 0)
    }
}
