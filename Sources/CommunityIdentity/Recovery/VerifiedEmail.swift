public import CommunityModel
public import Foundation

/// The e-mail address a user proved they receive mail at; its id is the user's id.
///
/// It counts only while the user's address still equals ``email`` (ignoring case): changing
/// the address needs a new verification.
public struct VerifiedEmail: Entity, Hashable {
    public static let entityType: EntityType = "VerifiedEmail"

    public var id: ID<VerifiedEmail>
    /// The user.
    public var userID: ID<User>
    /// The verified address.
    public var email: String
    /// When it was verified.
    public var verifiedAt: Date

    /// The record id for a user.
    public static func id(for user: ID<User>) -> ID<VerifiedEmail> { user.retyped() }

    /// Creates a verified-address record.
    public init(userID: ID<User>, email: String, verifiedAt: Date) {
        self.id = Self.id(for: userID)
        self.userID = userID
        self.email = email
        self.verifiedAt = verifiedAt
    }
}
