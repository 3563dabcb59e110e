import CommunityIdentity
import Testing

@Suite("Password hashes and the hasher")
struct PasswordHashTests {
    @Test("The standard hasher uses 600,000 iterations, a 16-byte salt, and verifies (the only real-cost hashes in the suite)")
    func standardCost() throws {
        let hasher = PasswordHasher.standard
        #expect(hasher.iterations >= 600_000)
        let hash = try hasher.hash("tr0ub4dor&3 is long enough")
        #expect(hash.iterations == 600_000)
        #expect(hash.salt.count == 16)
        #expect(hash.hash.count == 32)
        #expect(hasher.verify("tr0ub4dor&3 is long enough", against: hash))
        #expect(!hasher.verify("tr0ub4dor&3 is long enougH", against: hash))
    }

    @Test("A production hasher below 600,000 iterations cannot be made; the test hasher is explicitly named")
    func floorIsEnforced() {
        #expect(throws: IdentityError.self) { try PasswordHasher(iterations: 1_000) }
        #expect(throws: IdentityError.self) { try PasswordHasher(iterations: 599_999) }
        #expect((try? PasswordHasher(iterations: 700_000))?.iterations == 700_000)
        #expect(PasswordHasher.insecureForTesting(iterations: 0).iterations == 1)
    }

    @Test("Two hashes of one password differ by salt; the text form round-trips")
    func saltedAndSelfDescribing() throws {
        let hasher = PasswordHasher.insecureForTesting()
        let a = try hasher.hash("same password here")
        let b = try hasher.hash("same password here")
        #expect(a.salt != b.salt)
        #expect(a.hash != b.hash)
        #expect(a.encoded.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(try PasswordHash(parsing: a.encoded) == a)
        #expect(!a.description.contains(ByteEncoding.base64URL(a.hash)))
    }

    @Test("A hash at a lower cost still verifies under a stronger hasher, which asks for a rehash")
    func costCanRise() throws {
        let old = try PasswordHasher.insecureForTesting(iterations: 500).hash("legacy password 1")
        let stronger = PasswordHasher.insecureForTesting(iterations: 1_000)
        #expect(stronger.verify("legacy password 1", against: old))
        #expect(stronger.needsRehash(old))
        #expect(!stronger.needsRehash(try stronger.hash("legacy password 1")))
    }

    @Test("Unicode passwords are normalised (NFC) before hashing")
    func normalisation() throws {
        let hasher = PasswordHasher.insecureForTesting()
        let composed = try hasher.hash("caf\u{E9} au lait chaud")
        #expect(hasher.verify("cafe\u{301} au lait chaud", against: composed))
    }

    @Test(
        "Malformed stored hashes are refused, never trap",
        arguments: [
            "", "pbkdf2-sha256", "pbkdf2-sha256$1000$$", "md5$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$99999999999999999999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$1000$AAAA$AAAAAAAAAAAAAAAAAAAAAA", "pbkdf2-sha256$1000$!!!!$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA$extra",
            String(repeating: "A", count: 5000),
        ])
    func malformedHashes(text: String) {
        #expect(throws: IdentityError.self) { try PasswordHash(parsing: text) }
    }
}
