public import CommunityModel
public import Foundation

/// An integration registered for the OAuth 2.0 client-credentials grant: it exchanges its id and
/// secret at `POST <prefix>/api/v1/oauth/token` for a short-lived bearer token that acts as its
/// integration user, limited to the client's scopes. Only the secret's SHA-256 is stored.
public struct APIClient: Entity, Hashable {
    public static let entityType: EntityType = "APIClient"

    /// The client id (`client_id`).
    public var id: ID<APIClient>
    /// A name (`ERP lead sync`).
    public var name: String
    /// The integration user its tokens act as (the site's guest user makes a guest token).
    public var userID: ID<User>
    /// Hex SHA-256 of the client secret.
    public var secretDigest: String
    /// Scopes its tokens may get, as `area:access` names.
    public var scopeNames: [String]
    /// How long its tokens last, in seconds.
    public var tokenLifetime: TimeInterval
    /// When it was registered.
    public var createdAt: Date
    /// When it was revoked, if it was (its tokens stop working too).
    public var revokedAt: Date?

    /// A client record.
    public init(
        id: ID<APIClient>, name: String, userID: ID<User>, secretDigest: String, scopes: Set<APIScope>,
        tokenLifetime: TimeInterval, createdAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.userID = userID
        self.secretDigest = secretDigest
        self.scopeNames = scopes.map(\.name).sorted()
        self.tokenLifetime = tokenLifetime
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// The scopes its tokens may get.
    public var scopes: Set<APIScope> { Set(scopeNames.compactMap(APIScope.init(parsing:))) }

    public func validate() throws {
        try Check.text(name, field: "APIClient.name", max: 100)
    }
}
