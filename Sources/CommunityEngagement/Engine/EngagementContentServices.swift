public import CommunityModel

/// What Engagement needs from CommunityContent: search for suggestions while asking, and
/// drafting knowledge articles from answers. ``ContentServicesAdapter`` implements it over
/// CommunityContent; hosts may supply their own.
public protocol EngagementContentServices: Sendable {
    /// Articles (and indexed questions) matching `text` that `viewer` may see, best first.
    func suggestions(for text: String, viewer: ID<User>, limit: Int) throws -> [ContentSuggestion]
    /// Makes the question searchable (called when it is asked), in the asker's locale.
    func indexQuestion(_ question: Question, locale: String) throws
    /// Creates a draft article from an answer, linked to its question; returns the article id.
    func draftArticle(title: String, body: SanitizedHTML, author: ID<User>, question: ID<Question>) throws -> String
}

/// A search hit suggested while asking a question.
public struct ContentSuggestion: Hashable, Sendable {
    /// What was found.
    public enum Kind: String, Hashable, Sendable { case article, question }
    public var kind: Kind
    /// The article's or question's id.
    public var id: String
    public var title: String
    /// Relevance (higher is better; comparable only within one result list).
    public var score: Double

    /// Creates a suggestion.
    public init(kind: Kind, id: String, title: String, score: Double) {
        self.kind = kind
        self.id = id
        self.title = title
        self.score = score
    }
}
