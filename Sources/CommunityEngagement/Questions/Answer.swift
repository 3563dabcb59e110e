public import CommunityModel
public import Foundation

/// An answer to a ``Question``.
public struct Answer: Entity, Hashable {
    public static let entityType: EntityType = "Answer"
    public static var indexedFields: [IndexedField<Answer>] {
        [
            IndexedField("questionID") { .reference($0.questionID.rawValue) },
            IndexedField("authorID") { .reference($0.authorID.rawValue) },
        ]
    }

    public var id: ID<Answer>
    /// The question answered.
    public var questionID: ID<Question>
    /// Who answered.
    public var authorID: ID<User>
    /// Sanitised rich text.
    public var body: SanitizedHTML
    /// When it was written.
    public var createdAt: Date
    /// Members who upvoted it (each counted once).
    public var upvoters: Set<ID<User>>
    /// Whether it is the question's best answer.
    public var isBest: Bool
    /// Whether it is shown (moderation can hold or remove it).
    public var publication: PublicationStatus
    /// When it was last edited.
    public var editedAt: Date?

    /// Creates an answer.
    public init(
        id: ID<Answer>, questionID: ID<Question>, authorID: ID<User>, body: SanitizedHTML, createdAt: Date,
        upvoters: Set<ID<User>> = [], isBest: Bool = false,
        publication: PublicationStatus = .published, editedAt: Date? = nil
    ) {
        self.id = id
        self.questionID = questionID
        self.authorID = authorID
        self.body = body
        self.createdAt = createdAt
        self.upvoters = upvoters
        self.isBest = isBest
        self.publication = publication
        self.editedAt = editedAt
    }
}
