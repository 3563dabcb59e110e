/// Mean MRR@10, nDCG@10 and recall@10 over query evaluations, overall and per group.
public struct EvaluationSummary: Sendable, Hashable {
    /// Mean scores of one group of queries.
    public struct Scores: Sendable, Hashable {
        /// How many queries.
        public var count: Int
        /// Mean reciprocal rank.
        public var mrr: Double
        /// Mean nDCG.
        public var ndcg: Double
        /// Mean recall.
        public var recall: Double

        /// Means over `evaluations` (zeros when empty).
        public init(_ evaluations: [QueryEvaluation]) {
            count = evaluations.count
            let n = Double(max(1, evaluations.count))
            mrr = evaluations.reduce(0) { $0 + $1.reciprocalRank } / n
            ndcg = evaluations.reduce(0) { $0 + $1.ndcg } / n
            recall = evaluations.reduce(0) { $0 + $1.recall } / n
        }
    }

    /// Scores over every query.
    public var overall: Scores
    /// Scores per query `language`, when any query carries one (others under "unspecified").
    public var byLanguage: [String: Scores]
    /// Scores per query `category`, when any query carries one (others under "unspecified").
    public var byCategory: [String: Scores]

    /// Summarises evaluations.
    public init(_ evaluations: [QueryEvaluation]) {
        overall = Scores(evaluations)
        func groups(_ field: (QueryEvaluation) -> String?) -> [String: Scores] {
            guard evaluations.contains(where: { field($0) != nil }) else { return [:] }
            return Dictionary(grouping: evaluations) { field($0) ?? "unspecified" }.mapValues(Scores.init)
        }
        byLanguage = groups(\.language)
        byCategory = groups(\.category)
    }
}
