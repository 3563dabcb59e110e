/// Why a new password was refused by a ``PasswordPolicy``.
public enum PasswordPolicyViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shorter than the minimum number of characters.
    case tooShort(minimum: Int)
    /// Longer than the maximum number of characters (or UTF-8 bytes).
    case tooLong(maximum: Int)
    /// On the list of commonly used passwords.
    case common
    /// The same as the user's e-mail address or user id.
    case matchesIdentity

    public var description: String {
        switch self {
        case .tooShort(let minimum): "it must have at least \(minimum) characters"
        case .tooLong(let maximum): "it must have at most \(maximum) characters"
        case .common: "it is too commonly used"
        case .matchesIdentity: "it must not be your e-mail address or user name"
        }
    }
}
