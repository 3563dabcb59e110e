import CommunityIdentity
import CommunityModel
import Foundation
import Testing

@Suite("Single sign-on: federation links and just-in-time provisioning")
struct FederatedSignInTests {
    let store = MemoryStore()
    let clock = ManualClock()
    let issuer = "https://idp.acme.example"
    let acme: ID<Account> = "acc-acme"
    let owner: ID<User> = "usr-owner"
    let profile: ID<Profile> = "prof-customer"

    init() throws {
        try store.write { tx in
            try tx.put(Profile(id: profile, name: "Customer Community User"))
            try tx.put(User(id: owner, kind: .internal, name: "Channel Manager", email: "cm@northwind.example", profileID: "prof-std"))
            try tx.put(Account(id: acme, name: "Acme GmbH", owner: owner))
            try tx.put(Account(id: "acc-globex", name: "Globex Corporation", owner: owner))
        }
    }

    func signIn(jit: Bool = true, account: ProvisioningMapping.AccountSource? = nil) -> FederatedSignIn {
        let mapping = ProvisioningMapping(allowsJustInTime: jit, account: account ?? .fixed(acme), profileID: profile,
                                          nicknameAttribute: "preferred_username", localeAttribute: "locale")
        return FederatedSignIn(store: store, clock: clock, providers: [IdentityProvider(issuer: issuer, mapping: mapping)])
    }

    func assertion(subject: String = "00u1abc", _ changes: [String: String?] = [:]) -> FederatedAssertion {
        var attributes = ["email": "Kim@Acme.example", "given_name": "Min-jun", "family_name": "Kim", "company": "ACME",
                          "preferred_username": "minjun", "locale": "ko_KR"]
        for (name, value) in changes { attributes[name] = value }
        return FederatedAssertion(issuer: issuer, subject: subject, attributes: attributes)
    }

    func counts() throws -> (users: Int, contacts: Int, links: Int) {
        let snapshot = store.snapshot()
        return (try snapshot.count(User.self), try snapshot.count(Contact.self), try snapshot.count(FederationLink.self))
    }

    @Test("a new subject with JIT on creates a contact, a user and a link in one transaction")
    func provisionsJustInTime() throws {
        let before = store.snapshot().sequence
        let result = try signIn().signIn(assertion())
        #expect(result.provisioned)
        #expect(store.snapshot().sequence == before + 3)  // three changes…
        #expect(try store.changes(after: before, limit: 10).count == 3)
        let user = try #require(try store.snapshot().value(result.userID))
        #expect(user.kind == .customer && user.isHighVolume && user.roleID == nil)
        #expect(user.email == "kim@acme.example")
        #expect(user.name == "Min-jun Kim")
        #expect(user.nickname == "minjun")
        #expect(user.locale == "ko_KR")
        #expect(user.profileID == profile)
        #expect(user.accountID == acme)
        let contactID = try #require(user.contactID)
        let contact = try #require(try store.snapshot().value(contactID))
        #expect(contact.firstName == "Min-jun" && contact.lastName == "Kim")
        #expect(contact.email == "kim@acme.example")
        #expect(contact.accountID == acme)
        #expect(contact.owner == .user(owner))
        let links = try signIn().links(of: result.userID)
        #expect(links.map(\.subject) == ["00u1abc"])
        #expect(links.first?.issuer == issuer)
    }

