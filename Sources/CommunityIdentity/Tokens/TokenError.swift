public import Foundation

/// Why an ID token (or the key set it was checked against) was rejected.
public enum TokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The token is longer than the verifier accepts.
    case tooLarge(length: Int, limit: Int)
    /// The token is not three dot-separated segments.
    case malformedStructure
    /// A segment (`header`, `payload` or `signature`) is not unpadded base64url.
    case malformedEncoding(segment: String)
    /// The header or payload is not a JSON object of the expected shape.
    case malformedJSON(segment: String)
    /// The header's `alg` is not on the allow-list (`none` and `HS256` never are).
    case algorithmNotAllowed(String)
    /// The header names critical extensions (`crit`) this verifier does not implement.
    case unsupportedCriticalHeader
    /// No key in the set has the header's `kid` (or, without a `kid`, no single key fits).
    case unknownKey(kid: String?)
    /// The selected key's type or declared algorithm does not match the header's `alg`.
    case keyAlgorithmMismatch(kid: String?, algorithm: String)
    /// A key in the set is unusable: malformed parameters, or an RSA modulus under 2048 bits.
    case invalidKey(kid: String?, reason: String)
    /// The key set is not a JSON object with a `keys` array.
    case malformedKeySet(String)
    /// The signature does not verify under the selected key.
    case invalidSignature
    /// A required claim is missing or of the wrong JSON type.
    case missingClaim(String)
    /// `iss` is not the configured issuer.
    case wrongIssuer(expected: String, actual: String)
    /// `aud` does not contain the configured client, or `azp` names another client.
    case wrongAudience(expected: String, actual: [String])
    /// `exp` has passed (beyond the allowed clock skew).
    case expired(at: Date)
    /// `iat` lies in the future (beyond the allowed clock skew), or too far in the past.
    case issuedAtOutOfRange(at: Date)
    /// `nonce` is missing or differs from the one the sign-in request sent.
    case wrongNonce
    /// libcrypto failed for a reason other than the inputs.
    case cryptoFailure(String)

    public var description: String {
        switch self {
        case .tooLarge(let length, let limit): "ID token: \(length) bytes, at most \(limit) accepted"
        case .malformedStructure: "ID token: not a compact JWS (header.payload.signature)"
        case .malformedEncoding(let segment): "ID token: the \(segment) is not base64url"
        case .malformedJSON(let segment): "ID token: the \(segment) is not a JSON object of the expected shape"
        case .algorithmNotAllowed(let alg): "ID token: algorithm \(alg.debugDescription) is not allowed"
        case .unsupportedCriticalHeader: "ID token: critical header extensions are not supported"
        case .unknownKey(let kid): "ID token: no key \(kid.map { $0.debugDescription } ?? "(no kid)") in the key set"
        case .keyAlgorithmMismatch(let kid, let alg): "ID token: key \(kid ?? "(no kid)") does not fit algorithm \(alg)"
        case .invalidKey(let kid, let reason): "ID token: key \(kid ?? "(no kid)") is unusable (\(reason))"
        case .malformedKeySet(let detail): "ID token: malformed key set (\(detail))"
        case .invalidSignature: "ID token: the signature does not verify"
        case .missingClaim(let name): "ID token: claim \(name) is missing or malformed"
        case .wrongIssuer(let expected, let actual): "ID token: issuer \(actual.debugDescription), expected \(expected.debugDescription)"
        case .wrongAudience(let expected, let actual): "ID token: audience \(actual), expected \(expected.debugDescription)"
        case .expired(let at): "ID token: expired at \(at)"
        case .issuedAtOutOfRange(let at): "ID token: issued at \(at), outside the accepted range"
        case .wrongNonce: "ID token: the nonce does not match the sign-in request"
        case .cryptoFailure(let detail): "ID token: libcrypto failed (\(detail))"
        }
    }
}
