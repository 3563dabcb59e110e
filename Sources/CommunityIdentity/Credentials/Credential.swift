public import CommunityModel
public import Foundation

/// A user's password credential: the salted slow hash and the account's failed sign-in counter.
///
/// There is at most one per user; its id is the user's id (``id(for:)``), so it is read without
/// a query. The failure counter lives here, in the ``Store``, so account lockout survives a
/// restart and is shared by every process using the same store.
public struct Credential: Entity, Hashable {
    public static let entityType: EntityType = "Credential"

    public var id: ID<Credential>
    /// The user the credential belongs to.
    public var userID: ID<User>
    /// The password hash, in its self-describing form.
    public var passwordHash: PasswordHash
    /// When the password was last set.
    public var passwordChangedAt: Date
    /// Failed sign-ins counted toward account lockout (before decay; see ``FailureCounter``).
    public var failures: FailureCounter

    /// The credential id for a user.
    public static func id(for user: ID<User>) -> ID<Credential> { user.retyped() }

    /// Creates a credential with no recorded failures.
    public init(userID: ID<User>, passwordHash: PasswordHash, passwordChangedAt: Date, failures: FailureCounter = FailureCounter()) {
        self.id = Self.id(for: userID)
        self.userID = userID
        self.passwordHash = passwordHash
        self.passwordChangedAt = passwordChangedAt
        self.failures = failures
    }
}
