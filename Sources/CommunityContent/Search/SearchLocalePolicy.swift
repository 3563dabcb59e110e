/// How a query's locale (`SearchQuery.locale`) orders documents of different languages.
///
/// Documents in the query's language rank first. A document in another language ranks
/// above one in the query's language only when its score is at least `foreignScoreRatio`
/// times higher (their scores are divided by it). Once the query's language has
/// `minimumLocalResults` matches, documents in other languages that outrank none of the
/// shown same-language matches are left out (and not counted in `totalCount`); with fewer,
/// they fill the results, ranked by their divided scores. A query without a locale ranks every
/// language alike.
public struct SearchLocalePolicy: Sendable, Hashable {
    /// How many times better a document in another language must match to rank above one in
    /// the query's language (1 ranks every language alike).
    public var foreignScoreRatio: Double
    /// Below this many same-language matches, documents in other languages fill the results.
    public var minimumLocalResults: Int

    /// Creates a policy.
    public init(foreignScoreRatio: Double = 2.5, minimumLocalResults: Int = 3) {
        self.foreignScoreRatio = foreignScoreRatio
        self.minimumLocalResults = minimumLocalResults
    }

    /// Every language alike: no preference for the query's locale.
    public static let languageBlind = SearchLocalePolicy(foreignScoreRatio: 1, minimumLocalResults: 0)

    /// Whether the policy prefers the query's language at all.
    var prefersLocale: Bool { foreignScoreRatio > 1 || minimumLocalResults > 0 }
}
