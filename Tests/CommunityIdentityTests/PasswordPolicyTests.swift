import CommunityIdentity
import Testing

@Suite("Password policy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy.standard

    @Test("The bundled common-password list holds at least 10,000 entries and matches ignoring case")
    func bundledList() {
        let list = CommonPasswords.bundled
        #expect(list.count >= 10_000)
        #expect(list.contains("password"))
        #expect(list.contains("PassWord1234"))
        #expect(!list.contains("correct horse battery staple"))
    }

    @Test("Length: at least 12 characters, at most 128, counted after normalisation")
    func length() throws {
        #expect(policy.minimumLength == 12)
        #expect(throws: PasswordPolicyViolation.tooShort(minimum: 12)) { try policy.check("short pw 11") }
        try policy.check("twelve chars")
        try policy.check(String(repeating: "x", count: 127) + "y")
        #expect(throws: PasswordPolicyViolation.tooLong(maximum: 128)) { try policy.check(String(repeating: "xy", count: 65)) }
    }

    @Test("Oversize input is refused before normalisation, by bytes")
    func oversize() {
        let huge = String(repeating: "🙂", count: 200_000)
        #expect(throws: PasswordPolicyViolation.tooLong(maximum: 128)) { try policy.check(huge) }
    }

    @Test("Common passwords are refused whatever their case")
    func common() {
        #expect(throws: PasswordPolicyViolation.common) { try policy.check("Password1234") }
        #expect(throws: PasswordPolicyViolation.common) { try policy.check("1QAZ2WSX3EDC") }
    }

    @Test("A password equal to the user's e-mail or id is refused")
    func identity() {
        #expect(throws: PasswordPolicyViolation.matchesIdentity) {
            try policy.check("Alice@Acme.example", identities: ["alice@acme.example"])
        }
    }

    @Test("Policies below the NIST floor or with inverted bounds are refused")
    func configuration() {
        #expect(throws: IdentityError.self) { try PasswordPolicy(minimumLength: 6) }
        #expect(throws: IdentityError.self) { try PasswordPolicy(minimumLength: 20, maximumLength: 16) }
        #expect(throws: IdentityError.self) { try PasswordPolicy(maximumLength: 5000) }
        #expect((try? PasswordPolicy(minimumLength: 15))?.minimumLength == 15)
    }
}
