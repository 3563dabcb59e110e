public import CommunityModel
public import Foundation

/// A signed-in session, kept server-side. Holds only the SHA-256 digest of its token.
///
/// Found by ``tokenDigest`` (an indexed field) on every request; ``userID`` is indexed too, for
/// signing a user out everywhere. The id stays the same when the token is rotated, so it can
/// bind CSRF tokens and audit entries to the session.
public struct Session: Entity, Hashable {
    public static let entityType: EntityType = "Session"
    public static var indexedFields: [IndexedField<Session>] {
        [
            IndexedField("tokenDigest") { .text($0.tokenDigest) },
            IndexedField("userID") { .reference($0.userID.rawValue) },
        ]
    }

    public var id: ID<Session>
    /// Hex SHA-256 of the current token.
    public var tokenDigest: String
    /// The signed-in user.
    public var userID: ID<User>
    /// The site the session belongs to.
    public var siteID: String
    /// When the session began (sign-in).
    public var createdAt: Date
    /// When the session was last used (updated at most once per ``SessionPolicy/touchInterval``).
    public var lastSeenAt: Date
    /// When the token was last issued or rotated.
    public var rotatedAt: Date
    /// Inactivity after which the session ends.
    public var idleTimeout: TimeInterval
    /// When the session ends regardless of activity.
    public var expiresAt: Date
    /// A fingerprint of the user's privileges (profile, role, permission sets, …) when the token
    /// was last issued; when it no longer matches, the host rotates the token. `nil` until recorded.
    public var privileges: String?

    /// Creates a session.
    public init(
        id: ID<Session>, tokenDigest: String, userID: ID<User>, siteID: String, createdAt: Date,
        lastSeenAt: Date, rotatedAt: Date, idleTimeout: TimeInterval, expiresAt: Date
    ) {
        self.id = id
        self.tokenDigest = tokenDigest
        self.userID = userID
        self.siteID = siteID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.rotatedAt = rotatedAt
        self.idleTimeout = idleTimeout
        self.expiresAt = expiresAt
    }

    /// Whether the session has ended at `date` (idle too long, or past its absolute expiry).
    public func hasExpired(at date: Date) -> Bool {
        date >= expiresAt || date >= lastSeenAt.addingTimeInterval(idleTimeout)
    }
}
