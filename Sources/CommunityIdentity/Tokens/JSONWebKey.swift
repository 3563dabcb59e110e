/// A public signing key from a JSON Web Key Set (RFC 7517): RSA by modulus and exponent,
/// or EC P-256 by its point's coordinates.
public struct JSONWebKey: Sendable, Hashable {
    /// The key material.
    public enum Material: Sendable, Hashable {
        /// An RSA public key: big-endian modulus and exponent.
        case rsa(modulus: [UInt8], exponent: [UInt8])
        /// A P-256 public key: the 32-byte big-endian coordinates of its point.
        case p256(x: [UInt8], y: [UInt8])
    }

    /// The key id tokens name in their header's `kid`.
    public let keyID: String?
    /// The algorithm the key is declared for (`alg`), when the set says.
    public let algorithm: String?
    /// The key material.
    public let material: Material

    /// Creates a key, checking its parameters' sizes.
    ///
    /// - Throws: ``TokenError/invalidKey(kid:reason:)`` for an RSA modulus under 2048 bits or
    ///   over 8192, an empty or over-long exponent, or P-256 coordinates that are not 32 bytes.
    public init(keyID: String?, algorithm: String? = nil, material: Material) throws(TokenError) {
        switch material {
        case .rsa(let modulus, let exponent):
            let bits = Self.significantBits(modulus)
            guard bits >= 2048, bits <= 8192 else {
                throw .invalidKey(kid: keyID, reason: "RSA modulus of \(bits) bits; 2048 to 8192 accepted")
            }
            guard Self.significantBits(exponent) >= 2, exponent.count <= 8 else {
                throw .invalidKey(kid: keyID, reason: "RSA exponent out of range")
            }
        case .p256(let x, let y):
            guard x.count == 32, y.count == 32 else {
                throw .invalidKey(kid: keyID, reason: "P-256 coordinates must be 32 bytes each")
            }
        }
        self.keyID = keyID
        self.algorithm = algorithm
        self.material = material
    }

    /// Whether tokens signed with `algorithm` may be checked with this key: the key type
    /// fits, and the key's own `alg`, when present, names the same algorithm.
    public func fits(_ algorithm: SignatureAlgorithm) -> Bool {
        if let declared = self.algorithm, declared != algorithm.rawValue { return false }
        switch (material, algorithm) {
        case (.rsa, .rs256), (.p256, .es256): return true
        default: return false
        }
    }

    /// The number of bits from the first set bit of a big-endian integer.
    private static func significantBits(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
    }
}
