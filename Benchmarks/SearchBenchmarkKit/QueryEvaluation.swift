import Foundation

/// One query's ranking and its scores: a line of the `--rankings` JSON lines file.
public struct QueryEvaluation: Codable, Sendable, Hashable {
    /// One ranked result.
    public struct RankedDocument: Codable, Sendable, Hashable {
        /// The document id.
        public var id: String
        /// Its locale.
        public var locale: String
        /// Its ranking score.
        public var score: Double
        /// Its judged grade (0 when not judged relevant).
        public var grade: Int

        /// Creates a ranked result.
        public init(id: String, locale: String, score: Double, grade: Int) {
            self.id = id
            self.locale = locale
            self.score = score
            self.grade = grade
        }
    }

    /// The query text.
    public var query: String
    /// The viewer's locale.
    public var locale: String?
    /// The query's breakdown language.
    public var language: String?
    /// The query's breakdown category.
    public var category: String?
    /// The judged grades.
    public var relevant: RelevanceJudgments
    /// The top results, best first.
    public var ranked: [RankedDocument]
    /// 1 / rank of the first relevant result in the top 10 (0 if none).
    public var reciprocalRank: Double
    /// nDCG@10 with gain 2^grade − 1.
    public var ndcg: Double
    /// Share of relevant documents in the top 10.
    public var recall: Double

    /// Scores a ranking (ids with locale and score, best first) against a judged query.
    public init(judged: JudgedQuery, ranking: [(id: String, locale: String, score: Double)], cutoff: Int = 10) {
        let top = Array(ranking.prefix(max(0, cutoff)))
        query = judged.query
        locale = judged.locale
        language = judged.language
        category = judged.category
        relevant = judged.relevant
        ranked = top.map { RankedDocument(id: $0.id, locale: $0.locale, score: $0.score, grade: judged.relevant.grade(of: $0.id)) }
        let relevantIDs = judged.relevant.relevantIDs
        if let first = ranked.firstIndex(where: { $0.grade > 0 }) {
            reciprocalRank = 1 / Double(first + 1)
        } else {
            reciprocalRank = 0
        }
        func gain(_ grade: Int) -> Double { pow(2, Double(grade)) - 1 }
        func discount(_ index: Int) -> Double { 1 / log2(Double(index + 2)) }
        let dcg = ranked.enumerated().reduce(0.0) { $0 + gain($1.element.grade) * discount($1.offset) }
        let ideal = judged.relevant.grades.values.filter { $0 > 0 }.sorted(by: >).prefix(max(0, cutoff))
            .enumerated().reduce(0.0) { $0 + gain($1.element) * discount($1.offset) }
        ndcg = ideal > 0 ? dcg / ideal : 0
        recall = relevantIDs.isEmpty ? 0 : Double(ranked.filter { $0.grade > 0 }.count) / Double(relevantIDs.count)
    }

    /// The JSON line of this evaluation (keys sorted, no line break inside).
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
