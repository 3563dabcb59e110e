public import CommunityModel
public import Foundation

/// A comment was written on a post, an answer or an idea.
public struct CommentPosted: DomainEvent, Hashable {
    /// `"comment.posted"`.
    public static let name = "comment.posted"

    /// The comment.
    public let commentID: ID<Comment>
    /// What it comments on.
    public let subject: ContentRef
    /// Its author.
    public let authorID: ID<User>
    /// The author of what it comments on.
    public let subjectAuthorID: ID<User>
    /// Published or waiting for review.
    public let status: PublicationStatus
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(commentID: ID<Comment>, subject: ContentRef, authorID: ID<User>, subjectAuthorID: ID<User>, status: PublicationStatus, occurredAt: Date) {
        self.commentID = commentID
        self.subject = subject
        self.authorID = authorID
        self.subjectAuthorID = subjectAuthorID
        self.status = status
        self.occurredAt = occurredAt
    }
}
