/// A stored password hash in a self-describing form: the algorithm, its cost, the salt and the
/// derived key, so the cost can rise later while older hashes still verify.
///
/// The text form is `pbkdf2-sha256$<iterations>$<salt>$<hash>`, salt and hash in unpadded
/// base64url, as ``encoded`` writes and ``init(parsing:)`` reads.
public struct PasswordHash: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The key-derivation algorithms a hash may name.
    public enum Algorithm: String, Hashable, Sendable, Codable {
        /// PBKDF2 with HMAC-SHA-256 (RFC 8018), computed by libcrypto.
        case pbkdf2SHA256 = "pbkdf2-sha256"
    }

    /// The most iterations a stored hash may ask for, so a tampered record cannot make
    /// verification run for minutes.
    public static let maximumIterations = 100_000_000

    /// The algorithm.
    public let algorithm: Algorithm
    /// The iteration count (the cost).
    public let iterations: Int
    /// The random salt.
    public let salt: [UInt8]
    /// The derived key.
    public let hash: [UInt8]

    /// A hash from its parts.
    ///
    /// - Throws: ``IdentityError/invalidConfiguration(_:)`` when the iterations are outside
    ///   1...``maximumIterations``, the salt is shorter than 16 bytes or the hash shorter than 16.
    public init(algorithm: Algorithm = .pbkdf2SHA256, iterations: Int, salt: [UInt8], hash: [UInt8]) throws(IdentityError) {
        guard iterations >= 1, iterations <= Self.maximumIterations else {
            throw .invalidConfiguration("password hash iterations \(iterations) out of range")
        }
        guard salt.count >= 16, salt.count <= 256 else { throw .invalidConfiguration("password hash salt of \(salt.count) bytes") }
        guard hash.count >= 16, hash.count <= 256 else { throw .invalidConfiguration("password hash of \(hash.count) bytes") }
        self.algorithm = algorithm
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Parses the text form.
    ///
    /// - Throws: ``IdentityError/invalidConfiguration(_:)`` when the text is not a well-formed hash.
    public init(parsing text: String) throws(IdentityError) {
        guard text.utf8.count <= 1024 else { throw .invalidConfiguration("password hash text too long") }
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, let algorithm = Algorithm(rawValue: String(parts[0])),
              parts[1].utf8.count <= 10, let iterations = Int(parts[1]),
              let salt = ByteEncoding.bytes(base64URL: String(parts[2])),
              let hash = ByteEncoding.bytes(base64URL: String(parts[3]))
        else { throw .invalidConfiguration("malformed password hash") }
        try self.init(algorithm: algorithm, iterations: iterations, salt: salt, hash: hash)
    }

    /// The text form.
    public var encoded: String {
        "\(algorithm.rawValue)$\(iterations)$\(ByteEncoding.base64URL(salt))$\(ByteEncoding.base64URL(hash))"
    }

    /// The algorithm and cost only (never the salt or hash), safe to log.
    public var description: String { "\(algorithm.rawValue) × \(iterations)" }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoded)
    }
}
