public import CommunityModel
public import Foundation

/// A member took back a like.
public struct ContentUnliked: DomainEvent, Hashable {
    /// `"content.unliked"`.
    public static let name = "content.unliked"

    /// What was unliked.
    public let subject: ContentRef
    /// Who unliked it.
    public let likerID: ID<User>
    /// The content's author.
    public let authorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(subject: ContentRef, likerID: ID<User>, authorID: ID<User>, occurredAt: Date) {
        self.subject = subject
        self.likerID = likerID
        self.authorID = authorID
        self.occurredAt = occurredAt
    }
}
