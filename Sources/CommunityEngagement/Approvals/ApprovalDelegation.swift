public import CommunityModel
public import Foundation

/// A user's delegated approver: while active, the delegate may approve or reject whatever
/// the user could. Stored with the delegating user's id.
public struct ApprovalDelegation: Entity, Hashable {
    public static let entityType: EntityType = "ApprovalDelegation"
    public var id: ID<ApprovalDelegation>
    /// Who delegates.
    public var userID: ID<User>
    /// Who acts for them.
    public var delegateID: ID<User>
    /// From when (inclusive); `nil` means already.
    public var from: Date?
    /// Until when (exclusive); `nil` means until removed.
    public var until: Date?

    /// Creates a delegation.
    public init(userID: ID<User>, delegateID: ID<User>, from: Date? = nil, until: Date? = nil) {
        self.id = Self.id(for: userID)
        self.userID = userID
        self.delegateID = delegateID
        self.from = from
        self.until = until
    }

    /// The delegation record's id for a user.
    public static func id(for user: ID<User>) -> ID<ApprovalDelegation> { user.retyped() }

    /// Whether it applies at `date`.
    public func isActive(at date: Date) -> Bool {
        if let from, date < from { return false }
        if let until, date >= until { return false }
        return true
    }
}
