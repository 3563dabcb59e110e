/// The outcome of a correct password.
public enum SignInResult: Hashable, Sendable {
    /// Signed in: set the session cookie.
    case signedIn(IssuedSession)
    /// The user must give a second factor before a session is issued.
    case secondFactorRequired(PendingSignIn)
    /// A second factor is required but the user has none yet: they must enroll one (with
    /// ``IdentityService/beginSecondFactorEnrollment(_:using:clientAddress:)`` and
    /// ``IdentityService/completeSecondFactorEnrollment(_:code:using:clientAddress:)``) before
    /// a session is issued.
    case enrollmentRequired(PendingSignIn)
}
