public import CommunityModel
public import Foundation

/// What a valid session token says about a request: who, which session, which site.
public struct SessionContext: Hashable, Sendable {
    /// The signed-in user.
    public let userID: ID<User>
    /// The session's id, stable across token rotation (bind CSRF tokens to it).
    public let sessionID: ID<Session>
    /// The site the session belongs to.
    public let siteID: String
    /// When the user signed in.
    public let signedInAt: Date
    /// When the session ends at the latest.
    public let expiresAt: Date
    /// The privilege fingerprint recorded for the session's token (see ``Session/privileges``).
    public var privileges: String?

    /// Creates a context.
    public init(userID: ID<User>, sessionID: ID<Session>, siteID: String, signedInAt: Date, expiresAt: Date) {
        self.userID = userID
        self.sessionID = sessionID
        self.siteID = siteID
        self.signedInAt = signedInAt
        self.expiresAt = expiresAt
    }

    init(_ session: Session) {
        self.init(
            userID: session.userID, sessionID: session.id, siteID: session.siteID, signedInAt: session.createdAt,
            expiresAt: session.expiresAt)
        self.privileges = session.privileges
    }
}
