public import CommunityModel
public import Foundation

/// A member's standing with the moderators: frozen (by a rule or a moderator) or suspended
/// until a time. Members without a standing row are in good standing.
public struct MemberStanding: Entity, Hashable {
    public static let entityType: EntityType = "MemberStanding"

    /// Same string as the member's id.
    public var id: ID<MemberStanding>
    public var memberID: ID<User>
    /// Frozen members may read but not write, until unfrozen.
    public var isFrozen: Bool
    /// Why, for moderators.
    public var reason: String
    /// Suspended members may not write until this time.
    public var suspendedUntil: Date?

    /// Creates a standing for `memberID`.
    public init(memberID: ID<User>, isFrozen: Bool = false, reason: String = "", suspendedUntil: Date? = nil) {
        self.id = memberID.retyped()
        self.memberID = memberID
        self.isFrozen = isFrozen
        self.reason = reason
        self.suspendedUntil = suspendedUntil
    }
}
