public import CommunityModel
public import Foundation

/// Promoted results: an administrator pins items (articles, questions, ideas, discussions,
/// files) for keywords, and a search whose words contain a keyword shows them first, in order,
/// marked as promoted, to viewers who may see them (``SearchQuery/promoted``).
///
/// A keyword matches when its words occur, in order and next to each other, among the query's
/// words (case-insensitively; Korean words also with a particle: "환불을" matches "환불").
/// A promotion applies in one language (``locale``, compared by language) or in all, and only
/// from ``startsAt`` until before ``endsAt`` when they are set.
public struct SearchPromotion: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "SearchPromotion"
    /// The most keywords a promotion has.
    public static let maximumKeywords = 20
    /// The longest keyword, in characters.
    public static let maximumKeywordLength = 100
    /// The most items a promotion pins.
    public static let maximumItems = 10
    /// The kinds of item a promotion can pin.
    public static let kinds: Set<SearchDocumentType> = [.article, .question, .idea, .discussion, .file]

    /// One pinned item: its kind and id (an article's id, not one of its language versions).
    public struct Item: Sendable, Hashable, Codable {
        /// The kind: `article`, `question`, `idea`, `discussion` or `file`.
        public var kind: SearchDocumentType
        /// The id within the kind.
        public var id: String

        /// Creates an item.
        public init(kind: SearchDocumentType, id: String) {
            self.kind = kind
            self.id = id
        }

        /// The `kind:id` form (as click learning names items too).
        public var reference: String { "\(kind.name):\(id)" }

        /// Parses the `kind:id` form; `nil` when it has no colon or an empty side.
        public init?(reference: String) {
            guard let colon = reference.firstIndex(of: ":") else { return nil }
            let kind = reference[..<colon], id = reference[reference.index(after: colon)...]
            guard !kind.isEmpty, !id.isEmpty else { return nil }
            self.init(kind: SearchDocumentType(String(kind)), id: String(id))
        }
    }

    /// The identifier.
    public var id: ID<SearchPromotion>
    /// The keywords, normalised (lowercased, single spaces).
    public var keywords: [String]
    /// The locale whose language it applies in, or `nil` for every language.
    public var locale: String?
    /// The pinned items, first shown first.
    public var items: [Item]
    /// When it starts applying (`nil`: at once).
    public var startsAt: Date?
    /// When it stops applying (`nil`: never).
    public var endsAt: Date?

    /// Creates a promotion; keywords are normalised with ``normalize(_:)`` and empty ones dropped.
    public init(
        id: ID<SearchPromotion> = .generate(prefix: "sp"), keywords: [String], locale: String? = nil, items: [Item],
        startsAt: Date? = nil, endsAt: Date? = nil
    ) {
        self.id = id
        var seen = Set<String>()
        self.keywords = keywords.map(Self.normalize).filter { !$0.isEmpty && seen.insert($0).inserted }
        self.locale = locale.flatMap { $0.isEmpty ? nil : $0 }
        self.items = items
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// Lowercased words joined by single spaces.
    public static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// The words a keyword or query matches on: normalised, Hangul words without a particle.
    static func words(_ text: String) -> [String] {
        normalize(text).split(separator: " ").map { word in
            let word = String(word)
            return word.unicodeScalars.contains(where: HangulText.isHangul) ? HangulText.stripParticle(word) : word
        }
    }

    /// Whether it applies to a query in a locale at a moment.
    public func matches(_ query: String, locale queryLocale: String?, at moment: Date) -> Bool {
        if let startsAt, moment < startsAt { return false }
        if let endsAt, moment >= endsAt { return false }
        if let locale {
            guard let queryLocale, Self.language(locale) == Self.language(queryLocale) else { return false }
        }
        let queryWords = Self.words(query)
        return keywords.contains { keyword in
            let words = Self.words(keyword)
            guard !words.isEmpty, words.count <= queryWords.count else { return false }
            return (0...(queryWords.count - words.count)).contains { start in
                queryWords[start..<(start + words.count)].elementsEqual(words)
            }
        }
    }

    private static func language(_ locale: String) -> String {
        locale.prefix { $0 != "_" && $0 != "-" }.lowercased()
    }

    /// Checks the promotion, with a typed reason.
    ///
    /// - Throws: the first ``SearchPromotionError`` found.
    public func check() throws(SearchPromotionError) {
        if keywords.isEmpty { throw .noKeywords }
        if keywords.count > Self.maximumKeywords { throw .tooManyKeywords(keywords.count, limit: Self.maximumKeywords) }
        for keyword in keywords {
            if keyword.count > Self.maximumKeywordLength { throw .keywordTooLong(keyword, limit: Self.maximumKeywordLength) }
            if keyword.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { throw .invalidKeyword(keyword) }
        }
        if let locale, locale.count > 16 || !locale.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-") }) {
            throw .invalidLocale(locale)
        }
        if items.isEmpty { throw .noItems }
        if items.count > Self.maximumItems { throw .tooManyItems(items.count, limit: Self.maximumItems) }
        var seen = Set<Item>()
        for item in items {
            guard Self.kinds.contains(item.kind) else { throw .unknownKind(item.kind.name) }
            guard !item.id.isEmpty, item.id.count <= 128, !item.id.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw .invalidItemID(item.id)
            }
            guard seen.insert(item).inserted else { throw .duplicateItem(item.reference) }
        }
        if let startsAt, let endsAt, endsAt <= startsAt { throw .endsBeforeStart }
    }

    /// The store's check: ``check()``'s reason as a ``ValidationError``.
    public func validate() throws {
        do {
            try check()
        } catch {
            throw ValidationError(field: "SearchPromotion.\(error.field)", reason: .invalidValue(error.description))
        }
        for keyword in keywords { try Check.text(keyword, field: "SearchPromotion.keywords", max: Self.maximumKeywordLength * 4) }
        for item in items { try Check.text(item.id, field: "SearchPromotion.items", max: 512) }
    }
}

