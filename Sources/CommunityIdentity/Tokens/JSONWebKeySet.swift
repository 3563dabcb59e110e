public import Foundation

/// A JSON Web Key Set as an OpenID provider publishes it (`jwks_uri`), parsed into the
/// signing keys this library can verify with. The host fetches and caches the document;
/// this type never goes to the network.
public struct JSONWebKeySet: Sendable, Hashable {
    /// The usable keys, in document order.
    public let keys: [JSONWebKey]

    /// The largest document accepted, in bytes.
    public static let maximumSize = 65_536

    /// A set of keys.
    public init(keys: [JSONWebKey]) { self.keys = keys }

    /// Parses a JWKS document: `{"keys":[{"kty":"RSA","kid","n","e","alg"},{"kty":"EC","crv":"P-256","x","y","kid"}]}`.
    ///
    /// Keys of other types (`oct`, `OKP`), other curves, and keys whose `use` is not `sig`
    /// are skipped; an RSA or P-256 key with malformed parameters is an error.
    ///
    /// - Throws: ``TokenError/malformedKeySet(_:)`` for a document that is not such JSON, or
    ///   ``TokenError/invalidKey(kid:reason:)`` for a malformed key.
    public init(json: Data) throws(TokenError) {
        guard json.count <= Self.maximumSize else { throw .malformedKeySet("larger than \(Self.maximumSize) bytes") }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: json)
        } catch {
            throw .malformedKeySet("not a JSON object with a keys array")
        }
        var keys: [JSONWebKey] = []
        for entry in document.keys {
            if let use = entry.use, use != "sig" { continue }
            switch entry.kty {
            case "RSA":
                guard let n = entry.n.flatMap(Self.decode), let e = entry.e.flatMap(Self.decode) else {
                    throw .invalidKey(kid: entry.kid, reason: "n and e must be base64url")
                }
                keys.append(try JSONWebKey(keyID: entry.kid, algorithm: entry.alg, material: .rsa(modulus: n, exponent: e)))
            case "EC" where entry.crv == "P-256":
                guard let x = entry.x.flatMap(Self.decode), let y = entry.y.flatMap(Self.decode) else {
                    throw .invalidKey(kid: entry.kid, reason: "x and y must be base64url")
                }
                keys.append(try JSONWebKey(keyID: entry.kid, algorithm: entry.alg, material: .p256(x: x, y: y)))
            default:
                continue
            }
        }
        self.keys = keys
    }

    /// The key a token's header selects: the one with its `kid`; without a `kid`, the only
    /// key that fits the algorithm.
    ///
    /// - Throws: ``TokenError/unknownKey(kid:)`` when no key (or more than one) matches, and
    ///   ``TokenError/keyAlgorithmMismatch(kid:algorithm:)`` when the key named does not fit.
    public func key(for keyID: String?, algorithm: SignatureAlgorithm) throws(TokenError) -> JSONWebKey {
        guard let keyID else {
            let fitting = keys.filter { $0.fits(algorithm) }
            guard fitting.count == 1, let only = fitting.first else { throw .unknownKey(kid: nil) }
            return only
        }
        let named = keys.filter { $0.keyID == keyID }
        guard !named.isEmpty else { throw .unknownKey(kid: keyID) }
        guard let key = named.first(where: { $0.fits(algorithm) }) else {
            throw .keyAlgorithmMismatch(kid: keyID, algorithm: algorithm.rawValue)
        }
        return key
    }

    private static func decode(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, !text.contains("=") else { return nil }
        return ByteEncoding.bytes(base64URL: text)
    }

    /// The document's shape; members other than these are ignored.
    private struct Document: Decodable {
        var keys: [Entry]
    }

    private struct Entry: Decodable {
        var kty: String
        var kid: String?
        var alg: String?
        var use: String?
        var n: String?
        var e: String?
        var crv: String?
        var x: String?
        var y: String?
    }
}
