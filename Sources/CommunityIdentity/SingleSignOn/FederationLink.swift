public import CommunityModel
public import Foundation

/// Links an identity at a provider (issuer and subject) to a user, so each later sign-in
/// from that provider finds the same user.
///
/// Its id is derived from the issuer and subject (``id(issuer:subject:)``), so one
/// provider identity links to at most one user.
public struct FederationLink: Entity, Hashable {
    public static let entityType: EntityType = "FederationLink"
    public static var indexedFields: [IndexedField<FederationLink>] {
        [
            IndexedField("userID") { .reference($0.userID.rawValue) },
            IndexedField("issuer") { .text($0.issuer) },
        ]
    }

    public var id: ID<FederationLink>
    /// The provider's issuer identifier.
    public var issuer: String
    /// The user's identifier at the provider.
    public var subject: String
    /// The linked user.
    public var userID: ID<User>
    /// When the link was made.
    public var createdAt: Date

    /// Creates a link.
    public init(issuer: String, subject: String, userID: ID<User>, createdAt: Date) {
        self.id = Self.id(issuer: issuer, subject: subject)
        self.issuer = issuer
        self.subject = subject
        self.userID = userID
        self.createdAt = createdAt
    }

    /// The link id of a provider identity: `fed-` and the base64url SHA-256 of the issuer, a
    /// NUL byte and the subject (any issuer and subject fit the identifier alphabet this way).
    public static func id(issuer: String, subject: String) -> ID<FederationLink> {
        let digest = Digest.sha256(Array(issuer.utf8) + [0] + Array(subject.utf8))
        // "fed-" and 43 characters of [A-Za-z0-9_-] always parse; the literal is never reached.
        return (try? ID<FederationLink>(parsing: "fed-" + ByteEncoding.base64URL(digest))) ?? "fed-unparsable"
    }
}
