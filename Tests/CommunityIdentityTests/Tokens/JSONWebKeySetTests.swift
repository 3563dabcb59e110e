import CommunityIdentity
import Foundation
import Testing

@Suite("JSON Web Key Set parsing")
struct JSONWebKeySetTests {
    @Test("RSA and P-256 keys are read; other types, curves and uses are skipped")
    func parsesSupportedKeys() throws {
        let rsa = try #require(TestSigningKey.rsa)
        let ec = try #require(TestSigningKey.ec)
        let set = try TestTokens.keySet([
            rsa.jwk(algorithm: "RS256"), ec.jwk(),
            #"{"kty":"oct","kid":"hmac","k":"c2VjcmV0"}"#,
            #"{"kty":"OKP","crv":"Ed25519","kid":"ed","x":"AAAA"}"#,
            #"{"kty":"EC","crv":"P-384","kid":"p384","x":"AAAA","y":"AAAA"}"#,
            #"{"kty":"RSA","kid":"enc","use":"enc","n":"AAAA","e":"AQAB"}"#,
        ])
        #expect(set.keys.map(\.keyID) == ["rsa-1", "ec-1"])
        #expect(set.keys.first?.algorithm == "RS256")
    }

    @Test("malformed documents and keys are refused with typed errors")
    func malformed() throws {
        #expect(throws: TokenError.malformedKeySet("not a JSON object with a keys array")) {
            try JSONWebKeySet(json: Data("[]".utf8))
        }
        #expect(throws: TokenError.malformedKeySet("not a JSON object with a keys array")) {
            try JSONWebKeySet(json: Data(#"{"keys":{}}"#.utf8))
        }
        #expect(throws: TokenError.malformedKeySet("larger than 65536 bytes")) {
            try JSONWebKeySet(json: Data(repeating: 0x20, count: 70_000))
        }
        #expect(throws: TokenError.invalidKey(kid: "bad", reason: "n and e must be base64url")) {
            try TestTokens.keySet([#"{"kty":"RSA","kid":"bad","n":"!!","e":"AQAB"}"#])
        }
        let short = ByteEncoding.base64URL([0x80] + [UInt8](repeating: 1, count: 127))  // 1024 bits
        #expect(throws: TokenError.invalidKey(kid: "weak", reason: "RSA modulus of 1024 bits; 2048 to 8192 accepted")) {
            try TestTokens.keySet([#"{"kty":"RSA","kid":"weak","n":"\#(short)","e":"AQAB"}"#])
        }
        #expect(throws: TokenError.invalidKey(kid: "ec", reason: "P-256 coordinates must be 32 bytes each")) {
            try TestTokens.keySet([#"{"kty":"EC","crv":"P-256","kid":"ec","x":"AAAA","y":"AAAA"}"#])
        }
    }

    @Test("a P-256 point off the curve is rejected by libcrypto when used")
    func pointOffCurve() throws {
        let ec = try #require(TestSigningKey.ec)
        let coordinate = ByteEncoding.base64URL([UInt8](repeating: 7, count: 32))
        let set = try TestTokens.keySet([#"{"kty":"EC","crv":"P-256","kid":"ec-1","x":"\#(coordinate)","y":"\#(coordinate)"}"#])
        #expect(throws: TokenError.invalidKey(kid: "ec-1", reason: "libcrypto rejected the key parameters")) {
            try TestTokens.verifier.verify(
                TestTokens.token(TestTokens.claims(), key: ec), keys: set, nonce: TestTokens.nonce, at: TestTokens.now)
        }
    }
}
