public import Foundation

/// What the search index stores for one piece of content: an article, question, idea
/// or file, added by whichever layer owns it.
public struct SearchDocument: Sendable, Hashable, Codable {
    /// The document's identity in the index: its type and its id.
    public var key: SearchDocumentKey
    /// The locale of the text, such as `de_DE`; decides the text analysis.
    public var locale: String
    /// The title, weighted highest.
    public var title: String
    /// A summary or abstract, weighted below the title.
    public var summary: String
    /// The body as plain text (markup stripped by the caller), weighted lowest.
    public var body: String
    /// Data category ids (for filters and facets).
    public var categories: [String]
    /// Topic ids (for filters and facets).
    public var topics: [String]
    /// Who may see it; evaluated inside the index query.
    public var visibility: SearchVisibility
    /// When it was created.
    public var createdAt: Date
    /// When it last changed (feeds the recency boost).
    public var updatedAt: Date
    /// A non-negative popularity figure (views, votes); feeds the popularity boost.
    public var popularity: Double
    /// Where the host links to, such as the article's slug (returned with hits).
    public var path: String?

    /// The document's type.
    public var type: SearchDocumentType { key.type }
    /// The document's id within its type.
    public var id: String { key.id }

    /// Creates a document.
    public init(
        type: SearchDocumentType, id: String, locale: String, title: String, summary: String = "",
        body: String = "", categories: [String] = [], topics: [String] = [],
        visibility: SearchVisibility = .everyone, createdAt: Date, updatedAt: Date? = nil,
        popularity: Double = 0, path: String? = nil
    ) {
        self.key = SearchDocumentKey(type: type, id: id)
        self.locale = locale
        self.title = title
        self.summary = summary
        self.body = body
        self.categories = categories
        self.topics = topics
        self.visibility = visibility
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.popularity = popularity
        self.path = path
    }
}

/// The identity of a document in the index: type plus id.
public struct SearchDocumentKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The document's type.
    public var type: SearchDocumentType
    /// The id within the type.
    public var id: String

    /// Creates a key.
    public init(type: SearchDocumentType, id: String) {
        self.type = type
        self.id = id
    }

    public var description: String { "\(type.name):\(id)" }

    public static func < (lhs: SearchDocumentKey, rhs: SearchDocumentKey) -> Bool {
        (lhs.type.name, lhs.id) < (rhs.type.name, rhs.id)
    }
}

/// The kind of a searchable document: `article`, `question`, `idea`, `file`, `discussion`, or a host's own.
public struct SearchDocumentType: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The type's name.
    public var name: String

    /// Creates a type.
    public init(_ name: String) { self.name = name }
    /// Creates a type from a literal.
    public init(stringLiteral value: String) { self.name = value }

    /// Decodes the bare string form.
    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes the bare string form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }

    public var description: String { name }

    /// Knowledge articles.
    public static let article: SearchDocumentType = "article"
    /// Q&A questions (Engagement).
    public static let question: SearchDocumentType = "question"
    /// Ideas (Engagement).
    public static let idea: SearchDocumentType = "idea"
    /// Files.
    public static let file: SearchDocumentType = "file"
    /// Feed posts (Engagement's discussions; questions are indexed as ``question``).
    public static let discussion: SearchDocumentType = "discussion"
}
