public import CommunityModel
import Foundation

/// The single sign-on seam: turns a verified ``FederatedAssertion`` into a user, through the
/// ``FederationLink`` of its issuer and subject, or by provisioning a contact and a user
/// just in time under the provider's ``ProvisioningMapping``.
///
/// Provisioning writes the contact, the user and the link in one transaction: a failure
/// leaves nothing behind, and two racing first sign-ins of one identity create one user.
public struct FederatedSignIn: Sendable {
    private let store: any Store
    private let clock: any WallClock
    private let providers: [String: IdentityProvider]

    /// Creates the seam for the given trusted providers (a later entry with the same issuer replaces an earlier one).
    public init(store: any Store, clock: any WallClock, providers: [IdentityProvider]) {
        self.store = store
        self.clock = clock
        var byIssuer: [String: IdentityProvider] = [:]
        for provider in providers { byIssuer[provider.issuer] = provider }
        self.providers = byIssuer
    }

    /// The user the assertion signs in as: the linked one, or one provisioned now. A provisioned
    /// user joins through `site` (the site whose sign-in page the assertion came back to; `nil`:
    /// none), which becomes their ``User/siteID``, so adoption KPIs count them there, on the day of
    /// their first sign-in (``User/joinedAt``).
    ///
    /// - Throws: a ``SingleSignOnError`` (unknown issuer, provisioning not allowed, a missing
    ///   or invalid attribute, no account, an e-mail address held by an unlinked user, an
    ///   inactive linked user), or a store error.
    public func signIn(_ assertion: FederatedAssertion, site: String? = nil) throws -> FederatedSignInResult {
        guard let provider = providers[assertion.issuer] else { throw SingleSignOnError.unknownIssuer(assertion.issuer) }
        try Self.checkSubject(assertion.subject)
        let linkID = FederationLink.id(issuer: assertion.issuer, subject: assertion.subject)
        if let result = try Self.linkedUser(linkID, in: store.snapshot()) { return result }
        let mapping = provider.mapping
        guard mapping.allowsJustInTime else { throw SingleSignOnError.justInTimeDisabled(issuer: assertion.issuer) }
        let now = clock.now()
        return try store.write { tx -> FederatedSignInResult in
            // Another sign-in may have linked this identity since the snapshot.
            if let result = try Self.linkedUser(linkID, in: tx) { return result }
            let userID = try Self.provision(assertion, mapping: mapping, site: site, at: now, in: tx)
            try tx.put(
                FederationLink(issuer: assertion.issuer, subject: assertion.subject, userID: userID, createdAt: now),
                expecting: .absent)
            return FederatedSignInResult(userID: userID, provisioned: true)
        }
    }

    /// Links a provider identity to an existing user (an administrator's decision, for
    /// users who existed before single sign-on).
    ///
    /// - Throws: ``SingleSignOnError/unknownIssuer(_:)``, ``SingleSignOnError/userUnavailable(_:)``,
    ///   ``SingleSignOnError/alreadyLinked(_:)`` when the identity is linked to another user, or a store error.
    public func link(_ assertion: FederatedAssertion, to user: ID<User>) throws {
        guard providers[assertion.issuer] != nil else { throw SingleSignOnError.unknownIssuer(assertion.issuer) }
        try Self.checkSubject(assertion.subject)
        let now = clock.now()
        try store.write { tx in
            guard try tx.value(user) != nil else { throw SingleSignOnError.userUnavailable(user) }
            let id = FederationLink.id(issuer: assertion.issuer, subject: assertion.subject)
            if let existing = try tx.value(id) {
                guard existing.userID == user else { throw SingleSignOnError.alreadyLinked(existing.userID) }
                return
            }
            try tx.put(FederationLink(issuer: assertion.issuer, subject: assertion.subject, userID: user, createdAt: now),
                       expecting: .absent)
        }
    }

    /// The links of a user, for an account page.
    public func links(of user: ID<User>) throws -> [FederationLink] {
        try store.snapshot().query(Query<FederationLink>().where("userID", equals: .reference(user.rawValue))).map(\.value)
    }

    private static func checkSubject(_ subject: String) throws(SingleSignOnError) {
        guard !subject.isEmpty, subject.utf8.count <= 255 else { throw .invalidSubject }
    }

