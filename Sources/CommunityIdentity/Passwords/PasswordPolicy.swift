/// A site's rules for new passwords.
///
/// The defaults follow OWASP ASVS 4 (V2.1): at least 12 characters, at most 128, any
/// characters allowed (no composition rules), and no password from a list of common ones.
/// Length is counted in characters after Unicode NFC normalisation; the maximum also bounds
/// the UTF-8 bytes fed to the key derivation (four per character), so a huge input cannot
/// make hashing expensive.
public struct PasswordPolicy: Sendable {
    /// The fewest characters a password may have.
    public let minimumLength: Int
    /// The most characters a password may have.
    public let maximumLength: Int
    /// The passwords refused as too common.
    public let commonPasswords: CommonPasswords

    /// The default policy: 12 to 128 characters, not on the bundled common-password list.
    public static var standard: PasswordPolicy {
        PasswordPolicy(checkedMinimum: 12, maximum: 128, commonPasswords: .bundled)
    }

    /// A policy with its own bounds.
    ///
    /// - Throws: ``IdentityError/invalidConfiguration(_:)`` when `minimumLength` is below 8 (the
    ///   floor NIST SP 800-63B sets), or `maximumLength` is below the minimum or above 1,024.
    public init(
        minimumLength: Int = 12, maximumLength: Int = 128, commonPasswords: CommonPasswords = .bundled
    ) throws(IdentityError) {
        guard minimumLength >= 8 else { throw .invalidConfiguration("minimum password length \(minimumLength) is below 8") }
        guard maximumLength >= minimumLength, maximumLength <= 1024 else {
            throw .invalidConfiguration("maximum password length \(maximumLength) is outside \(minimumLength)...1024")
        }
        self.init(checkedMinimum: minimumLength, maximum: maximumLength, commonPasswords: commonPasswords)
    }

    private init(checkedMinimum: Int, maximum: Int, commonPasswords: CommonPasswords) {
        minimumLength = checkedMinimum
        maximumLength = maximum
        self.commonPasswords = commonPasswords
    }

    /// The most UTF-8 bytes a password may have (four per allowed character).
    public var maximumBytes: Int { maximumLength * 4 }

    /// Checks a new password; `identities` are the user's e-mail address, id and the like,
    /// which the password must not equal (ignoring case).
    public func check(_ password: String, identities: [String] = []) throws(PasswordPolicyViolation) {
        guard password.utf8.count <= maximumBytes else { throw .tooLong(maximum: maximumLength) }
        let normalised = PasswordText.normalised(password)
        guard normalised.utf8.count <= maximumBytes, normalised.count <= maximumLength else {
            throw .tooLong(maximum: maximumLength)
        }
        guard normalised.count >= minimumLength else { throw .tooShort(minimum: minimumLength) }
        guard !commonPasswords.contains(normalised) else { throw .common }
        let lowered = normalised.lowercased()
        guard !identities.contains(where: { !$0.isEmpty && $0.lowercased() == lowered }) else { throw .matchesIdentity }
    }
}
