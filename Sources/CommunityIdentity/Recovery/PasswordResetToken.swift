public import CommunityModel
public import Foundation

/// An outstanding password reset: single-use, kept only as the digest of its token (which is
/// also its id), expiring 30 minutes after it was requested by default.
public struct PasswordResetToken: Entity, Hashable {
    public static let entityType: EntityType = "PasswordResetToken"
    public static var indexedFields: [IndexedField<PasswordResetToken>] {
        [IndexedField("userID") { .reference($0.userID.rawValue) }]
    }

    /// The hex SHA-256 digest of the token.
    public var id: ID<PasswordResetToken>
    /// Whose password the token resets.
    public var userID: ID<User>
    /// When it was requested.
    public var createdAt: Date
    /// When it stops working.
    public var expiresAt: Date

    /// Creates a reset token record.
    public init(id: ID<PasswordResetToken>, userID: ID<User>, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
