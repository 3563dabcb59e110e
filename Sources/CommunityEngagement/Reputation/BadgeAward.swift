public import CommunityModel
public import Foundation

/// A badge held by a member (once per badge and member).
public struct BadgeAward: Entity, Hashable {
    public static let entityType: EntityType = "BadgeAward"
    public static var indexedFields: [IndexedField<BadgeAward>] {
        [IndexedField("memberID") { .reference($0.memberID.rawValue) }]
    }

    public var id: ID<BadgeAward>
    public var badgeID: ID<Badge>
    public var memberID: ID<User>
    /// The manager, or `nil` when the criteria awarded it.
    public var awardedBy: ID<User>?
    public var reason: String
    public var at: Date

    /// The award's id: one per badge and member.
    public static func id(badge: ID<Badge>, member: ID<User>) -> ID<BadgeAward> {
        StableID.make(prefix: "ba", badge.rawValue, member.rawValue)
    }

    /// Creates an award.
    public init(badgeID: ID<Badge>, memberID: ID<User>, awardedBy: ID<User>?, reason: String, at: Date) {
        self.id = Self.id(badge: badgeID, member: memberID)
        self.badgeID = badgeID
        self.memberID = memberID
        self.awardedBy = awardedBy
        self.reason = reason
        self.at = at
    }
}
