public import CommunityModel
public import Foundation

/// A member's place in a group.
public struct GroupMembership: Entity, Hashable {
    public static let entityType: EntityType = "GroupMembership"
    public static var indexedFields: [IndexedField<GroupMembership>] {
        [
            IndexedField("groupID") { .reference($0.groupID.rawValue) },
            IndexedField("memberID") { .reference($0.memberID.rawValue) },
        ]
    }

    /// What the member may do in the group.
    public enum Role: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case member, manager, owner
        public static func < (lhs: Role, rhs: Role) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    public var id: ID<GroupMembership>
    public var groupID: ID<CommunityGroup>
    public var memberID: ID<User>
    public var role: Role
    public var joinedAt: Date

    /// The membership's id: one per group and member.
    public static func id(group: ID<CommunityGroup>, member: ID<User>) -> ID<GroupMembership> {
        StableID.make(prefix: "gm", group.rawValue, member.rawValue)
    }

    /// Creates a membership.
    public init(groupID: ID<CommunityGroup>, memberID: ID<User>, role: Role, joinedAt: Date) {
        self.id = Self.id(group: groupID, member: memberID)
        self.groupID = groupID
        self.memberID = memberID
        self.role = role
        self.joinedAt = joinedAt
    }
}
