public import CommunityModel
public import Foundation

/// One entry of an item's history: the text before an edit, a delete or a moderator's change.
public struct Revision: Entity, Hashable {
    public static let entityType: EntityType = "Revision"
    public static var indexedFields: [IndexedField<Revision>] {
        [IndexedField("subject") { .reference($0.subject.description) }]
    }

    /// What happened.
    public enum Change: String, Hashable, Sendable, Codable {
        case edited, deleted, moderated
    }

    public var id: ID<Revision>
    public var subject: ContentRef
    /// The text before the change.
    public var previousBody: String
    /// Who changed it.
    public var changedBy: ID<User>
    public var change: Change
    public var at: Date

    /// Creates a revision.
    public init(
        id: ID<Revision>, subject: ContentRef, previousBody: String, changedBy: ID<User>, change: Change, at: Date
    ) {
        self.id = id
        self.subject = subject
        self.previousBody = previousBody
        self.changedBy = changedBy
        self.change = change
        self.at = at
    }
}
