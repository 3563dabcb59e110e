/// How a query's locale (``SearchQuery/locale``) orders documents of different languages.
///
/// Documents in the query's language (same language code: `en_US` and `en_GB` are one
/// language) rank first: a document in another language ranks above one in the query's
/// language only when its score is more than ``foreignMargin`` times higher. Documents are
/// ranked, never hidden: every match counts in `totalCount` and every page agrees with every
/// other, whatever the page size; when the query's language has few matches, the other
/// languages' matches follow them. A query without a locale ranks every language alike, and
/// so does ``languageBlind``. To show one language only, filter with ``SearchQuery/locales``.
public struct SearchLocalePolicy: Sendable, Hashable {
    /// How many times better a document in another language must match to rank above one in
    /// the query's language (1: every language alike).
    public var foreignMargin: Double

    /// Creates a policy.
    public init(foreignMargin: Double = 2.5) {
        self.foreignMargin = foreignMargin
    }

    /// Every language alike: no preference for the query's locale.
    public static let languageBlind = SearchLocalePolicy(foreignMargin: 1)

    /// The language part of a locale, lowercased: `en_US` → `en`.
    static func languageCode(_ locale: String) -> String {
        locale.prefix { $0 != "_" && $0 != "-" }.lowercased()
    }

    /// The factor a document in the query's language gets (at least 1).
    var localFactor: Double { foreignMargin.isFinite ? max(1, foreignMargin) : 1 }
}
