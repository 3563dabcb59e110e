/// The index terms of words already seen, for analysing many documents: most words of any
/// text repeat, so each distinct word is normalised, stop-word checked and stemmed once.
/// Terms are interned as small integer ids, which makes counting them per document cheap,
/// and each term's shape (its characters, bigram keys and sort keys, what a segment's typo,
/// prefix and suffix structures need) is worked out once, when the term is first seen.
///
/// Bounded: once it holds ``capacity`` words or terms, ``trim()`` starts it over, so an
/// endless stream of unique words cannot grow it without limit.
struct IndexTermCache: Sendable {
    /// The most distinct words kept (per language).
    static let capacity = 200_000

    /// Interned terms: id → term.
    private(set) var terms: [String] = []
    /// Per term id: its shape.
    var shapes: [TermShape] { fresh.isEmpty ? settled : settled + fresh }
    /// The shapes of terms up to the last ``settle()``.
    private var settled: [TermShape] = []
    /// The shapes of terms interned since (ids from `settled.count` on): kept apart so that a copy
    /// of the cache that interns terms (one part of a write analysed on another core) does not copy
    /// every shape, each of which holds three arrays.
    private var fresh: [TermShape] = []
    private var termIDs: [String: Int32] = [:]
    /// Per language (``ContentLanguage`` order): word as written (its UTF-8 bytes) → its term ids.
    private var words: [WordTable] = Array(repeating: WordTable(), count: ContentLanguage.allCases.count)
    /// Per term id: where the document being counted keeps the term (-1: not yet in it).
    private var slots: [Int32] = []

    /// The most bytes of words kept (per language), so that long unique words cannot grow it without limit either.
    static let byteCapacity = 64 << 20

    /// Calls `body` with the id of each index term of `text` in `language`, one call per
    /// occurrence, in order; ``terms`` names the ids. The words are found over the text's UTF-8
    /// bytes and looked up by them; a word not seen before is analysed as
    /// ``TextAnalyzer/indexTerms(_:language:)`` would.
    mutating func forEachTerm(in text: String, language: ContentLanguage, _ body: (Int32) -> Void) {
        var text = text
        text.withUTF8 { utf8 in forEachTerm(inUTF8: utf8, language: language, body) }
    }

    private mutating func forEachTerm(inUTF8 utf8: UnsafeBufferPointer<UInt8>, language: ContentLanguage, _ body: (Int32) -> Void) {
        let slot = Self.slot(language)
        Tokenizer.forEachWordRange(in: utf8) { range, isHangul in
            let key = UnsafeBufferPointer(rebasing: utf8[range])
            let hash = WordTable.hash(key)
            if words[slot].forEachID(of: key, hash: hash, body) { return }
            let ids = analyse(String(decoding: key, as: UTF8.self), isHangul: isHangul, language: language)
            words[slot].insert(key, hash: hash, ids: ids)
            for id in ids { body(id) }
        }
    }

    /// The term ids of one word as written, interning new terms.
    private mutating func analyse(_ raw: String, isHangul: Bool, language: ContentLanguage) -> [Int32] {
        var found: [String] = []
        let normalized = TextNormalizer.normalize(Substring(raw))
        if !normalized.isEmpty {
            TextAnalyzer.appendIndexTerms(of: normalized, isHangul: isHangul, language: language, to: &found)
        }
        var ids: [Int32] = []
        ids.reserveCapacity(found.count)
        for term in found { ids.append(intern(term)) }
        return ids
    }

    /// The distinct terms of one document's fields (title, summary, body) with their
    /// frequencies per field, in first-seen order, and the fields' token counts. Counting
    /// goes through an array indexed by term id instead of a dictionary.
    mutating func count(
        _ fields: [String], language: ContentLanguage
    ) -> (ids: [Int32], frequencies: [TermFrequency], lengths: (Int, Int, Int)) {
        var ids: [Int32] = []
        var frequencies: [TermFrequency] = []
        var lengths = (0, 0, 0)
        var slots = self.slots  // taken out while `forEachTerm` mutates the cache
        self.slots = []
        defer { self.slots = slots }
        for (f, text) in fields.enumerated() {
            var n = 0
            forEachTerm(in: text, language: language) { id in
                n += 1
                let i = Int(id)
                if i >= slots.count { slots.append(contentsOf: repeatElement(-1, count: max(i + 1 - slots.count, 1024))) }
                var at = Int(slots[i])
                if at < 0 {
                    at = ids.count
                    slots[i] = Int32(truncatingIfNeeded: at)
                    ids.append(id)
                    frequencies.append(TermFrequency())
                }
                frequencies[at].add(field: f)
            }
            switch f {
            case 0: lengths.0 = n
            case 1: lengths.1 = n
            default: lengths.2 = n
            }
        }
        for id in ids { slots[Int(id)] = -1 }
        return (ids, frequencies, lengths)
    }

