import CommunityIdentity
import CommunityModel
import Foundation
import Testing

@Suite("Setting and changing passwords")
struct PasswordChangeTests {
    let newPassword = "another long passphrase"

    @Test("Changing needs the current password and ends the user's other sessions")
    func change() throws {
        let f = try IdentityFixture()
        let kept = try f.signIn("alice")
        let other = try f.signIn("alice")
        try f.service.changePassword(for: f.alice, current: IdentityFixture.password, new: newPassword, keeping: kept.context.sessionID)
        _ = try f.service.validateSession(kept.token, site: f.site)
        #expect(throws: IdentityError.invalidSession) { try f.service.validateSession(other.token, site: f.site) }
        #expect(try f.signIn("alice", newPassword).context.userID == f.alice)
    }

    @Test("A wrong current password is refused and counts toward lockout")
    func wrongCurrent() throws {
        let f = try IdentityFixture()
        for _ in 0..<5 {
            #expect(throws: IdentityError.currentPasswordIncorrect) {
                try f.service.changePassword(for: f.alice, current: "not my password", new: newPassword)
            }
        }
        #expect(throws: IdentityError.currentPasswordIncorrect) {
            try f.service.changePassword(for: f.alice, current: IdentityFixture.password, new: newPassword)
        }
        #expect(throws: IdentityError.invalidCredentials) { try f.signIn("alice") }
        #expect(throws: IdentityError.currentPasswordIncorrect) {
            try f.service.changePassword(for: f.alice, current: String(repeating: "x", count: 100_000), new: newPassword)
        }
    }

    @Test("The new password must meet the policy; users without a password cannot change one")
    func policyAndMissingCredential() throws {
        let f = try IdentityFixture()
        #expect(throws: IdentityError.passwordRejected(.matchesIdentity)) {
            try f.service.changePassword(for: f.alice, current: IdentityFixture.password, new: "alice@acme.example")
        }
        #expect(throws: IdentityError.noPasswordCredential) {
            try f.service.changePassword(for: f.erin, current: "anything at all", new: newPassword)
        }
        #expect(try !f.service.hasPassword(f.erin))
        try f.service.setPassword(newPassword, for: f.erin)
        #expect(try f.service.hasPassword(f.erin))
        #expect(throws: IdentityError.passwordRejected(.tooLong(maximum: 128))) {
            try f.service.setPassword(String(repeating: "long", count: 100), for: f.erin)
        }
        #expect(throws: IdentityError.invalidCredentials) { try f.service.setPassword(newPassword, for: "nobody") }
    }

    @Test("Identity entities round-trip through JSON, so any store can keep them")
    func codable() throws {
        let f = try IdentityFixture()
        _ = try f.signIn("alice")
        let credential = try #require(try f.store.snapshot().value(Credential.id(for: f.alice)))
        let data = try JSONEncoder().encode(credential)
        #expect(try JSONDecoder().decode(Credential.self, from: data) == credential)
        #expect(IdentityEntities.all.map { $0.entityType.name }.contains("Session"))
    }
}
