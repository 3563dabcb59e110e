/// A search request: text, matching options, filters, facets and a page.
public struct SearchQuery: Sendable, Hashable {
    /// How words combine.
    public enum Matching: Sendable, Hashable {
        /// A document matches if it matches any word; more matched words rank higher.
        case anyWord
        /// A document must match every word (each Hangul word through all its bigrams).
        case allWords
    }

    /// Facets the result can count.
    public enum Facet: String, Sendable, Hashable, CaseIterable, Codable {
        case category, locale, type, topic
    }

    /// The query text. Words in double quotes form a phrase that must occur in that order.
    /// An empty text with at least one filter (types, locales, categories, topics) lists
    /// every visible match, newest and most popular first; without a filter it matches nothing.
    public var text: String
    /// Extra context that helps ranking but need not match (a case description).
    public var context: String
    /// The viewer's locale: its language chooses stop words, and documents in it rank first.
    public var locale: String?
    /// How words combine.
    public var matching: Matching
    /// Whether the last word is a prefix (autocomplete).
    public var prefixLastWord: Bool
    /// Whether words may match with typos (1 edit for 4–7 characters, 2 from 8).
    public var typoTolerance: Bool
    /// Only these types (nil: all).
    public var types: Set<SearchDocumentType>?
    /// Only these locales (nil: all).
    public var locales: Set<String>?
    /// Only documents in any of these categories (nil: all).
    public var categories: Set<String>?
    /// Only documents with any of these topics (nil: all).
    public var topics: Set<String>?
    /// Facets to count over every visible match.
    public var facets: Set<Facet>
    /// Results to skip.
    public var offset: Int
    /// Results to return.
    public var limit: Int
    /// Whether hits carry highlighted HTML snippets.
    public var highlight: Bool
    /// Promoted results: documents shown first, in this order, marked ``SearchHit/isPromoted``,
    /// whether or not they match the words, but only when the viewer may see them and the
    /// filters admit them; each counts once in ``SearchResults/totalCount``, as any match does.
    public var promoted: [SearchDocumentKey] = []
    /// Score factors per document (such as boosts learned from clicks), each clamped to
    /// 1…``RankingOptions/maxDocumentBoost``; they reorder matches and never add one.
    public var boosts: [SearchDocumentKey: Double] = [:]

    /// Creates a query.
    public init(
        _ text: String, context: String = "", locale: String? = nil, matching: Matching = .anyWord,
        prefixLastWord: Bool = false, typoTolerance: Bool = true, types: Set<SearchDocumentType>? = nil,
        locales: Set<String>? = nil, categories: Set<String>? = nil, topics: Set<String>? = nil,
        facets: Set<Facet> = [], offset: Int = 0, limit: Int = 10, highlight: Bool = true
    ) {
        self.text = text
        self.context = context
        self.locale = locale
        self.matching = matching
        self.prefixLastWord = prefixLastWord
        self.typoTolerance = typoTolerance
        self.types = types
        self.locales = locales
        self.categories = categories
        self.topics = topics
        self.facets = facets
        self.offset = max(0, offset)
        self.limit = max(0, limit)
        self.highlight = highlight
    }
}

/// A page of search results.
public struct SearchResults: Sendable, Hashable {
    /// The hits of the page, best first.
    public var hits: [SearchHit]
    /// How many visible documents match in all.
    public var totalCount: Int
    /// Counts per facet value over every visible match, highest first.
    public var facets: [SearchQuery.Facet: [FacetCount]]

    /// Creates results.
    public init(hits: [SearchHit], totalCount: Int, facets: [SearchQuery.Facet: [FacetCount]] = [:]) {
        self.hits = hits
        self.totalCount = totalCount
        self.facets = facets
    }
}

/// One facet value and how many matches carry it.
public struct FacetCount: Sendable, Hashable {
    /// The value (a category id, locale, type name or topic id).
    public var value: String
    /// How many visible matches carry it.
    public var count: Int

    /// Creates a count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// One result.
public struct SearchHit: Sendable, Hashable {
    /// The document's key.
    public var key: SearchDocumentKey
    /// Its locale.
    public var locale: String
    /// Its title as plain text.
    public var title: String
    /// Its path, if the writer gave one.
    public var path: String?
    /// The ranking score (higher is better; comparable within one result only).
    public var score: Double
    /// The title as HTML-escaped text with hits in `<mark>`.
    public var titleHTML: String
    /// A short HTML-escaped passage of the summary or body with hits in `<mark>`.
    public var snippetHTML: String
    /// Whether it is a promoted result (``SearchQuery/promoted``).
    public var isPromoted: Bool = false

    /// Creates a hit.
    public init(
        key: SearchDocumentKey, locale: String, title: String, path: String?, score: Double, titleHTML: String,
        snippetHTML: String
    ) {
        self.key = key
        self.locale = locale
        self.title = title
        self.path = path
        self.score = score
        self.titleHTML = titleHTML
        self.snippetHTML = snippetHTML
    }
}
