public import CommunityModel
public import Foundation

/// A member joined, left, was added, removed or changed role in a group.
public struct GroupMembershipChanged: DomainEvent, Hashable {
    /// `"group.membershipChanged"`.
    public static let name = "group.membershipChanged"

    /// The group.
    public let groupID: ID<CommunityGroup>
    /// The member.
    public let memberID: ID<User>
    /// The role now, `nil` when no longer a member.
    public let role: GroupMembership.Role?
    /// Who made the change.
    public let changedBy: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(groupID: ID<CommunityGroup>, memberID: ID<User>, role: GroupMembership.Role?, changedBy: ID<User>, occurredAt: Date) {
        self.groupID = groupID
        self.memberID = memberID
        self.role = role
        self.changedBy = changedBy
        self.occurredAt = occurredAt
    }
}
