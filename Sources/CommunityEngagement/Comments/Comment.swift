public import CommunityModel
public import Foundation

/// A comment on a post, an answer or an idea.
public struct Comment: Entity, Hashable {
    public static let entityType: EntityType = "Comment"
    public static var indexedFields: [IndexedField<Comment>] {
        [
            IndexedField("subject") { .reference($0.subject.description) },
            IndexedField("authorID") { .reference($0.authorID.rawValue) },
        ]
    }

    public var id: ID<Comment>
    /// What it comments on.
    public var subject: ContentRef
    public var authorID: ID<User>
    /// Sanitised rich text.
    public var body: SanitizedHTML
    /// Members mentioned.
    public var mentionedMembers: [ID<User>]
    public var createdAt: Date
    public var editedAt: Date?
    public var status: PublicationStatus
    /// Members who like it.
    public var likers: Set<ID<User>>

    /// Creates a comment.
    public init(
        id: ID<Comment>, subject: ContentRef, authorID: ID<User>, body: SanitizedHTML, mentionedMembers: [ID<User>] = [],
        createdAt: Date, editedAt: Date? = nil, status: PublicationStatus = .published, likers: Set<ID<User>> = []
    ) {
        self.id = id
        self.subject = subject
        self.authorID = authorID
        self.body = body
        self.mentionedMembers = mentionedMembers
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.status = status
        self.likers = likers
    }
}
