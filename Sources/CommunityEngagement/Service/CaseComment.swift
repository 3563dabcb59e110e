public import CommunityModel
public import Foundation

/// A comment on a case: public ones the member sees, internal ones only agents see.
public struct CaseComment: Entity, Hashable {
    public static let entityType: EntityType = "CaseComment"
    public static var indexedFields: [IndexedField<CaseComment>] {
        [IndexedField("caseID") { .reference($0.caseID.rawValue) }]
    }

    public var id: ID<CaseComment>
    /// The case.
    public var caseID: ID<Case>
    /// Who wrote it.
    public var authorID: ID<User>
    /// Plain text (rendering escapes it).
    public var body: String
    /// Whether the member sees it.
    public var isPublic: Bool
    /// When it was written.
    public var createdAt: Date
    /// Its position among the case's comments, from 1.
    public var sequence: Int

    /// Creates a comment.
    public init(
        id: ID<CaseComment>, caseID: ID<Case>, authorID: ID<User>, body: String, isPublic: Bool, createdAt: Date,
        sequence: Int
    ) {
        self.id = id
        self.caseID = caseID
        self.authorID = authorID
        self.body = body
        self.isPublic = isPublic
        self.createdAt = createdAt
        self.sequence = sequence
    }
}
