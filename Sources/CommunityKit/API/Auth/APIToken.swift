public import CommunityModel
public import Foundation

/// A bearer token of the JSON API, as stored: only the SHA-256 of the secret text is kept
/// (``digest``), with the user it acts as, its scopes, when it expires and whether it was revoked.
public struct APIToken: Entity, Hashable {
    /// How the token was issued.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Created by a member for themself (``Community/createPersonalAccessToken(for:name:scopes:lifetime:)``).
        case personal
        /// Issued to an ``APIClient`` at `POST <prefix>/api/v1/oauth/token` (client credentials).
        case clientCredentials
    }

    public static let entityType: EntityType = "APIToken"
    public static var indexedFields: [IndexedField<APIToken>] {
        [
            IndexedField("digest") { .text($0.digest) },
            IndexedField("userID") { .reference($0.userID.rawValue) },
        ]
    }

    /// The token's id (not secret; shown in lists and used to revoke).
    public var id: ID<APIToken>
    /// How it was issued.
    public var kind: Kind
    /// A name its owner chose (`CI export`), or the client's name.
    public var name: String
    /// The user it acts as.
    public var userID: ID<User>
    /// The client it was issued to, for client-credentials tokens.
    public var clientID: ID<APIClient>?
    /// Hex SHA-256 of the secret text.
    public var digest: String
    /// Granted scopes, as `area:access` names.
    public var scopeNames: [String]
    /// When it was created.
    public var createdAt: Date
    /// When it stops working.
    public var expiresAt: Date
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// A token record.
    public init(
        id: ID<APIToken>, kind: Kind, name: String, userID: ID<User>, clientID: ID<APIClient>? = nil, digest: String,
        scopes: Set<APIScope>, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.userID = userID
        self.clientID = clientID
        self.digest = digest
        self.scopeNames = scopes.map(\.name).sorted()
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// The granted scopes (names that no longer parse are dropped).
    public var scopes: Set<APIScope> { Set(scopeNames.compactMap(APIScope.init(parsing:))) }

    /// Whether it works at `date`: not revoked and not expired.
    public func isActive(at date: Date) -> Bool { revokedAt == nil && date < expiresAt }

    public func validate() throws {
        try Check.text(name, field: "APIToken.name", max: 100)
    }
}
