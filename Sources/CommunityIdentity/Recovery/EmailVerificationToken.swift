public import CommunityModel
public import Foundation

/// An outstanding e-mail verification: single-use, kept only as the digest of its token (which
/// is also its id), for the address the user had when it was sent.
public struct EmailVerificationToken: Entity, Hashable {
    public static let entityType: EntityType = "EmailVerificationToken"
    public static var indexedFields: [IndexedField<EmailVerificationToken>] {
        [IndexedField("userID") { .reference($0.userID.rawValue) }]
    }

    /// The hex SHA-256 digest of the token.
    public var id: ID<EmailVerificationToken>
    /// The user verifying an address.
    public var userID: ID<User>
    /// The address the link was sent to.
    public var email: String
    /// When it was sent.
    public var createdAt: Date
    /// When it stops working.
    public var expiresAt: Date

    /// Creates a verification token record.
    public init(id: ID<EmailVerificationToken>, userID: ID<User>, email: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.email = email
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
