/// One judged query of the benchmark's JSON format.
///
/// `language` and `category`, when given, group the results in the per-language and
/// per-category breakdowns.
public struct JudgedQuery: Codable, Sendable, Hashable {
    /// The query as a user types it.
    public var query: String
    /// The viewer's locale.
    public var locale: String?
    /// The judged documents.
    public var relevant: RelevanceJudgments
    /// The query's language for the breakdown (`en`, `de`, …).
    public var language: String?
    /// The query's category for the breakdown (`typo`, `paraphrase`, …).
    public var category: String?

    /// Creates a judged query.
    public init(
        query: String, locale: String? = nil, relevant: RelevanceJudgments, language: String? = nil,
        category: String? = nil
    ) {
        self.query = query
        self.locale = locale
        self.relevant = relevant
        self.language = language
        self.category = category
    }
}
