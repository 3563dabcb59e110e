import CommunityIdentity
import Foundation
import Testing

@Suite("OIDC ID-token verification (RS256, ES256) against a host-supplied JWKS")
struct IDTokenVerifierTests {
    let rsa: TestSigningKey
    let ec: TestSigningKey
    let keys: JSONWebKeySet
    let verifier = TestTokens.verifier
    let now = TestTokens.now

    init() throws {
        rsa = try #require(TestSigningKey.rsa)
        ec = try #require(TestSigningKey.ec)
        keys = try TestTokens.keySet([rsa.jwk(algorithm: "RS256"), ec.jwk()])
    }

    func verify(_ token: String, nonce: String? = TestTokens.nonce, at date: Date? = nil) throws(TokenError) -> IDTokenClaims {
        try verifier.verify(token, keys: keys, nonce: nonce, at: date ?? now)
    }

    @Test("a valid RS256 token yields its claims")
    func rs256() throws {
        let claims = try verify(TestTokens.token(TestTokens.claims(), key: rsa))
        #expect(claims.issuer == TestTokens.issuer)
        #expect(claims.subject == "user-42")
        #expect(claims.audiences == [TestTokens.clientID])
        #expect(claims.nonce == TestTokens.nonce)
        #expect(claims.string("email") == "kim@acme.example")
        #expect(claims.all["email_verified"] == .bool(true))
        #expect(claims.expiresAt == now.addingTimeInterval(300))
    }

    @Test("a valid ES256 token (raw r||s signature) yields its claims")
    func es256() throws {
        let claims = try verify(TestTokens.token(TestTokens.claims(), key: ec))
        #expect(claims.subject == "user-42")
        let assertion = FederatedAssertion(claims: claims)
        #expect(assertion.attributes["family_name"] == "Kim")
        #expect(assertion.attributes["email_verified"] == "true")  // booleans become "true"/"false"
        #expect(assertion.attributes["exp"] == nil)  // numbers are not attributes
    }

