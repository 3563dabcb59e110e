/// The per-query adjustments a search applies besides text relevance: promoted documents,
/// which go first in the order given, and bounded per-document boosts.
struct QueryAdjustments {
    /// Promoted key → position in the promotion (0 first).
    let promotedRank: [SearchDocumentKey: Int]
    /// Boosts, clamped to 1…`maxDocumentBoost`.
    let boosts: [SearchDocumentKey: Double]
    /// The largest boost of this query (1 without boosts), for the top-hits bound.
    let maxBoost: Double

    /// A promoted document scores above every text score (BM25F scores stay far below it).
    static let promotedBase = 1e9

    init(_ query: SearchQuery, options: RankingOptions) {
        var rank: [SearchDocumentKey: Int] = [:]
        for (i, key) in query.promoted.enumerated() where rank[key] == nil { rank[key] = i }
        promotedRank = rank
        let ceiling = max(1, options.maxDocumentBoost.isFinite ? options.maxDocumentBoost : 1)
        var boosts: [SearchDocumentKey: Double] = [:]
        for (key, factor) in query.boosts where factor.isFinite && factor > 1 { boosts[key] = min(ceiling, factor) }
        self.boosts = boosts
        maxBoost = boosts.values.max() ?? 1
    }

    var isEmpty: Bool { promotedRank.isEmpty && boosts.isEmpty }

    /// Live promoted documents of a segment (they join the candidates even without a word match).
    func promotedDocuments(in segment: IndexSegment, deleted: [Bool]) -> [Int32] {
        guard !promotedRank.isEmpty else { return [] }
        return promotedRank.keys.compactMap { key in
            guard let d = segment.keyIndex[key], !deleted[Int(d)] else { return nil }
            return d
        }
    }

    /// The score of a promoted document, by its place in the promotion; `nil` when not promoted.
    func promotedScore(_ key: SearchDocumentKey) -> Double? {
        promotedRank[key].map { Self.promotedBase + Double(promotedRank.count - $0) }
    }

    /// The boost factor of a document (1 when it has none).
    func boost(_ key: SearchDocumentKey) -> Double { boosts[key] ?? 1 }
}