/// Why a search promotion was refused.
public enum SearchPromotionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// It has no keyword.
    case noKeywords
    /// It has more keywords than allowed.
    case tooManyKeywords(Int, limit: Int)
    /// A keyword is longer than allowed (characters).
    case keywordTooLong(String, limit: Int)
    /// A keyword holds control characters.
    case invalidKeyword(String)
    /// The locale is not a locale code such as `de_DE`.
    case invalidLocale(String)
    /// It pins nothing.
    case noItems
    /// It pins more items than allowed.
    case tooManyItems(Int, limit: Int)
    /// An item's kind is not one a promotion can pin.
    case unknownKind(String)
    /// An item's id is empty, too long or holds spaces.
    case invalidItemID(String)
    /// The same item is pinned twice.
    case duplicateItem(String)
    /// The end is not after the start.
    case endsBeforeStart

    /// The field the error is about.
    public var field: String {
        switch self {
        case .noKeywords, .tooManyKeywords, .keywordTooLong, .invalidKeyword: "keywords"
        case .invalidLocale: "locale"
        case .noItems, .tooManyItems, .unknownKind, .invalidItemID, .duplicateItem: "items"
        case .endsBeforeStart: "endsAt"
        }
    }

    public var description: String {
        switch self {
        case .noKeywords: "a promotion needs at least one keyword"
        case .tooManyKeywords(let n, let limit): "\(n) keywords, at most \(limit) allowed"
        case .keywordTooLong(let k, let limit): "the keyword \"\(k.prefix(40))…\" is longer than \(limit) characters"
        case .invalidKeyword(let k): "the keyword \"\(k.prefix(40))\" holds control characters"
        case .invalidLocale(let l): "\"\(l.prefix(20))\" is not a locale code"
        case .noItems: "a promotion needs at least one item"
        case .tooManyItems(let n, let limit): "\(n) items, at most \(limit) allowed"
        case .unknownKind(let k): "\"\(k.prefix(20))\" is not a kind a promotion can pin"
        case .invalidItemID(let id): "\"\(id.prefix(40))\" is not an item id"
        case .duplicateItem(let ref): "\(ref) is pinned twice"
        case .endsBeforeStart: "the promotion ends before it starts"
        }
    }
}