    @Test("aud may be an array containing the client; azp must then name it")
    func audienceArray() throws {
        let many = TestTokens.claims(["aud": ["other", TestTokens.clientID]])
        #expect(try verify(TestTokens.token(many, key: rsa)).audiences == ["other", TestTokens.clientID])
        let wrongParty = TestTokens.claims(["aud": ["other", TestTokens.clientID], "azp": "other"])
        #expect(throws: TokenError.wrongAudience(expected: TestTokens.clientID, actual: ["other", TestTokens.clientID])) {
            try verify(TestTokens.token(wrongParty, key: rsa))
        }
        #expect(throws: TokenError.missingClaim("aud")) { try verify(TestTokens.token(TestTokens.claims(["aud": [1]]), key: rsa)) }
    }

    @Test("a payload changed after signing is refused")
    func tamperedPayload() throws {
        let token = TestTokens.token(TestTokens.claims(), key: rsa)
        let parts = token.split(separator: ".").map(String.init)
        let forged = ByteEncoding.base64URL(TestTokens.json(TestTokens.claims(["sub": "admin"])))
        #expect(throws: TokenError.invalidSignature) { try verify([parts[0], forged, parts[2]].joined(separator: ".")) }
        let ecParts = TestTokens.token(TestTokens.claims(), key: ec).split(separator: ".").map(String.init)
        #expect(throws: TokenError.invalidSignature) { try verify([ecParts[0], forged, ecParts[2]].joined(separator: ".")) }
    }

    @Test("a token signed by another key under the same kid is refused")
    func wrongKey() throws {
        let impostor = try #require(TestSigningKey.otherRSA)
        #expect(throws: TokenError.invalidSignature) { try verify(TestTokens.token(TestTokens.claims(), key: impostor)) }
    }

    @Test("an unknown kid is refused; without a kid, only a single fitting key is used")
    func keySelection() throws {
        #expect(throws: TokenError.unknownKey(kid: "rsa-9")) {
            try verify(TestTokens.token(TestTokens.claims(), key: rsa, header: ["kid": "rsa-9"]))
        }
        #expect(try verify(TestTokens.token(TestTokens.claims(), key: ec, header: ["kid": nil])).subject == "user-42")
        let twoRSA = try TestTokens.keySet([rsa.jwk(), rsa.jwk(keyID: "rsa-2")])
        #expect(throws: TokenError.unknownKey(kid: nil)) {
            try verifier.verify(TestTokens.token(TestTokens.claims(), key: rsa, header: ["kid": nil]), keys: twoRSA,
                                nonce: TestTokens.nonce, at: now)
        }
        #expect(throws: TokenError.malformedJSON(segment: "header")) {
            try verify(TestTokens.token(TestTokens.claims(), key: rsa, header: ["kid": 7]))
        }
    }

    @Test("an expired token is refused; expiry within the clock skew is tolerated")
    func expiry() throws {
        let token = TestTokens.token(TestTokens.claims(), key: rsa)
        #expect(try verify(token, at: now.addingTimeInterval(330)).subject == "user-42")
        #expect(throws: TokenError.expired(at: now.addingTimeInterval(300))) { try verify(token, at: now.addingTimeInterval(360)) }
        #expect(throws: TokenError.missingClaim("exp")) {
            try verify(TestTokens.token(TestTokens.claims(["exp": "tomorrow"]), key: rsa))
        }
    }

    @Test("iat in the future beyond the skew, or older than the maximum age, is refused")
    func issuedAt() throws {
        let future = TestTokens.claims(["iat": now.timeIntervalSince1970 + 120, "exp": now.timeIntervalSince1970 + 600])
        #expect(throws: TokenError.issuedAtOutOfRange(at: now.addingTimeInterval(120))) { try verify(TestTokens.token(future, key: rsa)) }
        let slightly = TestTokens.claims(["iat": now.timeIntervalSince1970 + 30])
        #expect(try verify(TestTokens.token(slightly, key: rsa)).subject == "user-42")
        let ancient = TestTokens.claims(["iat": now.timeIntervalSince1970 - 200_000])
        #expect(throws: TokenError.issuedAtOutOfRange(at: now.addingTimeInterval(-200_000))) { try verify(TestTokens.token(ancient, key: rsa)) }
        #expect(throws: TokenError.missingClaim("iat")) { try verify(TestTokens.token(TestTokens.claims(["iat": nil]), key: rsa)) }
    }

    @Test("wrong audience, issuer or nonce are refused, each with its own error")
    func claimsMismatch() throws {
        #expect(throws: TokenError.wrongAudience(expected: TestTokens.clientID, actual: ["someone-else"])) {
            try verify(TestTokens.token(TestTokens.claims(["aud": "someone-else"]), key: rsa))
        }
        #expect(throws: TokenError.wrongIssuer(expected: TestTokens.issuer, actual: "https://evil.example")) {
            try verify(TestTokens.token(TestTokens.claims(["iss": "https://evil.example"]), key: rsa))
        }
        #expect(throws: TokenError.wrongNonce) { try verify(TestTokens.token(TestTokens.claims(["nonce": "replayed"]), key: rsa)) }
        #expect(throws: TokenError.wrongNonce) { try verify(TestTokens.token(TestTokens.claims(["nonce": nil]), key: rsa)) }
        #expect(throws: TokenError.missingClaim("sub")) { try verify(TestTokens.token(TestTokens.claims(["sub": ""]), key: rsa)) }
        // A request that sent no nonce does not check one.
        #expect(try verify(TestTokens.token(TestTokens.claims(["nonce": nil]), key: rsa), nonce: nil).nonce == nil)
    }

    @Test("alg none, HS256, algorithms off the allow-list and alg/key-type mismatches are refused")
    func algorithms() throws {
        let claims = ByteEncoding.base64URL(TestTokens.json(TestTokens.claims()))
        let none = ByteEncoding.base64URL(TestTokens.json(["alg": "none", "kid": "rsa-1"])) + "." + claims + "."
        #expect(throws: TokenError.malformedEncoding(segment: "signature")) { try verify(none) }
        let noneSigned = ByteEncoding.base64URL(TestTokens.json(["alg": "none", "kid": "rsa-1"])) + "." + claims + ".AAAA"
        #expect(throws: TokenError.algorithmNotAllowed("none")) { try verify(noneSigned) }
        #expect(throws: TokenError.algorithmNotAllowed("HS256")) {
            try verify(TestTokens.token(TestTokens.claims(), key: rsa, header: ["alg": "HS256"]))
        }
        #expect(throws: TokenError.keyAlgorithmMismatch(kid: "ec-1", algorithm: "RS256")) {
            try verify(TestTokens.token(TestTokens.claims(), key: rsa, header: ["kid": "ec-1"]))
        }
        #expect(throws: TokenError.keyAlgorithmMismatch(kid: "rsa-1", algorithm: "ES256")) {
            try verify(TestTokens.token(TestTokens.claims(), key: ec, header: ["kid": "rsa-1"]))
        }
        let rsaOnly = IDTokenVerifier(configuration: .init(issuer: TestTokens.issuer, clientID: TestTokens.clientID, allowedAlgorithms: [.rs256]))
        #expect(throws: TokenError.algorithmNotAllowed("ES256")) {
            try rsaOnly.verify(TestTokens.token(TestTokens.claims(), key: ec), keys: keys, nonce: TestTokens.nonce, at: now)
        }
        #expect(throws: TokenError.unsupportedCriticalHeader) {
            try verify(TestTokens.token(TestTokens.claims(), key: rsa, header: ["crit": ["exp"]]))
        }
    }

    @Test("a key whose declared alg differs from the header's is not used")
    func declaredKeyAlgorithm() throws {
        let declared = try TestTokens.keySet([rsa.jwk(algorithm: "PS256")])
        #expect(throws: TokenError.keyAlgorithmMismatch(kid: "rsa-1", algorithm: "RS256")) {
            try verifier.verify(TestTokens.token(TestTokens.claims(), key: rsa), keys: declared, nonce: TestTokens.nonce, at: now)
        }
    }

    @Test("malformed structure, base64url and JSON are refused", arguments: [
        ("a.b", TokenError.malformedStructure),
        ("a.b.c.d", TokenError.malformedStructure),
        ("", TokenError.malformedStructure),
        ("eyJ!.e30.AAAA", TokenError.malformedEncoding(segment: "header")),
        ("e30=.e30.AAAA", TokenError.malformedEncoding(segment: "header")),
        (".e30.AAAA", TokenError.malformedEncoding(segment: "header")),
        ("bm90IGpzb24.e30.AAAA", TokenError.malformedJSON(segment: "header")),  // "not json"
        ("W10.e30.AAAA", TokenError.malformedJSON(segment: "header")),  // []
        ("e30.e30.AAAA", TokenError.malformedJSON(segment: "header")),  // {} without alg
        ("eyJhbGciOjF9.e30.AAAA", TokenError.malformedJSON(segment: "header")),  // {"alg":1}
    ])
    func malformed(_ token: String, _ expected: TokenError) {
        #expect(throws: expected) { try verify(token) }
    }

    @Test("a deeply nested header is refused without exhausting the stack")
    func deeplyNestedHeader() {
        let nested = #"{"alg":"RS256","x":"# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}"
        let token = ByteEncoding.base64URL(Array(nested.utf8)) + ".e30.AAAA"
        let verifier = IDTokenVerifier(configuration: .init(issuer: TestTokens.issuer, clientID: TestTokens.clientID, maximumLength: 65_536))
        #expect(throws: TokenError.malformedJSON(segment: "header")) { try verifier.verify(token, keys: keys, nonce: nil, at: now) }
    }

    @Test("a signed payload that is not a JSON object is refused")
    func malformedPayload() throws {
        let header = TestTokens.json(["alg": "RS256", "kid": "rsa-1"])
        for payload in ["[1,2]", "{\"iss\":", "null", "{\"a\":1}{}"] {
            #expect(throws: TokenError.malformedJSON(segment: "payload")) {
                try verify(TestTokens.sign(header: header, payload: Array(payload.utf8), with: rsa))
            }
        }
    }

    @Test("an ES256 signature that is not 64 bytes is refused")
    func es256SignatureLength() throws {
        let token = TestTokens.token(TestTokens.claims(), key: ec)
        let head = token.split(separator: ".").prefix(2).joined(separator: ".")
        let derLike = ByteEncoding.base64URL([UInt8](repeating: 1, count: 70))
        #expect(throws: TokenError.invalidSignature) { try verify(head + "." + derLike) }
    }

    @Test("an oversized token is refused before it is parsed")
    func oversized() {
        let token = String(repeating: "A", count: 20_000) + ".e30.AAAA"
        #expect(throws: TokenError.tooLarge(length: 20_009, limit: 16_384)) { try verify(token) }
    }
}
