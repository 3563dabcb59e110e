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
    /// Whether the user must enroll a second factor (none was active when the password was
    /// given) rather than enter a code. Records stored before this field existed read as `false`.
    public var needsEnrollment: Bool

    /// Creates a pending sign-in record.
    public init(
        id: ID<PendingSecondFactor>, userID: ID<User>, siteID: String, idleTimeout: TimeInterval,
        absoluteTimeout: TimeInterval, failedCodes: Int = 0, expiresAt: Date, needsEnrollment: Bool = false
    ) {
        self.id = id
        self.userID = userID
        self.siteID = siteID
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.failedCodes = failedCodes
        self.expiresAt = expiresAt
        self.needsEnrollment = needsEnrollment
    }

    private enum CodingKeys: String, CodingKey {
        case id, userID, siteID, idleTimeout, absoluteTimeout, failedCodes, expiresAt, needsEnrollment
    }

    /// Decodes a record, reading a missing `needsEnrollment` as `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID<PendingSecondFactor>.self, forKey: .id)
        userID = try container.decode(ID<User>.self, forKey: .userID)
        siteID = try container.decode(String.self, forKey: .siteID)
        idleTimeout = try container.decode(TimeInterval.self, forKey: .idleTimeout)
        absoluteTimeout = try container.decode(TimeInterval.self, forKey: .absoluteTimeout)
        failedCodes = try container.decode(Int.self, forKey: .failedCodes)
        expiresAt = try container.decode(Date.self, forKey: .expiresAt)
        needsEnrollment = try container.decodeIfPresent(Bool.self, forKey: .needsEnrollment) ?? false
    }
}
