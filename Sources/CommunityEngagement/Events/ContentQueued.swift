public import CommunityModel
public import Foundation

/// Content entered the moderation queue (flags, a keyword rule, pre-moderation, a rate limit).
public struct ContentQueued: DomainEvent, Hashable {
    /// `"moderation.contentQueued"`.
    public static let name = "moderation.contentQueued"

    /// The queue entry.
    public let caseID: ID<ModerationCase>
    /// The content.
    public let subject: ContentRef
    /// Its author.
    public let authorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(caseID: ID<ModerationCase>, subject: ContentRef, authorID: ID<User>, occurredAt: Date) {
        self.caseID = caseID
        self.subject = subject
        self.authorID = authorID
        self.occurredAt = occurredAt
    }
}
