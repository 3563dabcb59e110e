public import CommunityModel
public import Foundation

/// A sign-in whose password was right and which waits for a second factor: short-lived,
/// kept only as the digest of its token (which is also its id).
public struct PendingSecondFactor: Entity, Hashable {
    public static let entityType: EntityType = "PendingSecondFactor"

    /// The hex SHA-256 digest of the pending token.
    public var id: ID<PendingSecondFactor>
    /// The user signing in.
    public var userID: ID<User>
    /// The site being signed in to.
    public var siteID: String
    /// The site's session lifetimes, applied when the session is issued.
    public var idleTimeout: TimeInterval
    /// The site's absolute session lifetime.
    public var absoluteTimeout: TimeInterval
    /// Wrong codes given so far.
    public var failedCodes: Int
    /// When the pending sign-in stops working.
    public var expiresAt: Date

    /// Creates a pending sign-in record.
    public init(
        id: ID<PendingSecondFactor>, userID: ID<User>, siteID: String, idleTimeout: TimeInterval,
        absoluteTimeout: TimeInterval, failedCodes: Int = 0, expiresAt: Date
    ) {
        self.id = id
        self.userID = userID
        self.siteID = siteID
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.failedCodes = failedCodes
        self.expiresAt = expiresAt
    }
}