    @Test("issue 17: a user provisioned through a site's sign-in joins that site, on the day of the sign-in")
    func provisionedUserJoinsTheSite() throws {
        clock.advance(by: 40 * 86_400)
        let result = try signIn().signIn(assertion(), site: "partners")
        let user = try #require(try store.snapshot().value(result.userID))
        #expect(user.siteID == "partners")
        #expect(user.joinedAt == clock.now())
        // Signing in again later through another site changes neither.
        clock.advance(by: 86_400)
        #expect(try signIn().signIn(assertion(), site: "help") == FederatedSignInResult(userID: result.userID, provisioned: false))
        let again = try #require(try store.snapshot().value(result.userID))
        #expect(again.siteID == "partners" && again.joinedAt == user.joinedAt)
        // No site: an engine-wide member; an oversized site id is refused and nothing is written.
        #expect(try store.snapshot().value(try signIn().signIn(assertion(subject: "00u2", ["email": "b@acme.example"])).userID)?.siteID == nil)
        let before = try counts()
        #expect(throws: SingleSignOnError.self) {
            try signIn().signIn(assertion(subject: "00u3", ["email": "c@acme.example"]), site: String(repeating: "s", count: 65))
        }
        #expect(try counts() == before)
    }

    @Test("a linked subject signs in as the same user, without provisioning again")
    func existingLink() throws {
        let first = try signIn().signIn(assertion())
        let second = try signIn().signIn(assertion(["email": "changed@acme.example"]))
        #expect(second == FederatedSignInResult(userID: first.userID, provisioned: false))
        #expect(try counts() == (users: 2, contacts: 1, links: 1))
        // The same subject at another issuer is another identity.
        let other = FederatedSignIn(store: store, clock: clock, providers: [
            IdentityProvider(issuer: "https://other.example", mapping: ProvisioningMapping(allowsJustInTime: false, account: .fixed(acme), profileID: profile)),
        ])
        #expect(throws: SingleSignOnError.justInTimeDisabled(issuer: "https://other.example")) {
            try other.signIn(FederatedAssertion(issuer: "https://other.example", subject: "00u1abc"))
        }
    }

    @Test("JIT off: an unlinked subject is refused and nothing is written")
    func justInTimeDisabled() throws {
        #expect(throws: SingleSignOnError.justInTimeDisabled(issuer: issuer)) { try signIn(jit: false).signIn(assertion()) }
        #expect(try counts() == (users: 1, contacts: 0, links: 0))
    }

    @Test("a missing required attribute is refused and nothing is written", arguments: ["email", "family_name"])
    func missingAttribute(_ name: String) throws {
        #expect(throws: SingleSignOnError.missingAttribute(name)) { try signIn().signIn(assertion([name: nil])) }
        #expect(throws: SingleSignOnError.missingAttribute(name)) { try signIn().signIn(assertion([name: "   "])) }
        #expect(try counts() == (users: 1, contacts: 0, links: 0))
    }

    @Test("an invalid attribute value is refused by the field rules and nothing is written")
    func invalidAttribute() throws {
        #expect(throws: SingleSignOnError.self) { try signIn().signIn(assertion(["email": "not-an-address"])) }
        #expect(throws: SingleSignOnError.self) {
            try signIn().signIn(assertion(["family_name": String(repeating: "x", count: 81)]))
        }
        #expect(try counts() == (users: 1, contacts: 0, links: 0))
    }

    @Test("a partner mapping provisions a partner user with the mapped role")
    func partnerUsers() throws {
        let mapping = ProvisioningMapping(allowsJustInTime: true, account: .fixed(acme), profileID: profile, userKind: .partner,
                                          roleID: "role-acme-user")
        let partners = FederatedSignIn(store: store, clock: clock, providers: [IdentityProvider(issuer: issuer, mapping: mapping)])
        let result = try partners.signIn(assertion())
        let user = try #require(try store.snapshot().value(result.userID))
        #expect(user.kind == .partner && !user.isHighVolume && user.roleID == "role-acme-user")
    }

    @Test("a required attribute value (email_verified) gates provisioning")
    func requiredValues() throws {
        let mapping = ProvisioningMapping(allowsJustInTime: true, account: .fixed(acme), profileID: profile,
                                          requiredValues: ["email_verified": "true"])
        let strict = FederatedSignIn(store: store, clock: clock, providers: [IdentityProvider(issuer: issuer, mapping: mapping)])
        #expect(throws: SingleSignOnError.attributeMismatch("email_verified")) { try strict.signIn(assertion()) }
        #expect(throws: SingleSignOnError.attributeMismatch("email_verified")) { try strict.signIn(assertion(["email_verified": "false"])) }
        #expect(try counts() == (users: 1, contacts: 0, links: 0))
        #expect(try strict.signIn(assertion(["email_verified": "true"])).provisioned)
    }

    @Test("an assertion from an issuer that is not configured is refused")
    func unknownIssuer() throws {
        let stranger = FederatedAssertion(issuer: "https://evil.example", subject: "00u1abc", attributes: assertion().attributes)
        #expect(throws: SingleSignOnError.unknownIssuer("https://evil.example")) { try signIn().signIn(stranger) }
        #expect(throws: SingleSignOnError.unknownIssuer("https://evil.example")) { try signIn().link(stranger, to: owner) }
        #expect(try counts() == (users: 1, contacts: 0, links: 0))
    }

    @Test("the account can be looked up by name or id from an attribute; no match is a typed error")
    func accountLookup() throws {
        let byName = try signIn(account: .matchingName(attribute: "company")).signIn(assertion(["company": "Globex Corp."]))
        #expect(try store.snapshot().value(byName.userID)?.accountID == "acc-globex")
        let byID = try signIn(account: .identifiedBy(attribute: "account_id"))
            .signIn(assertion(subject: "00u2", ["email": "b@acme.example", "account_id": "acc-acme"]))
        #expect(try store.snapshot().value(byID.userID)?.accountID == acme)
        #expect(throws: SingleSignOnError.unknownAccount("Initech")) {
            try signIn(account: .matchingName(attribute: "company")).signIn(assertion(subject: "00u3", ["email": "c@x.example", "company": "Initech"]))
        }
        #expect(throws: SingleSignOnError.unknownAccount("../etc")) {
            try signIn(account: .identifiedBy(attribute: "account_id")).signIn(assertion(subject: "00u4", ["email": "d@x.example", "account_id": "../etc"]))
        }
        #expect(throws: SingleSignOnError.missingAttribute("company")) {
            try signIn(account: .matchingName(attribute: "company")).signIn(assertion(subject: "00u5", ["company": nil]))
        }
        #expect(throws: SingleSignOnError.unknownAccount("acc-gone")) {
            try signIn(account: .fixed("acc-gone")).signIn(assertion(subject: "00u6"))
        }
    }

    @Test("an e-mail address held by an unlinked user is not claimed; an explicit link is")
    func existingEmail() throws {
        let existing = FederatedAssertion(issuer: issuer, subject: "00u9", attributes: ["email": "CM@northwind.example", "family_name": "M"])
        #expect(throws: SingleSignOnError.emailAlreadyRegistered("cm@northwind.example")) { try signIn().signIn(existing) }
        try signIn().link(existing, to: owner)
        #expect(try signIn().signIn(existing) == FederatedSignInResult(userID: owner, provisioned: false))
        try signIn().link(existing, to: owner)  // linking again is a no-op
        let created = try signIn().signIn(assertion())
        #expect(throws: SingleSignOnError.alreadyLinked(owner)) { try signIn().link(existing, to: created.userID) }
        #expect(throws: SingleSignOnError.userUnavailable("usr-nobody")) {
            try signIn().link(assertion(subject: "00u10"), to: "usr-nobody")
        }
    }

    @Test("a linked user who was deactivated cannot sign in")
    func inactiveUser() throws {
        let created = try signIn().signIn(assertion())
        try store.write { tx in
            var user = try #require(try tx.value(created.userID))
            user.isActive = false
            try tx.put(user)
        }
        #expect(throws: SingleSignOnError.userUnavailable(created.userID)) { try signIn().signIn(assertion()) }
    }

    @Test("empty or oversized subjects are refused")
    func subjects() {
        #expect(throws: SingleSignOnError.invalidSubject) { try signIn().signIn(assertion(subject: "")) }
        #expect(throws: SingleSignOnError.invalidSubject) { try signIn().signIn(assertion(subject: String(repeating: "s", count: 256))) }
    }

    @Test("links encode and decode unchanged (the JSON a durable store keeps)")
    func linkCodable() throws {
        let created = try signIn().signIn(assertion())
        let link = try #require(try signIn().links(of: created.userID).first)
        #expect(try JSONDecoder().decode(FederationLink.self, from: JSONEncoder().encode(link)) == link)
    }

    @Test("link ids are valid identifiers for any issuer and subject, and differ between them")
    func linkIDs() {
        let a = FederationLink.id(issuer: "https://idp/ä?", subject: "<script>")
        let b = FederationLink.id(issuer: "https://idp/ä?<", subject: "script>")
        #expect(ID<FederationLink>.isValid(a.rawValue) && a != b)
    }
}
