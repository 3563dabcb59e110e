import IDTokenSigning
import Testing

/// The provider keys the single sign-on tests sign with, shared because RSA generation is slow
/// in debug builds.
enum TestProviderKeys {
    /// The configured provider's key.
    static let provider = RS256SigningKey(keyID: "idp-1")
    /// Another key with the same `kid`.
    static let stranger = RS256SigningKey(keyID: "idp-1")
    /// The key the provider rotates to.
    static let rotated = RS256SigningKey(keyID: "idp-2")
}

extension RS256SigningKey {
    /// `claims` signed, or a test failure.
    func token(_ claims: [String: Any]) throws -> String { try #require(signedToken(claims)) }
}
