/// A TOTP secret as the store keeps it: sealed with AES-256-GCM under the host's key, or
/// plain when the host supplies none.
///
/// A sealed secret binds the user's id as associated data, so a sealed value copied onto
/// another user's enrollment does not open.
public struct SealedSecret: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the secret is kept.
    public enum Scheme: String, Sendable, Hashable, Codable {
        /// The secret itself (base64url); a database dump is enough to generate codes.
        case plain
        /// AES-256-GCM: a random 12-byte nonce, the ciphertext and a 16-byte tag.
        case aes256GCM = "A256GCM"
    }

    /// How the secret is kept.
    public var scheme: Scheme
    /// The GCM nonce (base64url); empty for plain secrets.
    public var nonce: String
    /// The ciphertext, or the secret itself for plain secrets (base64url).
    public var content: String
    /// The GCM authentication tag (base64url); empty for plain secrets.
    public var tag: String

    /// The scheme only, never the content (safe to log).
    public var description: String { "SealedSecret(\(scheme.rawValue))" }

    /// Creates a sealed secret from its stored parts.
    public init(scheme: Scheme, nonce: String, content: String, tag: String) {
        self.scheme = scheme
        self.nonce = nonce
        self.content = content
        self.tag = tag
    }
}
