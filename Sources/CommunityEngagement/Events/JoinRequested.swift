public import CommunityModel
public import Foundation

/// A member asked to join a private group.
public struct JoinRequested: DomainEvent, Hashable {
    /// `"group.joinRequested"`.
    public static let name = "group.joinRequested"

    /// The group.
    public let groupID: ID<CommunityGroup>
    /// Who asked.
    public let memberID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(groupID: ID<CommunityGroup>, memberID: ID<User>, occurredAt: Date) {
        self.groupID = groupID
        self.memberID = memberID
        self.occurredAt = occurredAt
    }
}
