public import CommunityModel
public import Foundation

/// What sign-in hands back when a second factor is required: a short-lived token to present
/// with the code to ``IdentityService/completeSecondFactor(_:code:clientAddress:)``.
public struct PendingSignIn: Hashable, Sendable, CustomStringConvertible {
    /// The pending token (keep it in a short-lived cookie or hidden form field).
    public let token: String
    /// The user signing in (to show which factor to ask for).
    public let userID: ID<User>
    /// When the pending sign-in stops working.
    public let expiresAt: Date

    /// Creates a pending sign-in.
    public init(token: String, userID: ID<User>, expiresAt: Date) {
        self.token = token
        self.userID = userID
        self.expiresAt = expiresAt
    }

    /// Redacts the token.
    public var description: String { "PendingSignIn(user: \(userID))" }
}
