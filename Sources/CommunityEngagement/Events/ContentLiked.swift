public import CommunityModel
public import Foundation

/// A member liked a post, comment or answer (upvotes on answers and questions are likes too).
public struct ContentLiked: DomainEvent, Hashable {
    /// `"content.liked"`.
    public static let name = "content.liked"

    /// What was liked.
    public let subject: ContentRef
    /// Who liked it.
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
