/// What went wrong in an identity operation, said without revealing whether an account exists.
///
/// Sign-in answers ``invalidCredentials`` for an unknown user, a wrong password, a locked
/// account, a throttled client address and a user who is not a member of the site alike: the
/// same value and the same ``description``, so a page that shows it cannot be used to probe for
/// accounts. The reason is reported only to the host through ``SecurityEvent``.
public enum IdentityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Sign-in failed; the same for every reason (see the type's discussion).
    case invalidCredentials
    /// The current password given to change a password is wrong.
    case currentPasswordIncorrect
    /// A new password breaks the site's password policy.
    case passwordRejected(PasswordPolicyViolation)
    /// A password reset, e-mail verification or pending sign-in token is forged, expired or
    /// already used (the three are not told apart).
    case invalidOrExpiredToken
    /// The second-factor code was not accepted.
    case secondFactorRejected
    /// The session token is unknown, expired, signed out, rotated away or for another site.
    case invalidSession
    /// The user has no password credential to change (for example a single sign-on user).
    case noPasswordCredential
    /// A configuration value is outside its safe range; `detail` names it.
    case invalidConfiguration(String)
    /// The system's random generator or libcrypto failed; the operation failed closed.
    case cryptographyUnavailable

    public var description: String {
        switch self {
        case .invalidCredentials: "Sign-in failed. Check your username and password, or try again later."
        case .currentPasswordIncorrect: "The current password is incorrect."
        case .passwordRejected(let violation): "The new password is not allowed: \(violation)."
        case .invalidOrExpiredToken: "This link is invalid or has expired. Request a new one."
        case .secondFactorRejected: "The verification code was not accepted."
        case .invalidSession: "Your session has ended. Sign in again."
        case .noPasswordCredential: "This account has no password to change."
        case .invalidConfiguration(let detail): "Invalid identity configuration: \(detail)."
        case .cryptographyUnavailable: "A secure random number or hash could not be produced."
        }
    }
}
