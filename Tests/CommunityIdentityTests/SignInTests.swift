import CommunityIdentity
import CommunityModel
import Testing

@Suite("Sign-in")
struct SignInTests {
    @Test("A member signs in by user id or e-mail (any case) and gets a session for the site")
    func success() throws {
        let f = try IdentityFixture()
        let byID = try f.signIn("alice")
        #expect(byID.context.userID == f.alice)
        #expect(byID.context.siteID == "partners")
        #expect(byID.token.utf8.count == 43)
        let byEmail = try f.signIn("  Alice@ACME.example ")
        #expect(byEmail.context.userID == f.alice)
        #expect(byEmail.token != byID.token)
        #expect(f.log.events.last?.kind == .signedIn)
    }

    @Test("Membership through a permission set group admits; a non-member is refused even with the right password")
    func membership() throws {
        let f = try IdentityFixture()
        #expect(try f.signIn("carol").context.userID == f.carol)
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("bob") }
        #expect(f.log.events.last?.reason == .notMember)
    }

    @Test(
        "Unknown, wrong, inactive, password-less and malformed sign-ins fail alike, each after exactly one key derivation",
        arguments: [
            ("nobody", IdentityFixture.password), ("nobody@acme.example", IdentityFixture.password), ("alice", "wrong password!!"),
            ("dave", IdentityFixture.password), ("erin", IdentityFixture.password), ("bob", IdentityFixture.password),
            ("", ""), ("not an id!", "x"), (String(repeating: "a", count: 10_000), "x"),
        ])
    func uniformFailures(identifier: String, password: String) throws {
        let f = try IdentityFixture()
        let before = f.derivations.value
        let error = #expect(throws: IdentityError.self) {
            try f.service.signIn(identifier: identifier, password: password, site: f.site, clientAddress: "192.0.2.9")
        }
        #expect(error == .invalidCredentials)
        #expect(error?.description == IdentityError.invalidCredentials.description)
        #expect(f.derivations.value == before + 1)
    }

    @Test("An oversize password is refused like any failure, after one bounded derivation")
    func oversizePassword() throws {
        let f = try IdentityFixture()
        let before = f.derivations.value
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice", String(repeating: "p", count: 1_000_000)) }
        #expect(f.derivations.value == before + 1)
        #expect(f.log.events.last?.reason == .oversizeInput)
    }

    @Test("After five wrong passwords the account is locked: the right password fails the same way, then works after the backoff")
    func accountLockout() throws {
        let f = try IdentityFixture()
        for n in 0..<5 {
            #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice", "wrong password \(n)", client: "198.51.100.\(n)") }
        }
        #expect(f.log.events.contains { $0.kind == .lockedOut && $0.reason == .accountLocked && $0.userID == f.alice })
        let before = f.derivations.value
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice", client: "203.0.113.5") }
        #expect(f.derivations.value == before + 1)
        #expect(f.log.events.last?.reason == .accountLocked)
        f.clock.advance(by: 1)
        #expect(try f.signIn("alice").context.userID == f.alice)
        // A success clears the count: one more mistake does not lock again.
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice", "wrong again!!") }
        #expect(try f.signIn("alice").context.userID == f.alice)
    }

    @Test("Each failure past the threshold doubles the account's wait")
    func backoffGrowsPerAccount() throws {
        let f = try IdentityFixture()
        for n in 0..<5 { _ = try? f.signIn("alice", "wrong \(n) password", client: "198.51.100.\(n)") }
        f.clock.advance(by: 1)  // the 1 s wait passes; a sixth failure makes it 2 s
        _ = try? f.signIn("alice", "wrong 6 password", client: "198.51.100.6")
        f.clock.advance(by: 1)
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice", client: "198.51.100.7") }
        f.clock.advance(by: 1)
        #expect(try f.signIn("alice", client: "198.51.100.7").context.userID == f.alice)
    }

    @Test("Failures decay: a few old mistakes do not lock the account")
    func decay() throws {
        let f = try IdentityFixture()
        for n in 0..<4 { _ = try? f.signIn("alice", "wrong \(n) password") }
        f.clock.advance(by: 3600)
        _ = try? f.signIn("alice", "wrong 5 password")
        #expect(try f.signIn("alice").context.userID == f.alice)
    }

    @Test("Twenty failures from one client address throttle it, whichever accounts they target, still after one derivation")
    func clientThrottle() throws {
        let f = try IdentityFixture()
        for n in 0..<20 { _ = try? f.signIn("user\(n)", "wrong password \(n)", client: "198.51.100.66") }
        #expect(f.log.events.contains { $0.kind == .lockedOut && $0.reason == .clientThrottled })
        let before = f.derivations.value
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice", client: "198.51.100.66") }
        #expect(f.derivations.value == before + 1)
        #expect(f.log.events.last?.reason == .clientThrottled)
        #expect(try f.signIn("alice", client: "198.51.100.67").context.userID == f.alice)
    }

    @Test("A password stored at a lower cost is rehashed at the current cost on sign-in")
    func rehashOnSignIn() throws {
        let weak = try IdentityFixture(iterations: 500)
        let strong = IdentityService(store: weak.store, clock: weak.clock, notifier: weak.notifier, hasher: .insecureForTesting(iterations: 800))
        _ = try strong.signIn(identifier: "alice", password: IdentityFixture.password, site: weak.site, clientAddress: "192.0.2.1")
        let credential = try #require(try weak.store.snapshot().value(Credential.id(for: weak.alice)))
        #expect(credential.passwordHash.iterations == 800)
        #expect(strong.hasher.verify(IdentityFixture.password, against: credential.passwordHash))
    }

    @Test("Failure events name the reason but never the password")
    func eventsCarryNoSecrets() throws {
        let f = try IdentityFixture()
        _ = try? f.signIn("alice", "secret-guess-123")
        let event = try #require(f.log.events.last)
        #expect(event.kind == .signInFailed)
        #expect(event.reason == .wrongPassword)
        #expect(event.userID == f.alice)
        #expect(event.clientAddress == "192.0.2.1")
        #expect(!String(describing: event).contains("secret-guess-123"))
    }

    @Test("A user authenticated elsewhere (single sign-on) gets a session only as an active member")
    func authenticatedElsewhere() throws {
        let f = try IdentityFixture()
        let before = f.derivations.value
        let session = try f.service.signInAuthenticated(f.erin, site: f.site, clientAddress: "192.0.2.1")
        #expect(try f.service.validateSession(session.token, site: f.site).userID == f.erin)
        #expect(f.derivations.value == before)
        for refused in [f.bob, f.dave, "nobody"] as [ID<User>] {
            #expect(throws: IdentityError.invalidCredentials) { try f.service.signInAuthenticated(refused, site: f.site, clientAddress: "192.0.2.1") }
        }
    }
}
