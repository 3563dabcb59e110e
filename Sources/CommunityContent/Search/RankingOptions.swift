/// The knobs of the ranking function: BM25F with field weights, plus boosts.
public struct RankingOptions: Sendable, Hashable {
    /// Weight of a title occurrence.
    public var titleWeight: Double = 3.0
    /// Weight of a summary occurrence.
    public var summaryWeight: Double = 1.6
    /// Weight of a body occurrence.
    public var bodyWeight: Double = 1.0
    /// BM25 term-frequency saturation.
    public var k1: Double = 1.2
    /// BM25 length normalisation.
    public var b: Double = 0.75
    /// Score factor of a match with one typo.
    public var oneTypoFactor: Double = 0.6
    /// Score factor of a match with two typos.
    public var twoTypoFactor: Double = 0.4
    /// Score factor of a compound-part match (query "Rechnung", term "rechnungsadresse").
    public var compoundFactor: Double = 0.7
    /// Score factor of a prefix match (autocomplete).
    public var prefixFactor: Double = 0.8
    /// Weight of context words (a case description) relative to query words.
    public var contextWeight: Double = 0.35
    /// How strongly matching more of the query's words lifts a document (0 = not at all).
    public var coordinationWeight: Double = 0.7
    /// Relative boost of a brand-new document over an old one (0 disables recency).
    public var recencyBoost: Double = 0.1
    /// Age in days at which the recency boost halves.
    public var recencyHalfLifeDays: Double = 90
    /// Relative boost of a popular document (0 disables popularity).
    public var popularityBoost: Double = 0.1
    /// How the query's locale orders documents of other languages (see ``SearchLocalePolicy``).
    public var localePolicy = SearchLocalePolicy()
    /// Score factor of a match through a synonym group (a little below the word as typed).
    public var synonymFactor: Double = 0.9
    /// Score factor of a match of the query's words joined or split ("web hooks" finding
    /// "webhooks", "webhook" finding "web hook").
    public var spellingFactor: Double = 0.9
    /// A query word found exactly in at least this many documents is not expanded with
    /// typo variants (it is evidently spelt as the documents spell it). `Int.max` expands
    /// every word.
    public var typoSkipFrequency: Int = 3
    /// Most typo, prefix or compound expansions per query word.
    public var maxExpansions: Int = 24
    /// The largest score factor a ``SearchQuery/boosts`` entry may give a document.
    public var maxDocumentBoost: Double = 1.5

    /// The defaults.
    public init() {}

    /// Whether every factor of a score grows with the text score and the matched words, so a
    /// search may skip documents whose upper bound cannot reach its top hits (non-negative,
    /// finite weights and boosts; a coordination weight within 0…1).
    var prunesSafely: Bool {
        let factors = [
            titleWeight, summaryWeight, bodyWeight, k1, recencyBoost, popularityBoost, oneTypoFactor, twoTypoFactor,
            compoundFactor, prefixFactor, contextWeight, synonymFactor, spellingFactor,
        ]
        return factors.allSatisfy { $0.isFinite && $0 >= 0 } && (0...1).contains(coordinationWeight)
            && recencyHalfLifeDays.isFinite
    }
}
