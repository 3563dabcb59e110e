/// A session just issued (at sign-in or rotation): the token to set in the client's cookie,
/// shown once and never stored, and the session's context.
public struct IssuedSession: Hashable, Sendable, CustomStringConvertible {
    /// The session token (43 base64url characters) for ``SessionCookie/setCookie(token:maxAge:)``.
    public let token: String
    /// The session.
    public let context: SessionContext
    /// Seconds until the session's absolute expiry, for the cookie's `Max-Age`.
    public let maxAge: Int

    /// Creates an issued session.
    public init(token: String, context: SessionContext, maxAge: Int) {
        self.token = token
        self.context = context
        self.maxAge = maxAge
    }

    /// Redacts the token.
    public var description: String { "IssuedSession(\(context.sessionID), user: \(context.userID), site: \(context.siteID))" }
}
