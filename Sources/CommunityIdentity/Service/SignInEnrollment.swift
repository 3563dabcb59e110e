/// What completing a sign-in with a newly enrolled second factor hands back: the session, and
/// the enrollment's recovery codes to show the user once.
public struct SignInEnrollment: Hashable, Sendable, CustomStringConvertible {
    /// The session issued for the sign-in.
    public let session: IssuedSession
    /// The one-time recovery codes of the new enrollment (show them once; only digests are stored).
    public let recoveryCodes: [String]

    /// Creates the result.
    public init(session: IssuedSession, recoveryCodes: [String]) {
        self.session = session
        self.recoveryCodes = recoveryCodes
    }

    /// Redacts the recovery codes.
    public var description: String { "SignInEnrollment(user: \(session.context.userID), recoveryCodes: redacted)" }
}
