/// The outcome of a correct password.
public enum SignInResult: Hashable, Sendable {
    /// Signed in: set the session cookie.
    case signedIn(IssuedSession)
    /// The user must give a second factor before a session is issued.
    case secondFactorRequired(PendingSignIn)
}
