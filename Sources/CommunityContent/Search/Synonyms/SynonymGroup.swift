public import CommunityModel

/// A set of words that mean the same to searchers, kept in the ``Store`` and applied when a
/// query is run (never at indexing, so a change needs no reindexing), like Salesforce's
/// synonym groups.
///
/// - A **two-way** group (``Kind/twoWay``): a search for any of ``terms`` also finds the others
///   ("sign in", "log in", "login").
/// - A **one-way** group (``Kind/oneWay``): a search for any of ``terms`` also finds
///   ``targets``, not the reverse ("bill" → "invoice": "bill" finds invoices, "invoice" does
///   not find bills). The word as typed still matches; the targets are added.
///
/// A term may hold several words ("sign in"); it matches those words in that order in the
/// query. A match through a synonym scores slightly below a match of the word as typed
/// (``RankingOptions/synonymFactor``). ``locale`` limits a group to queries in that language
/// (`nil`: every query).
public struct SynonymGroup: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "SynonymGroup"
    /// The most terms (and, separately, targets) one group holds.
    public static let maximumTerms = 20
    /// The longest term, in characters.
    public static let maximumTermCharacters = 60
    /// The most words in one term.
    public static let maximumTermWords = 4

    /// Whether the group works both ways or one way.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Every term finds every other term.
        case twoWay
        /// The terms find the targets, not the reverse.
        case oneWay
    }

    /// The group's id.
    public var id: ID<SynonymGroup>
    /// The locale (or bare language, `de`) whose queries use the group; `nil` for every query.
    public var locale: String?
    /// Two-way or one-way.
    public var kind: Kind
    /// The terms: every term of a two-way group, the "from" terms of a one-way group.
    public var terms: [String]
    /// The "to" terms of a one-way group; empty for a two-way group.
    public var targets: [String]

    /// Creates a group; ``validate()`` checks it.
    public init(
        id: ID<SynonymGroup> = .generate(prefix: "syn"), locale: String? = nil, kind: Kind = .twoWay, terms: [String],
        targets: [String] = []
    ) {
        self.id = id
        self.locale = locale
        self.kind = kind
        self.terms = terms
        self.targets = targets
    }

    /// The store indexes groups by locale (`*` for every locale).
    public static let indexedFields: [IndexedField<SynonymGroup>] = [
        IndexedField("locale") { .text($0.locale ?? "*") }
    ]

    /// The language a group's locale names (`nil`: every language).
    public var language: ContentLanguage? { locale.map(ContentLanguage.init(locale:)) }

    /// Checks the group; throws ``SynonymGroupError`` naming the first problem.
    public func validate() throws { try check() }

    /// Checks the group with a typed error: terms and targets not empty once normalised, at
    /// most ``maximumTerms`` each, each at most ``maximumTermCharacters`` characters and
    /// ``maximumTermWords`` words; a two-way group has at least two terms and no targets; a
    /// one-way group has at least one term and one target; the locale is a short language tag.
    public func check() throws(SynonymGroupError) {
        if let locale {
            let valid = !locale.isEmpty && locale.count <= 16
                && locale.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0 == "-") }
            guard valid else { throw .invalidLocale(String(locale.prefix(40))) }
        }
        try Self.checkList(terms, field: .terms)
        switch kind {
        case .twoWay:
            guard targets.isEmpty else { throw .targetsInTwoWayGroup }
            guard terms.count >= 2 else { throw .tooFewTerms(count: terms.count, minimum: 2) }
        case .oneWay:
            guard !terms.isEmpty else { throw .tooFewTerms(count: 0, minimum: 1) }
            guard !targets.isEmpty else { throw .missingTarget }
            try Self.checkList(targets, field: .targets)
        }
    }

    private static func checkList(_ list: [String], field: SynonymGroupError.Field) throws(SynonymGroupError) {
        guard list.count <= maximumTerms else { throw .tooManyTerms(field: field, count: list.count, limit: maximumTerms) }
        for (i, term) in list.enumerated() {
            guard term.count <= maximumTermCharacters else {
                throw .termTooLong(field: field, index: i, characters: term.count, limit: maximumTermCharacters)
            }
            guard !term.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw .controlCharacter(field: field, index: i)
            }
            let words = Tokenizer.tokens(term).count
            guard words > 0 else { throw .emptyTerm(field: field, index: i) }
            guard words <= maximumTermWords else {
                throw .tooManyWords(field: field, index: i, words: words, limit: maximumTermWords)
            }
        }
    }
}
