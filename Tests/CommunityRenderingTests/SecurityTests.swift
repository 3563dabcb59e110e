import CommunityModel
import CommunityRendering
import Foundation
import Testing

@Suite struct SecurityTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(SHA256.hash(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hmacRFC4231() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(SHA256.hex(SHA256.hmac(key: key, message: Array("Hi There".utf8)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let bigKey = [UInt8](repeating: 0xaa, count: 131)
        #expect(SHA256.hex(SHA256.hmac(key: bigKey, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func base64() {
        #expect(SHA256.base64(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(SHA256.base64(Array("fo".utf8)) == "Zm8=")
    }

    @Test func csrfTokensBindViewerSiteAndTime() throws {
        let csrf = Fixtures.csrf
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let pat = Fixtures.viewer(Fixtures.partnerA)
        let token = csrf.token(for: pat, site: "help", at: now)
        #expect(csrf.verify(token, for: pat, site: "help", at: now.addingTimeInterval(60)))
        #expect(!csrf.verify(token, for: Fixtures.viewer(Fixtures.partnerB), site: "help", at: now))
        #expect(!csrf.verify(token, for: pat, site: "other", at: now))
        #expect(!csrf.verify(token, for: pat, site: "help", at: now.addingTimeInterval(13 * 3600)))
        #expect(!csrf.verify(nil, for: pat, site: "help", at: now))
        #expect(!csrf.verify("garbage", for: pat, site: "help", at: now))
        var tampered = Array(token)
        tampered[tampered.count - 1] = tampered.last == "0" ? "1" : "0"
        #expect(!csrf.verify(String(tampered), for: pat, site: "help", at: now))
        let otherKey = try CSRFProtection(secret: Array("another-secret-of-16+".utf8))
        #expect(!otherKey.verify(token, for: pat, site: "help", at: now))
    }

    @Test("a CSRF token has one spelling: a leading +, leading zeros, upper-case hex or extra parts are refused")
    func csrfTokensAreNotMalleable() throws {
        let csrf = Fixtures.csrf
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let pat = Fixtures.viewer(Fixtures.partnerA)
        let token = csrf.token(for: pat, site: "help", at: now)
        #expect(csrf.verify(token, for: pat, site: "help", at: now))
        let parts = token.split(separator: ".").map(String.init)
        for variant in ["+" + token, "0" + token, "00" + token, " " + token, token + " ", token + ".", parts[0] + "." + parts[1].uppercased(),
                        parts[0] + ".." + parts[1], "-" + token, parts[0] + "." + parts[1] + "0", String(token.dropLast())] {
            #expect(!csrf.verify(variant, for: pat, site: "help", at: now), "accepted \(variant)")
        }
        #expect(!csrf.verify(String(repeating: "9", count: 5000) + "." + parts[1], for: pat, site: "help", at: now))
    }

    @Test("a CSRF secret shorter than 16 bytes or a bad lifetime is a typed configuration error, not a trap")
    func csrfConfigurationErrors() {
        #expect(throws: CSRFProtection.ConfigurationError.secretTooShort(bytes: 3)) { try CSRFProtection(secret: [1, 2, 3]) }
        #expect(throws: CSRFProtection.ConfigurationError.invalidLifetime) {
            try CSRFProtection(secret: Array("sixteen-bytes-long".utf8), lifetime: -1)
        }
        #expect(throws: CSRFProtection.ConfigurationError.invalidLifetime) {
            try CSRFProtection(secret: Array("sixteen-bytes-long".utf8), lifetime: .nan)
        }
    }
}
