public import Foundation

/// A self-registration waiting for review, as the registration queue lists it.
public struct PendingRegistrationSummary: Sendable, Hashable {
    /// The registration's id.
    public var id: String
    /// The name the guest gave (screened by moderation).
    public var name: String
    /// The e-mail address the guest gave.
    public var email: String
    /// When the guest registered.
    public var requested: Date

    /// A summary.
    public init(id: String, name: String, email: String, requested: Date) {
        self.id = id
        self.name = name
        self.email = email
        self.requested = requested
    }
}
