/// How a second factor was proved.
public enum SecondFactorMethod: Sendable, Hashable {
    /// A time-based code from an authenticator app.
    case timeBasedCode
    /// A one-time recovery code, now spent; `remaining` codes are left.
    case recoveryCode(remaining: Int)
}
