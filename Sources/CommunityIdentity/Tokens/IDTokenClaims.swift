public import Foundation

/// The claims of a verified OpenID Connect ID token.
public struct IDTokenClaims: Sendable, Hashable {
    /// `iss`: the provider that issued the token.
    public let issuer: String
    /// `sub`: the user's stable identifier at that provider.
    public let subject: String
    /// `aud`: the clients the token is meant for.
    public let audiences: [String]
    /// `exp`.
    public let expiresAt: Date
    /// `iat`.
    public let issuedAt: Date
    /// `nonce`, when present.
    public let nonce: String?
    /// Every claim of the payload, including the ones above.
    public let all: [String: ClaimValue]

    /// Creates claims (the verifier builds them; tests may too).
    public init(
        issuer: String, subject: String, audiences: [String], expiresAt: Date, issuedAt: Date, nonce: String?,
        all: [String: ClaimValue]
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.nonce = nonce
        self.all = all
    }

    /// A string claim such as `email`, `given_name` or `family_name`; `nil` when absent or not a string.
    public func string(_ name: String) -> String? { all[name]?.stringValue }
}
