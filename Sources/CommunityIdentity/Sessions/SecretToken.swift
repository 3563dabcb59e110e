/// A 256-bit random secret handed to a client (a session, reset or verification token) and the
/// SHA-256 digest under which the server keeps it.
///
/// The text form is 43 characters of unpadded base64url. Only ``digest`` is ever stored, so a
/// leaked store does not hand out usable tokens.
public struct SecretToken: Hashable, Sendable, CustomStringConvertible {
    /// The token as the client holds it.
    public let text: String
    /// Lower-case hex of the SHA-256 of the token's 32 bytes: what the server stores (64 characters).
    public let digest: String

    /// A fresh random token.
    ///
    /// - Throws: ``IdentityError/cryptographyUnavailable`` when the random generator fails.
    public static func generate() throws(IdentityError) -> SecretToken {
        guard let bytes = SecureRandom.bytes(32) else { throw .cryptographyUnavailable }
        return SecretToken(bytes: bytes)
    }

    /// Parses a token received from a client; `nil` unless it is exactly 43 base64url
    /// characters holding 32 bytes.
    public init?(parsing text: String) {
        guard text.utf8.count == 43, let bytes = ByteEncoding.bytes(base64URL: text), bytes.count == 32 else { return nil }
        self.init(bytes: bytes)
    }

    private init(bytes: [UInt8]) {
        text = ByteEncoding.base64URL(bytes)
        digest = ByteEncoding.hex(Digest.sha256(bytes))
    }

    /// Redacted: tokens never reach logs.
    public var description: String { "SecretToken(redacted)" }
}
