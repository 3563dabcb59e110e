import CommunityIdentity
import Foundation
import Testing

@Suite("TOTP (RFC 6238), base32 (RFC 4648) and otpauth URIs")
struct TimeBasedOneTimePasswordTests {
    /// RFC 6238 Appendix B's SHA-1 rows: time, code (8 digits).
    static let rfcVectors: [(TimeInterval, String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]

    @Test("RFC 6238 Appendix B, SHA-1, 8 digits")
    func rfcVectorsMatch() throws {
        let totp = try TimeBasedOneTimePassword(secret: Array("12345678901234567890".utf8), digits: 8)
        for (time, code) in Self.rfcVectors {
            #expect(totp.code(at: Date(timeIntervalSince1970: time)) == code, "at \(time)")
        }
    }

    @Test("RFC 6238 Appendix B, SHA-256 rows with the 32-byte seed")
    func rfcSHA256Vectors() throws {
        let totp = try TimeBasedOneTimePassword(
            secret: Array("12345678901234567890123456789012".utf8), algorithm: .sha256, digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "46119246")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "68084774")
    }

    @Test("six-digit codes are the last six digits of the truncation; leading zeros kept")
    func sixDigits() throws {
        let totp = try TimeBasedOneTimePassword(secret: Array("12345678901234567890".utf8))
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
    }

    @Test("a code matches within one step either side, not two; malformed codes never match")
    func window() throws {
        let totp = try TimeBasedOneTimePassword(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_111_111_111)  // step 37037037
        let step: Int64 = 37_037_037
        #expect(totp.matchingStep(for: totp.code(forStep: step), at: now) == step)
        #expect(totp.matchingStep(for: totp.code(forStep: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(for: totp.code(forStep: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(for: totp.code(forStep: step - 2), at: now) == nil)
        #expect(totp.matchingStep(for: totp.code(forStep: step + 2), at: now) == nil)
        #expect(totp.matchingStep(for: totp.code(forStep: step + 1), at: now, window: 0) == nil)
        for bad in ["", "12345", "1234567", "12a456", " 123456", "１２３４５６"] {
            #expect(totp.matchingStep(for: bad, at: now) == nil)
        }
    }

    @Test("dates before 1970 or not finite have no step")
    func outOfRangeDates() throws {
        let totp = try TimeBasedOneTimePassword(secret: [1, 2, 3])
        #expect(totp.step(at: Date(timeIntervalSince1970: -1)) == nil)
        #expect(totp.code(at: Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(totp.matchingStep(for: "000000", at: Date(timeIntervalSince1970: .nan)) == nil)
    }

    @Test("parameters out of range are refused")
    func parameters() {
        #expect(throws: TwoFactorError.self) { try TimeBasedOneTimePassword(secret: []) }
        #expect(throws: TwoFactorError.self) { try TimeBasedOneTimePassword(secret: [1], digits: 5) }
        #expect(throws: TwoFactorError.self) { try TimeBasedOneTimePassword(secret: [1], digits: 9) }
        #expect(throws: TwoFactorError.self) { try TimeBasedOneTimePassword(secret: [1], period: 0) }
    }

    @Test("base32 matches RFC 4648 §10 and round-trips")
    func base32Vectors() throws {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                       ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
            #expect(Base32.decode(encoded.lowercased()) == Array(plain.utf8))
        }
        #expect(Base32.encode(Array("foob".utf8), padding: true) == "MZXW6YQ=")
        #expect(Base32.decode("MZXW6YQ=") == Array("foob".utf8))
        let random = try #require(SecureRandom.bytes(37))
        #expect(Base32.decode(Base32.encode(random)) == random)
    }

    @Test("malformed base32 is refused", arguments: ["M", "MZX", "MZXW6Y", "MZ=XW", "MZXW1", "MZXW6YQ!", "MZZ"])
    func base32Malformed(_ text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test("the provisioning URI names issuer and account, percent-encoded, with the parameters")
    func provisioningURI() throws {
        let totp = try TimeBasedOneTimePassword(secret: Array("12345678901234567890".utf8))
        let uri = ProvisioningURI(generator: totp, issuer: "Northwind Cloud", account: "bo@partner.example")
        #expect(uri.text == "otpauth://totp/Northwind%20Cloud:bo%40partner.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Northwind%20Cloud&algorithm=SHA1&digits=6&period=30")
        let hostile = ProvisioningURI(generator: totp, issuer: "a&b=c", account: "x?y#z:")
        #expect(hostile.text.hasPrefix("otpauth://totp/a%26b%3Dc:x%3Fy%23z%3A?"))
    }
}
