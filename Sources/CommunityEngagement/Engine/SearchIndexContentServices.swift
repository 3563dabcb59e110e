public import CommunityContent
public import CommunityModel

/// ``EngagementContentServices`` over CommunityContent's ``SearchIndex``: suggestions come from
/// articles and questions in the index, questions are indexed as `question` documents
/// (questions in a group carry the group's access key, ``SearchAccessKey/group(_:)``), and
/// drafting articles goes through `draftArticle` (Content's article API, supplied by the host).
public struct SearchIndexContentServices: EngagementContentServices {
    /// The index to search and feed.
    public let index: any SearchIndex
    /// The access keys a member holds in the index (channels, categories, groups).
    public let viewer: @Sendable (ID<User>) -> SearchViewer
    /// Whether ``indexQuestion(_:locale:)`` writes the question's document; `false` when an
    /// ``EngagementSearchIndexer`` follows the store and indexes questions itself.
    public let indexesQuestions: Bool
    /// Creates a draft article and returns its id; `nil` refuses drafting.
    public let drafter: (@Sendable (_ title: String, _ body: SanitizedHTML, _ author: ID<User>, _ question: ID<Question>) throws -> String)?

    /// Creates the adapter.
    public init(
        index: any SearchIndex, indexesQuestions: Bool = true, viewer: @escaping @Sendable (ID<User>) -> SearchViewer,
        drafter: (@Sendable (_ title: String, _ body: SanitizedHTML, _ author: ID<User>, _ question: ID<Question>) throws -> String)? = nil
    ) {
        self.index = index
        self.indexesQuestions = indexesQuestions
        self.viewer = viewer
        self.drafter = drafter
    }

    public func suggestions(for text: String, viewer member: ID<User>, limit: Int) throws -> [ContentSuggestion] {
        let query = SearchQuery(text, types: [.article, .question], limit: limit, highlight: false)
        return try index.search(query, as: viewer(member)).hits.map { hit in
            ContentSuggestion(kind: hit.key.type == .question ? .question : .article, id: hit.key.id, title: hit.title, score: hit.score)
        }
    }

    public func indexQuestion(_ question: Question, locale: String) throws {
        guard indexesQuestions else { return }
        let visibility: SearchVisibility = question.groupID.map { .anyOf([SearchAccessKey.group($0.rawValue)]) } ?? .everyone
        try index.upsert(SearchDocument(
            type: .question, id: question.id.rawValue, locale: locale, title: question.title,
            body: RichTextSanitizer.plainText(question.body.html), topics: question.topics, visibility: visibility,
            createdAt: question.createdAt))
    }

    public func draftArticle(title: String, body: SanitizedHTML, author: ID<User>, question: ID<Question>) throws -> String {
        guard let drafter else { throw EngagementError.notAllowed(action: "draft articles", subject: "without an article drafter") }
        return try drafter(title, body, author, question)
    }
}
