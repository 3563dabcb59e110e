import CommunityIdentity
import Foundation

/// Builds compact JWS tokens for the verifier tests.
enum TestTokens {
    static let issuer = "https://idp.example"
    static let clientID = "portal-client"
    static let nonce = "n-0S6_WzA2Mj"
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    /// Claims of a valid token issued now.
    static func claims(_ changes: [String: Any?] = [:]) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": issuer, "sub": "user-42", "aud": clientID, "exp": now.timeIntervalSince1970 + 300,
            "iat": now.timeIntervalSince1970, "nonce": nonce, "email": "kim@acme.example", "given_name": "Min-jun",
            "family_name": "Kim", "email_verified": true,
        ]
        for (name, value) in changes { claims[name] = value }
        return claims
    }

    static func json(_ object: Any) -> [UInt8] {
        (try? Array(JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))) ?? []
    }

    /// A token with the given header and payload bytes, signed by `key`.
    static func sign(header: [UInt8], payload: [UInt8], with key: TestSigningKey) -> String {
        let input = ByteEncoding.base64URL(header) + "." + ByteEncoding.base64URL(payload)
        return input + "." + ByteEncoding.base64URL(key.sign(Array(input.utf8)))
    }

    /// A token of `claims` signed by `key`, with the key's algorithm and kid unless `header` says otherwise.
    static func token(_ claims: [String: Any], key: TestSigningKey, header changes: [String: Any?] = [:]) -> String {
        var header: [String: Any] = ["alg": key.algorithm, "kid": key.keyID, "typ": "JWT"]
        for (name, value) in changes { header[name] = value }
        return sign(header: json(header), payload: json(claims), with: key)
    }

    /// A key set of the given keys' public halves.
    static func keySet(_ entries: [String]) throws -> JSONWebKeySet {
        try JSONWebKeySet(json: Data(#"{"keys":[\#(entries.joined(separator: ","))]}"#.utf8))
    }

    static let verifier = IDTokenVerifier(configuration: .init(issuer: issuer, clientID: clientID))
}
