/// The JWS algorithms an ID token may be signed with. Symmetric (`HS256`) and unsigned
/// (`none`) tokens are never accepted: they are not representable here.
public enum SignatureAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// RSASSA-PKCS1-v1_5 with SHA-256, over an RSA key of at least 2048 bits.
    case rs256 = "RS256"
    /// ECDSA over P-256 with SHA-256; the signature is the raw 64-byte `r || s`.
    case es256 = "ES256"
}
