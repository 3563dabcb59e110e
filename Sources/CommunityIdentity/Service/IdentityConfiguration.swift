public import Foundation

/// Lifetimes and link paths of the identity service's one-time tokens.
public struct IdentityConfiguration: Sendable, Hashable {
    /// How long a password reset link works (default 30 minutes).
    public var passwordResetLifetime: TimeInterval
    /// How long an e-mail verification link works (default 24 hours).
    public var emailVerificationLifetime: TimeInterval
    /// How long a pending sign-in waits for its second factor (default 5 minutes).
    public var pendingSignInLifetime: TimeInterval
    /// Wrong second-factor codes accepted before the pending sign-in is discarded (default 5).
    public var maximumSecondFactorAttempts: Int
    /// The site-relative path of the reset page; the link adds `?token=…`.
    public var passwordResetPath: String
    /// The site-relative path of the verification page; the link adds `?token=…`.
    public var emailVerificationPath: String

    /// The defaults.
    public static let standard = IdentityConfiguration()

    /// Creates a configuration; out-of-range values are clamped (lifetimes to 1 minute...7 days,
    /// attempts to 1...20) and a path that does not start with `/` becomes `/`.
    public init(
        passwordResetLifetime: TimeInterval = 30 * 60, emailVerificationLifetime: TimeInterval = 24 * 3600,
        pendingSignInLifetime: TimeInterval = 5 * 60, maximumSecondFactorAttempts: Int = 5,
        passwordResetPath: String = "/account/reset-password", emailVerificationPath: String = "/account/verify-email"
    ) {
        func clamp(_ t: TimeInterval) -> TimeInterval { t.isFinite ? min(max(t, 60), 7 * 86_400) : 30 * 60 }
        func path(_ p: String) -> String {
            p.hasPrefix("/") && !p.hasPrefix("//") && p.utf8.count <= 200 && !p.contains("?") && !p.contains("#") ? p : "/"
        }
        self.passwordResetLifetime = clamp(passwordResetLifetime)
        self.emailVerificationLifetime = clamp(emailVerificationLifetime)
        self.pendingSignInLifetime = clamp(pendingSignInLifetime)
        self.maximumSecondFactorAttempts = min(max(maximumSecondFactorAttempts, 1), 20)
        self.passwordResetPath = path(passwordResetPath)
        self.emailVerificationPath = path(emailVerificationPath)
    }
}
