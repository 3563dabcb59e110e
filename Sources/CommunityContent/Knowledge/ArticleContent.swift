/// The text of one version: title, summary and body.
public struct ArticleContent: Sendable, Hashable, Codable {
    /// The title (plain text, required).
    public var title: String
    /// A short summary (plain text).
    public var summary: String
    /// The body.
    public var body: String

    /// Creates content.
    public init(title: String, summary: String = "", body: String = "") {
        self.title = title
        self.summary = summary
        self.body = body
    }

    /// Checks the title is present and every field fits its limit.
    func validate(locale: String, limits: KnowledgeLimits) throws(KnowledgeError) {
        if title.allSatisfy(\.isWhitespace) { throw .missingTitle(locale: locale) }
        for (field, text, limit) in [
            ("title", title, limits.title), ("summary", summary, limits.summary), ("body", body, limits.body),
        ] {
            let count = text.count
            if count > limit { throw .fieldTooLong(field: field, limit: limit, actual: count) }
        }
    }
}
