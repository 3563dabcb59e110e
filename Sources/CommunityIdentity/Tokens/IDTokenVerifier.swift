public import Foundation

/// Verifies OpenID Connect ID tokens (compact JWS) against a key set the host supplies:
/// size, structure, strict base64url and JSON, an allow-listed `alg` (RS256, ES256; never
/// `none` or HS256), the key by `kid` and its type, the signature, then `iss`, `aud` (and
/// `azp`), `exp`, `iat` within a bounded clock skew, and `nonce`.
///
/// Every failure is a distinct ``TokenError``; nothing from the token is trusted before the
/// signature verifies, except what selects the key.
public struct IDTokenVerifier: Sendable {
    /// What a token must satisfy.
    public struct Configuration: Sendable, Hashable {
        /// The provider's issuer identifier, compared exactly with `iss`.
        public var issuer: String
        /// This client's id, which `aud` must contain.
        public var clientID: String
        /// The algorithms accepted; a subset of ``SignatureAlgorithm``.
        public var allowedAlgorithms: Set<SignatureAlgorithm>
        /// How far the provider's clock may differ from ours, in seconds (0 to 600).
        public var clockSkew: TimeInterval
        /// How old `iat` may be, in seconds.
        public var maximumAge: TimeInterval
        /// The longest token accepted, in bytes.
        public var maximumLength: Int

        /// Creates a configuration with the usual bounds: 60 seconds of skew, tokens issued
        /// within the last 24 hours, at most 16 KiB.
        public init(
            issuer: String, clientID: String, allowedAlgorithms: Set<SignatureAlgorithm> = [.rs256, .es256],
            clockSkew: TimeInterval = 60, maximumAge: TimeInterval = 86_400, maximumLength: Int = 16_384
        ) {
            self.issuer = issuer
            self.clientID = clientID
            self.allowedAlgorithms = allowedAlgorithms
            self.clockSkew = min(max(clockSkew, 0), 600)
            self.maximumAge = max(maximumAge, 0)
            self.maximumLength = max(maximumLength, 0)
        }
    }

    /// What tokens must satisfy.
    public let configuration: Configuration

    /// Creates a verifier.
    public init(configuration: Configuration) { self.configuration = configuration }

    /// Verifies `token` and returns its claims.
    ///
    /// - Parameters:
    ///   - keys: the provider's current key set.
    ///   - nonce: the nonce the sign-in request sent; the token's must equal it. `nil` when
    ///     the request sent none (then any nonce in the token is ignored).
    ///   - date: now.
    /// - Throws: the ``TokenError`` naming the first check that failed.
    public func verify(_ token: String, keys: JSONWebKeySet, nonce: String?, at date: Date) throws(TokenError) -> IDTokenClaims {
        let bytes = Array(token.utf8)
        guard bytes.count <= configuration.maximumLength else {
            throw .tooLarge(length: bytes.count, limit: configuration.maximumLength)
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedStructure }
        let headerBytes = try Self.decode(parts[0], segment: "header")
        let payloadBytes = try Self.decode(parts[1], segment: "payload")
        let signature = try Self.decode(parts[2], segment: "signature")

        let header = try Self.object(headerBytes, segment: "header")
        guard let algName = header["alg"]?.stringValue else { throw .malformedJSON(segment: "header") }
        guard let algorithm = SignatureAlgorithm(rawValue: algName), configuration.allowedAlgorithms.contains(algorithm) else {
            throw .algorithmNotAllowed(algName)
        }
        if header["crit"] != nil { throw .unsupportedCriticalHeader }
        let keyID: String?
        switch header["kid"] {
        case nil: keyID = nil
        case .string(let value)?: keyID = value
        default: throw .malformedJSON(segment: "header")
        }
        let key = try keys.key(for: keyID, algorithm: algorithm)
        let signingInput = Array(parts[0]) + [UInt8(ascii: ".")] + Array(parts[1])
        guard try SignatureVerifier.verify(signature, of: signingInput, with: key, algorithm: algorithm) else {
            throw .invalidSignature
        }

        let claims = try Self.object(payloadBytes, segment: "payload")
        guard let issuer = claims["iss"]?.stringValue else { throw .missingClaim("iss") }
        guard issuer == configuration.issuer else { throw .wrongIssuer(expected: configuration.issuer, actual: issuer) }
        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty else { throw .missingClaim("sub") }
        let audiences: [String]
        switch claims["aud"] {
        case .string(let single)?: audiences = [single]
        case .array(let many)?:
            audiences = many.compactMap(\.stringValue)
            guard audiences.count == many.count else { throw .missingClaim("aud") }
        default: throw .missingClaim("aud")
        }
        guard audiences.contains(configuration.clientID) else {
            throw .wrongAudience(expected: configuration.clientID, actual: audiences)
        }
        if let party = claims["azp"] {
            guard party.stringValue == configuration.clientID else {
                throw .wrongAudience(expected: configuration.clientID, actual: audiences)
            }
        }
        guard let expiresAt = Self.time(claims["exp"]) else { throw .missingClaim("exp") }
        guard date.timeIntervalSince(expiresAt) < configuration.clockSkew else { throw .expired(at: expiresAt) }
        guard let issuedAt = Self.time(claims["iat"]) else { throw .missingClaim("iat") }
        guard issuedAt.timeIntervalSince(date) <= configuration.clockSkew,
              date.timeIntervalSince(issuedAt) <= configuration.maximumAge + configuration.clockSkew
        else { throw .issuedAtOutOfRange(at: issuedAt) }
        let tokenNonce: String?
        switch claims["nonce"] {
        case nil: tokenNonce = nil
        case .string(let value)?: tokenNonce = value
        default: throw .missingClaim("nonce")
        }
        if let nonce {
            guard let tokenNonce, ConstantTime.equals(Array(tokenNonce.utf8), Array(nonce.utf8)) else { throw .wrongNonce }
        }
        return IDTokenClaims(
            issuer: issuer, subject: subject, audiences: audiences, expiresAt: expiresAt, issuedAt: issuedAt,
            nonce: tokenNonce, all: claims)
    }

    /// Unpadded base64url only.
    private static func decode(_ segment: ArraySlice<UInt8>, segment name: String) throws(TokenError) -> [UInt8] {
        guard !segment.isEmpty, !segment.contains(UInt8(ascii: "=")),
              let bytes = ByteEncoding.bytes(base64URL: String(decoding: segment, as: UTF8.self))
        else { throw .malformedEncoding(segment: name) }
        return bytes
    }

    /// A JSON object, strictly decoded.
    private static func object(_ bytes: [UInt8], segment: String) throws(TokenError) -> [String: ClaimValue] {
        do {
            return try JSONDecoder().decode([String: ClaimValue].self, from: Data(bytes))
        } catch {
            throw .malformedJSON(segment: segment)
        }
    }

    /// A NumericDate claim (seconds since 1970), finite and within a sane range.
    private static func time(_ value: ClaimValue?) -> Date? {
        guard let seconds = value?.numberValue, seconds.isFinite, seconds >= 0, seconds < 1e11 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
