public import CommunityModel
public import Foundation

/// Member content was edited (the previous text is kept as a ``Revision``).
public struct ContentEdited: DomainEvent, Hashable {
    /// `"content.edited"`.
    public static let name = "content.edited"

    /// What was edited.
    public let subject: ContentRef
    /// Who edited it.
    public let editorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(subject: ContentRef, editorID: ID<User>, occurredAt: Date) {
        self.subject = subject
        self.editorID = editorID
        self.occurredAt = occurredAt
    }
}
