import CommunityIdentity
import Testing

@Suite("libcrypto wrappers")
struct CryptoTests {
    @Test("SHA-256 of known vectors (FIPS 180-4 examples)")
    func sha256Vectors() {
        #expect(ByteEncoding.hex(Digest.sha256(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ByteEncoding.hex(Digest.sha256([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("HMAC-SHA-256 and HMAC-SHA-1 match RFC 4231 and RFC 2202 test case 2")
    func hmacVectors() {
        let key = Array("Jefe".utf8)
        let message = Array("what do ya want for nothing?".utf8)
        #expect(ByteEncoding.hex(MessageAuthentication.sha256(key: key, message: message))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(ByteEncoding.hex(MessageAuthentication.sha1(key: key, message: message)) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        #expect(MessageAuthentication.sha256(key: [UInt8](), message: [UInt8]()).count == 32)
    }

    @Test("PBKDF2-HMAC-SHA256 matches a published vector; bad parameters give nil")
    func pbkdf2() {
        let out = KeyDerivation.pbkdf2SHA256(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1, length: 32)
        #expect(out.map(ByteEncoding.hex) == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        #expect(KeyDerivation.pbkdf2SHA256(password: [], salt: [1], iterations: 0) == nil)
        #expect(KeyDerivation.pbkdf2SHA256(password: [], salt: [1], iterations: 1, length: 0) == nil)
        #expect(KeyDerivation.pbkdf2SHA256(password: [], salt: [1], iterations: 2)?.count == 32)
    }

    @Test("random bytes differ; constant-time comparison")
    func randomAndCompare() throws {
        let a = try #require(SecureRandom.bytes(32))
        let b = try #require(SecureRandom.bytes(32))
        #expect(a.count == 32 && a != b)
        #expect(SecureRandom.bytes(-1) == nil)
        #expect(ConstantTime.equals(a, a))
        #expect(!ConstantTime.equals(a, b))
        #expect(!ConstantTime.equals(a, Array(a.prefix(31))))
    }

    @Test("hex and base64url round-trip; malformed input is rejected")
    func encodings() {
        for n in 0..<40 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(ByteEncoding.bytes(hex: ByteEncoding.hex(bytes)) == bytes)
            #expect(ByteEncoding.bytes(base64URL: ByteEncoding.base64URL(bytes)) == bytes)
        }
        #expect(ByteEncoding.base64URL(Array("hello?".utf8)) == "aGVsbG8_")
        #expect(ByteEncoding.bytes(hex: "abc") == nil)
        #expect(ByteEncoding.bytes(hex: "zz") == nil)
        #expect(ByteEncoding.bytes(base64URL: "a") == nil)
        #expect(ByteEncoding.bytes(base64URL: "a+b/") == nil)
        #expect(ByteEncoding.bytes(base64URL: "aa=a") == nil)
    }
}
