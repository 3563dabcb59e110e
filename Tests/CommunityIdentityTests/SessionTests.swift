import CommunityIdentity
import CommunityModel
import Testing

@Suite("Sessions")
struct SessionTests {
    static let policy = try? SessionPolicy(idleTimeout: 600, absoluteTimeout: 3600, touchInterval: 60)

    func fixture() throws -> IdentityFixture { try IdentityFixture(sessionPolicy: try #require(Self.policy)) }

    @Test("Only the SHA-256 digest of the token is stored")
    func storesDigestOnly() throws {
        let f = try fixture()
        let issued = try f.signIn("alice")
        let stored = try #require(try f.store.snapshot().value(issued.context.sessionID))
        #expect(stored.tokenDigest == ByteEncoding.hex(Digest.sha256(try #require(ByteEncoding.bytes(base64URL: issued.token)))))
        #expect(stored.tokenDigest != issued.token)
        #expect(!String(describing: issued).contains(issued.token))
        #expect(issued.maxAge == 3600)
    }

    @Test("A valid token yields the user, session and site")
    func validates() throws {
        let f = try fixture()
        let issued = try f.signIn("alice")
        let context = try f.service.validateSession(issued.token, site: f.site)
        #expect(context == issued.context)
    }

    @Test("A session ends after the idle timeout without requests")
    func idleExpiry() throws {
        let f = try fixture()
        let issued = try f.signIn("alice")
        f.clock.advance(by: 599)
        _ = try f.service.validateSession(issued.token, site: f.site)
        f.clock.advance(by: 599)  // activity at 599 s kept it alive
        _ = try f.service.validateSession(issued.token, site: f.site)
        f.clock.advance(by: 600)
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(issued.token, site: f.site) }
        #expect(try f.store.snapshot().value(issued.context.sessionID) == nil)
    }

    @Test("A session ends at the absolute timeout however active it is")
    func absoluteExpiry() throws {
        let f = try fixture()
        let issued = try f.signIn("alice")
        for _ in 0..<11 {
            f.clock.advance(by: 300)
            _ = try f.service.validateSession(issued.token, site: f.site)
        }
        f.clock.advance(by: 300)  // 3600 s after sign-in
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(issued.token, site: f.site) }
    }

    @Test("Rotation issues a new token for the same session; the old token stops working")
    func rotation() throws {
        let f = try fixture()
        let issued = try f.signIn("alice")
        let rotated = try f.service.rotate(issued.token, site: f.site)
        #expect(rotated.token != issued.token)
        #expect(rotated.context.sessionID == issued.context.sessionID)
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(issued.token, site: f.site) }
        #expect(throws: IdentityError.invalidSession) { try f.service.rotate(issued.token, site: f.site) }
        #expect(try f.service.validateSession(rotated.token, site: f.site).userID == f.alice)
    }

    @Test("Sign-out ends one session; signing out everywhere ends all of a user's sessions")
    func signOut() throws {
        let f = try fixture()
        let first = try f.signIn("alice")
        let second = try f.signIn("alice")
        let third = try f.signIn("alice")
        let other = try f.signIn("carol")
        try f.service.signOut(first.token)
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(first.token, site: f.site) }
        _ = try f.service.validateSession(second.token, site: f.site)
        try f.service.signOut(first.token)  // again: no error
        try f.service.signOut("garbage")
        #expect(try f.service.sessions(of: f.alice).count == 2)
        #expect(try f.service.signOutEverywhere(f.alice) == 2)
        for token in [second.token, third.token] {
            #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(token, site: f.site) }
        }
        #expect(try f.service.validateSession(other.token, site: f.site).userID == f.carol)
    }

    @Test("A session is valid only on its own site, and only while its user stays an active member")
    func siteAndMembership() throws {
        let f = try fixture()
        let issued = try f.signIn("alice")
        let elsewhere = SignInSite(id: "customers", memberProfileIDs: [IdentityFixture.memberProfile])
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(issued.token, site: elsewhere) }
        try f.store.write { tx in
            var alice = try #require(try tx.value(f.alice))
            alice.isActive = false
            try tx.put(alice)
        }
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(issued.token, site: f.site) }
    }

    @Test(
        "Malformed, forged and oversize tokens are refused without trapping",
        arguments: ["", "x", String(repeating: "A", count: 43), String(repeating: "A", count: 44), "!!!!", String(repeating: "é", count: 43),
                    String(repeating: "A", count: 100_000)])
    func badTokens(token: String) throws {
        let f = try fixture()
        _ = try f.signIn("alice")
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(token, site: f.site) }
        #expect(throws: IdentityError.invalidSession) { try f.service.rotate(token, site: f.site) }
    }

    @Test("Unsafe session policies are refused")
    func policyBounds() {
        #expect(throws: IdentityError.self) { try SessionPolicy(idleTimeout: 0) }
        #expect(throws: IdentityError.self) { try SessionPolicy(idleTimeout: 7200, absoluteTimeout: 3600) }
        #expect(throws: IdentityError.self) { try SessionPolicy(absoluteTimeout: 365 * 86_400) }
        #expect(throws: IdentityError.self) { try SessionPolicy(cookieName: "bad name; Secure") }
    }
}
