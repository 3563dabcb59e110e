/// Why a two-factor operation was refused.
public enum TwoFactorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Generator parameters out of range.
    case invalidParameters(String)
    /// The user has no enrollment (or none waiting for confirmation).
    case notEnrolled(user: String)
    /// The user already has an active enrollment; disable it before enrolling again.
    case alreadyEnrolled(user: String)
    /// The user does not exist in the store.
    case unknownUser(String)
    /// The code is not valid for the current time window (or not a code at all).
    case invalidCode
    /// The code's time step was already used: a replayed code.
    case codeAlreadyUsed
    /// The system's random generator is unavailable; nothing was created.
    case randomnessUnavailable
    /// The secret-sealing key is not 32 bytes.
    case invalidSealingKey
    /// The stored secret is sealed and no key (or the wrong key) was supplied to open it.
    case secretUnavailable(user: String)
    /// The stored secret is unreadable.
    case corruptSecret(user: String)

    public var description: String {
        switch self {
        case .invalidParameters(let detail): "two-factor: invalid parameters (\(detail))"
        case .notEnrolled(let user): "two-factor: user \(user) is not enrolled"
        case .alreadyEnrolled(let user): "two-factor: user \(user) is already enrolled"
        case .unknownUser(let user): "two-factor: no user \(user)"
        case .invalidCode: "two-factor: the code is not valid"
        case .codeAlreadyUsed: "two-factor: the code was already used"
        case .randomnessUnavailable: "two-factor: the random generator is unavailable"
        case .invalidSealingKey: "two-factor: the sealing key must be 32 bytes"
        case .secretUnavailable(let user): "two-factor: the secret of user \(user) cannot be opened with the configured key"
        case .corruptSecret(let user): "two-factor: the stored secret of user \(user) is unreadable"
        }
    }
}
