public import CommunityModel
public import Foundation

/// Member content was deleted by its author (the text is kept as a ``Revision``).
public struct ContentDeleted: DomainEvent, Hashable {
    /// `"content.deleted"`.
    public static let name = "content.deleted"

    /// What was deleted.
    public let subject: ContentRef
    /// Who deleted it.
    public let deletedBy: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(subject: ContentRef, deletedBy: ID<User>, occurredAt: Date) {
        self.subject = subject
        self.deletedBy = deletedBy
        self.occurredAt = occurredAt
    }
}
