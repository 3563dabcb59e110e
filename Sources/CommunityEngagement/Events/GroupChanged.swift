public import CommunityModel
public import Foundation

/// A group was created or its settings changed (visibility, archive, announcement, limit).
public struct GroupChanged: DomainEvent, Hashable {
    /// `"group.changed"`.
    public static let name = "group.changed"

    /// The group.
    public let groupID: ID<CommunityGroup>
    /// Who changed it.
    public let changedBy: ID<User>
    /// What changed, such as `created`, `archived`, `announcement`.
    public let change: String
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(groupID: ID<CommunityGroup>, changedBy: ID<User>, change: String, occurredAt: Date) {
        self.groupID = groupID
        self.changedBy = changedBy
        self.change = change
        self.occurredAt = occurredAt
    }
}
