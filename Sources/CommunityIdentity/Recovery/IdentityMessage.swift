public import CommunityModel

/// A message the identity service asks the host to deliver, usually by e-mail.
///
/// It carries the link path with the token (for example `/account/reset?token=…`); the host
/// prefixes its site's origin and wraps it in its own template. The token is in ``linkPath``
/// only: don't log the message.
public struct IdentityMessage: Hashable, Sendable, CustomStringConvertible {
    /// What the message is for.
    public enum Purpose: String, Hashable, Sendable {
        /// A password reset link.
        case passwordReset
        /// An e-mail verification link.
        case emailVerification
    }

    /// What the message is for.
    public let purpose: Purpose
    /// The recipient.
    public let userID: ID<User>
    /// The address to send to.
    public let email: String
    /// The site the request came from, if any.
    public let siteID: String?
    /// The site-relative link with the token in its query.
    public let linkPath: String

    /// Creates a message.
    public init(purpose: Purpose, userID: ID<User>, email: String, siteID: String?, linkPath: String) {
        self.purpose = purpose
        self.userID = userID
        self.email = email
        self.siteID = siteID
        self.linkPath = linkPath
    }

    /// Redacts the link (it holds a secret).
    public var description: String { "IdentityMessage(\(purpose.rawValue), user: \(userID))" }
}
