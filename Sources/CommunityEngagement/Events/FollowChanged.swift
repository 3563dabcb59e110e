public import CommunityModel
public import Foundation

/// A member started or stopped following a feed.
public struct FollowChanged: DomainEvent, Hashable {
    /// `"follow.changed"`.
    public static let name = "follow.changed"

    /// The follower.
    public let memberID: ID<User>
    /// The feed.
    public let target: FeedKey
    /// Whether they follow it now.
    public let isFollowing: Bool
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(memberID: ID<User>, target: FeedKey, isFollowing: Bool, occurredAt: Date) {
        self.memberID = memberID
        self.target = target
        self.isFollowing = isFollowing
        self.occurredAt = occurredAt
    }
}
