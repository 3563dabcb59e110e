public import CommunityModel
import Foundation

/// Sign-in, sessions, passwords, resets and e-mail verification over a ``Store``.
///
/// The facade a host (CommunityKit, CommunityRendering) wires into its sites. Everything it
/// keeps is an ``Entity`` in the store: ``Credential``, ``Session``, ``PasswordResetToken``,
/// ``EmailVerificationToken``, ``VerifiedEmail`` and ``PendingSecondFactor``; register
/// ``IdentityEntities/all`` with a store that decodes change-feed entities by type name.
///
/// Failed sign-ins are uniform: an unknown user, a wrong password, a locked account, a throttled
/// client and a non-member all throw ``IdentityError/invalidCredentials`` after one key
/// derivation at the hasher's cost. Lockout state: account counters live in the store (on the
/// ``Credential``); client-address counters in this instance's memory (``ClientThrottle``).
/// The paths differ only in small work next to the derivation: a wrong password for a real
/// account also writes its failure count to the store.
///
/// Thread-safe; every method is synchronous and may block for a key derivation (~0.2-0.5 s at
/// the standard cost), so call it off latency-sensitive executors.
public final class IdentityService: Sendable {
    /// Where identity entities are kept.
    public let store: any Store
    /// Where time comes from.
    public let clock: any WallClock
    /// Delivers reset and verification links.
    public let notifier: any IdentityNotifier
    /// Hashes and verifies passwords.
    public let hasher: PasswordHasher
    /// Backoff after failures.
    public let lockout: LockoutPolicy
    /// Second-factor checks (``NoSecondFactor`` unless the host supplies one).
    public let secondFactor: any SecondFactorVerifier
    /// Token lifetimes and link paths.
    public let configuration: IdentityConfiguration
    /// Client-address failure counters (this process only).
    public let clientThrottle: ClientThrottle
    let onSecurityEvent: (@Sendable (SecurityEvent) -> Void)?

    /// The longest sign-in identifier read (an e-mail address's limit).
    public static let maximumIdentifierBytes = 320

    /// Creates a service.
    ///
    /// - Parameter onSecurityEvent: called for failures, lockouts and other ``SecurityEvent``s
    ///   (bridge it to the host's logger); it runs on the calling thread and must not call back
    ///   into the service.
    public init(
        store: any Store, clock: any WallClock = SystemClock(), notifier: any IdentityNotifier,
        hasher: PasswordHasher = .standard, lockout: LockoutPolicy = .standard,
        secondFactor: any SecondFactorVerifier = NoSecondFactor(), configuration: IdentityConfiguration = .standard,
        onSecurityEvent: (@Sendable (SecurityEvent) -> Void)? = nil
    ) {
        self.store = store
        self.clock = clock
        self.notifier = notifier
        self.hasher = hasher
        self.lockout = lockout
        self.secondFactor = secondFactor
        self.configuration = configuration
        self.clientThrottle = ClientThrottle(policy: lockout)
        self.onSecurityEvent = onSecurityEvent
    }

    func emit(
        _ kind: SecurityEvent.Kind, _ reason: SecurityEvent.Reason? = nil, user: ID<User>? = nil, site: String? = nil,
        client: String? = nil, at date: Date
    ) {
        onSecurityEvent?(SecurityEvent(kind: kind, reason: reason, userID: user, siteID: site, clientAddress: client, date: date))
    }

    /// The active, non-guest user an identifier names: an e-mail address (with `@`, ignoring
    /// case; an address shared by several users names none) or a user id.
    func resolveUser(_ identifier: String, in reader: any StoreReader) throws -> User? {
        let trimmed = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= Self.maximumIdentifierBytes else { return nil }
        let user: User?
        if trimmed.contains("@") {
            let matches = try reader.query(Query<User>().where("email", equals: .text(trimmed.lowercased())))
            user = matches.count == 1 ? matches.first?.value : nil
        } else if let id = try? ID<User>(parsing: trimmed) {
            user = try reader.value(id)
        } else {
            user = nil
        }
        guard let user, user.isActive, user.kind != .guest else { return nil }
        return user
    }

    /// The user's permission sets, assigned directly or through groups.
    func effectivePermissionSets(of user: User, in reader: any StoreReader) throws -> Set<ID<PermissionSet>> {
        var sets = Set(user.permissionSetIDs)
        for groupID in user.permissionSetGroupIDs {
            if let group = try reader.value(groupID) { sets.formUnion(group.permissionSetIDs) }
        }
        return sets
    }

    func isMember(_ user: User, of site: SignInSite, in reader: any StoreReader) throws -> Bool {
        try site.admits(user, permissionSetIDs: effectivePermissionSets(of: user, in: reader))
    }
}