    /// The linked user, if a link exists; throws when that user is gone or inactive.
    private static func linkedUser(_ linkID: ID<FederationLink>, in reader: some StoreReader) throws -> FederatedSignInResult? {
        guard let link = try reader.value(linkID) else { return nil }
        guard let user = try reader.value(link.userID), user.isActive else {
            throw SingleSignOnError.userUnavailable(link.userID)
        }
        return FederatedSignInResult(userID: user.id, provisioned: false)
    }

    /// Creates the contact and the user the mapping describes, inside `tx`: a member of `site`
    /// who joined at `now`.
    private static func provision(_ assertion: FederatedAssertion, mapping: ProvisioningMapping, site: String?, at now: Date,
                                  in tx: any StoreTransaction) throws
        -> ID<User>
    {
        func attribute(_ name: String) -> String? {
            guard let value = assertion.attributes[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return nil
            }
            return value
        }
        for (name, required) in mapping.requiredValues.sorted(by: { $0.key < $1.key }) where attribute(name) != required {
            throw SingleSignOnError.attributeMismatch(name)
        }
        guard let email = attribute(mapping.emailAttribute)?.lowercased() else {
            throw SingleSignOnError.missingAttribute(mapping.emailAttribute)
        }
        guard let lastName = attribute(mapping.lastNameAttribute) else {
            throw SingleSignOnError.missingAttribute(mapping.lastNameAttribute)
        }
        let firstName = mapping.firstNameAttribute.flatMap(attribute) ?? ""
        let account = try resolveAccount(mapping.account, attribute: attribute, in: tx)
        guard let owner = account.owner.user else { throw SingleSignOnError.unknownAccount(account.id.rawValue) }
        let taken = try !tx.query(Query<User>().where("email", equals: .text(email))).isEmpty
        if taken { throw SingleSignOnError.emailAlreadyRegistered(email) }

        let contact = Contact(
            id: .generate(prefix: "con"), firstName: firstName, lastName: lastName, email: email, accountID: account.id,
            owner: owner)
        let name = firstName.isEmpty ? lastName : "\(firstName) \(lastName)"
        let highVolume = mapping.userKind == .customer && mapping.isHighVolume
        let user = User(
            id: .generate(prefix: "usr"), kind: mapping.userKind, name: name,
            nickname: mapping.nicknameAttribute.flatMap(attribute), email: email,
            locale: mapping.localeAttribute.flatMap(attribute) ?? "en_US", profileID: mapping.profileID,
            roleID: highVolume ? nil : mapping.roleID, contactID: contact.id, accountID: account.id, isHighVolume: highVolume,
            siteID: site, joinedAt: now)
        do {
            try contact.validate()
            try user.validate()
        } catch {
            throw SingleSignOnError.invalidAttribute(error)
        }
        guard try tx.value(mapping.profileID) != nil else {
            throw SingleSignOnError.invalidAttribute(
                ValidationError(field: "User.ProfileId", reason: .unknownReference(mapping.profileID.rawValue)))
        }
        try tx.put(contact, expecting: .absent)
        try tx.put(user, expecting: .absent)
        return user.id
    }

    private static func resolveAccount(
        _ source: ProvisioningMapping.AccountSource, attribute: (String) -> String?, in tx: any StoreTransaction
    ) throws -> Account {
        switch source {
        case .fixed(let id):
            guard let account = try tx.value(id) else { throw SingleSignOnError.unknownAccount(id.rawValue) }
            return account
        case .identifiedBy(let name):
            guard let text = attribute(name) else { throw SingleSignOnError.missingAttribute(name) }
            guard let id = try? ID<Account>(parsing: text), let account = try tx.value(id) else {
                throw SingleSignOnError.unknownAccount(text)
            }
            return account
        case .matchingName(let name):
            guard let text = attribute(name) else { throw SingleSignOnError.missingAttribute(name) }
            let matches = try tx.query(Query<Account>().where("normalizedName", equals: .text(Account.normalize(name: text))))
            guard matches.count == 1, let only = matches.first else { throw SingleSignOnError.unknownAccount(text) }
            return only.value
        }
    }
}
