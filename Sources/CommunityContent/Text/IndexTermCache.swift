/// The index terms of words already seen, for analysing many documents: most words of any
/// text repeat, so each distinct word is normalised, stop-word checked and stemmed once.
/// Terms are interned as small integer ids, which makes counting them per document cheap.
///
/// Bounded: once it holds ``capacity`` words or terms, ``trim()`` starts it over, so an
/// endless stream of unique words cannot grow it without limit.
struct IndexTermCache: Sendable {
    /// The most distinct words kept (per language).
    static let capacity = 200_000

    /// Interned terms: id → term.
    private(set) var terms: [String] = []
    private var termIDs: [String: Int32] = [:]
    /// Per language (``ContentLanguage`` order): word as written → its term ids.
    private var words: [[String: [Int32]]] = Array(repeating: [:], count: ContentLanguage.allCases.count)

    /// Calls `body` with the id of each index term of `text` in `language`, one call per
    /// occurrence, in order; ``terms`` names the ids.
    mutating func forEachTerm(in text: String, language: ContentLanguage, _ body: (Int32) -> Void) {
        let slot = Self.slot(language)
        Tokenizer.forEachWord(in: text) { raw, _, isHangul in
            let key = String(raw)
            if let known = words[slot][key] {
                for id in known { body(id) }
                return
            }
            var found: [String] = []
            let normalized = TextNormalizer.normalize(raw)
            if !normalized.isEmpty {
                TextAnalyzer.appendIndexTerms(of: normalized, isHangul: isHangul, language: language, to: &found)
            }
            var ids: [Int32] = []
            ids.reserveCapacity(found.count)
            for term in found { ids.append(intern(term)) }
            words[slot][key] = ids
            for id in ids { body(id) }
        }
    }

    /// Starts over when the cache is full. Call it only between documents: ids handed out
    /// before are not valid afterwards.
    mutating func trim() {
        if terms.count >= Self.capacity || words.contains(where: { $0.count >= Self.capacity }) { self = IndexTermCache() }
    }

    private mutating func intern(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(truncatingIfNeeded: terms.count)
        termIDs[term] = id
        terms.append(term)
        return id
    }

    private static func slot(_ language: ContentLanguage) -> Int {
        switch language {
        case .english: 0
        case .german: 1
        case .korean: 2
        case .other: 3
        }
    }
}
