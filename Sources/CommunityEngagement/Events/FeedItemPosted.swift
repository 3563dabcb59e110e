public import CommunityModel
public import Foundation

/// A post was written (it may be waiting for review: see `status`).
public struct FeedItemPosted: DomainEvent, Hashable {
    /// `"feed.itemPosted"`.
    public static let name = "feed.itemPosted"

    /// The post.
    public let itemID: ID<FeedItem>
    /// Its author.
    public let authorID: ID<User>
    /// What kind of post.
    public let kind: FeedItem.Kind
    /// Where it was posted.
    public let parent: FeedParent
    /// Its topics.
    public let topics: [String]
    /// Published or waiting for review.
    public let status: PublicationStatus
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(itemID: ID<FeedItem>, authorID: ID<User>, kind: FeedItem.Kind, parent: FeedParent, topics: [String], status: PublicationStatus, occurredAt: Date) {
        self.itemID = itemID
        self.authorID = authorID
        self.kind = kind
        self.parent = parent
        self.topics = topics
        self.status = status
        self.occurredAt = occurredAt
    }
}
