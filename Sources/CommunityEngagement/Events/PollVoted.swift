public import CommunityModel
public import Foundation

/// A member chose (or changed) a poll choice.
public struct PollVoted: DomainEvent, Hashable {
    /// `"poll.voted"`.
    public static let name = "poll.voted"

    /// The poll post.
    public let itemID: ID<FeedItem>
    /// The voter.
    public let voterID: ID<User>
    /// The choice index.
    public let choice: Int
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(itemID: ID<FeedItem>, voterID: ID<User>, choice: Int, occurredAt: Date) {
        self.itemID = itemID
        self.voterID = voterID
        self.choice = choice
        self.occurredAt = occurredAt
    }
}