    /// Takes in the terms `other` interned from id `first` on (a copy of this cache that went
    /// its own way, from when it held `first` terms): each gets this cache's id, with its shape.
    /// Returns this cache's id for each of them, in order (for ids `first…` of `other`).
    mutating func adopt(_ other: IndexTermCache, from first: Int) -> [Int32] {
        guard first < other.terms.count else { return [] }
        var ids: [Int32] = []
        ids.reserveCapacity(other.terms.count - first)
        for i in first..<other.terms.count {
            let term = other.terms[i]
            if let id = termIDs[term] {
                ids.append(id)
                continue
            }
            let id = Int32(truncatingIfNeeded: terms.count)
            termIDs[term] = id
            terms.append(term)
            shapes(append: other, i)
            ids.append(id)
        }
        return ids
    }

    /// Appends the shape of `other`'s term `i` as the next term's.
    private mutating func shapes(append other: IndexTermCache, _ i: Int) {
        fresh.append(i < other.settled.count ? other.settled[i] : other.fresh[i - other.settled.count])
    }

    /// Moves the shapes of the terms interned since the last call to the settled ones (call it
    /// once a write's analysis is done, before copies of the cache go their own ways).
    mutating func settle() {
        guard !fresh.isEmpty else { return }
        settled.append(contentsOf: fresh)
        fresh = []
    }

    /// Starts over when the cache is full. Call it only between documents: ids handed out
    /// before are not valid afterwards.
    mutating func trim() {
        if terms.count >= Self.capacity || words.contains(where: { $0.count >= Self.capacity || $0.byteCount >= Self.byteCapacity }) {
            self = IndexTermCache()
        }
    }

    private mutating func intern(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(truncatingIfNeeded: terms.count)
        termIDs[term] = id
        terms.append(term)
        fresh.append(TermShape(term))
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

/// What a segment's vocabulary structures need of one term, worked out once per term.
struct TermShape: Sendable {
    /// The term's characters, for the edit-distance check (empty for terms never typo-matched:
    /// Hangul, or shorter than three characters).
    var scalars: [Unicode.Scalar]
    /// The distinct padded-bigram keys of the term (``IndexSegment/gramKey(_:length:)``), empty when `scalars` is.
    var gramKeys: [UInt64]
    /// The term's UTF-8 bytes reversed (suffix ranges).
    var reversedBytes: [UInt8]
    /// The first eight UTF-8 bytes, big-endian, zero-padded: orders terms as their bytes do, up to ties.
    var sortKey: UInt64
    /// The same of the reversed bytes.
    var reversedSortKey: UInt64

    init(_ term: String) {
        let bytes = Array(term.utf8)
        reversedBytes = bytes.reversed()
        sortKey = Self.key(bytes)
        reversedSortKey = Self.key(reversedBytes)
        let s = Array(term.unicodeScalars)
        guard s.count >= 3, let first = s.first, !HangulText.isHangul(first) else {
            scalars = []
            gramKeys = []
            return
        }
        scalars = s
        // Distinct bigrams in first-seen order; a word mostly has few, so a scan of those kept beats
        // a set (a long one takes the set).
        let grams = IndexSegment.grams(s)
        var kept: [UInt64] = []
        kept.reserveCapacity(grams.count)
        if grams.count <= 48 {
            for g in grams where !kept.contains(g) { kept.append(g) }
        } else {
            var seen = Set<UInt64>()
            for g in grams where seen.insert(g).inserted { kept.append(g) }
        }
        gramKeys = kept.map { IndexSegment.gramKey($0, length: s.count) }
    }

    /// The first eight bytes as a big-endian number, zero-padded.
    static func key(_ bytes: [UInt8]) -> UInt64 {
        var k: UInt64 = 0
        for i in 0..<8 { k = k << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
        return k
    }

    /// Whether bytes `a` (with key `ka`) order before bytes `b` (with key `kb`).
    static func precedes(_ ka: UInt64, _ a: [UInt8], _ kb: UInt64, _ b: [UInt8]) -> Bool {
        if ka != kb { return ka < kb }
        return a.lexicographicallyPrecedes(b)
    }
}
