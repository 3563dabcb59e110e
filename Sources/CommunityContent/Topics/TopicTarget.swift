/// Something a topic can be assigned to: an article, question, idea or file, named by its
/// search document type and id.
public struct TopicTarget: Sendable, Hashable, Codable {
    /// The kind of item (`article`, `question`, `idea`, `file`).
    public var type: SearchDocumentType
    /// The item's id (for articles, the article id).
    public var id: String

    /// Creates a target.
    public init(type: SearchDocumentType, id: String) {
        self.type = type
        self.id = id
    }

    var key: String { "\(type.name):\(id)" }
}
