public import CommunityModel
public import Foundation

/// Something security-relevant the identity service did, for the host's log or metrics (via
/// ``IdentityService``'s `onSecurityEvent`). Never carries a password or token.
public struct SecurityEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable {
        /// A sign-in was refused (``reason`` says why; the client is told only
        /// ``IdentityError/invalidCredentials``).
        case signInFailed
        /// An account or client address crossed its lockout threshold.
        case lockedOut
        /// A sign-in succeeded (a session was issued, or a second factor is awaited).
        case signedIn
        /// A second-factor code was refused.
        case secondFactorFailed
        /// A password was set or changed.
        case passwordChanged
        /// A password reset link was issued.
        case passwordResetRequested
        /// A password was reset with a token (every session of the user was ended).
        case passwordReset
        /// A reset, verification or pending token was refused.
        case tokenRejected
        /// An e-mail address was verified.
        case emailVerified
        /// A session's token was rotated.
        case sessionRotated
        /// A session ended by sign-out.
        case signedOut
        /// Every session of a user ended.
        case signedOutEverywhere
        /// The host's notifier failed to take a message.
        case notificationFailed
    }

    /// Why a sign-in or request failed (for the host only).
    public enum Reason: String, Hashable, Sendable {
        /// No active user has the identifier.
        case unknownUser
        /// The password was wrong.
        case wrongPassword
        /// The account is in backoff after repeated failures.
        case accountLocked
        /// The client address is in backoff after repeated failures.
        case clientThrottled
        /// The user is not a member of the site.
        case notMember
        /// The user has no password credential.
        case noCredential
        /// The password was longer than any policy allows.
        case oversizeInput
        /// A request came too soon after the previous one and was ignored.
        case throttled
    }

    /// What happened.
    public let kind: Kind
    /// Why, for failures.
    public let reason: Reason?
    /// The user concerned, when known.
    public let userID: ID<User>?
    /// The site, when known.
    public let siteID: String?
    /// The client address given by the host (at most 64 characters), when known.
    public let clientAddress: String?
    /// When it happened.
    public let date: Date

    /// Creates an event.
    public init(kind: Kind, reason: Reason? = nil, userID: ID<User>? = nil, siteID: String? = nil, clientAddress: String? = nil, date: Date) {
        self.kind = kind
        self.reason = reason
        self.userID = userID
        self.siteID = siteID
        self.clientAddress = clientAddress.map { String($0.prefix(64)) }
        self.date = date
    }
}
