/// A token just created: the secret ``text`` is shown once and never stored (only its digest is).
public struct IssuedAPIToken: Sendable, Hashable, CustomStringConvertible {
    /// The bearer token to send (`Authorization: Bearer <text>`).
    public let text: String
    /// The stored record.
    public let token: APIToken

    /// Never prints the secret.
    public var description: String { "IssuedAPIToken(\(token.id), redacted)" }
}

/// An API client just registered: the ``secret`` is shown once and never stored.
public struct IssuedAPIClient: Sendable, Hashable, CustomStringConvertible {
    /// The client secret (`client_secret`).
    public let secret: String
    /// The stored client.
    public let client: APIClient

    /// Never prints the secret.
    public var description: String { "IssuedAPIClient(\(client.id), redacted)" }
}
