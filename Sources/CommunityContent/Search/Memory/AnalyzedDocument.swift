/// A document broken into index terms, kept so segments can be merged without re-analysis.
struct AnalyzedDocument: Sendable {
    var document: SearchDocument
    var language: ContentLanguage
    /// Term frequencies per field: title, summary, body.
    var terms: [(String, TermFrequency)]
    /// Token counts per field.
    var lengths: (Int, Int, Int)

    init(_ document: SearchDocument) {
        var cache = IndexTermCache()
        self.init(document, cache: &cache)
    }

    /// Analyses `document`, reusing (and extending) the analysis of words seen before.
    init(_ document: SearchDocument, cache: inout IndexTermCache) {
        self.document = document
        let language = ContentLanguage(locale: document.locale)
        self.language = language
        cache.trim()
        var counts: [Int32: TermFrequency] = [:]
        var lengths = (0, 0, 0)
        for (f, text) in [document.title, document.summary, document.body].enumerated() {
            var n = 0
            cache.forEachTerm(in: text, language: language) { id in
                n += 1
                counts[id, default: TermFrequency()].add(field: f)
            }
            switch f {
            case 0: lengths.0 = n
            case 1: lengths.1 = n
            default: lengths.2 = n
            }
        }
        let names = cache.terms
        self.terms = counts.map { (names[Int($0.key)], $0.value) }
        self.lengths = lengths
    }

    init(document: SearchDocument, language: ContentLanguage, terms: [(String, TermFrequency)], lengths: (Int, Int, Int)) {
        self.document = document
        self.language = language
        self.terms = terms
        self.lengths = lengths
    }
}

/// How often a term occurs in each field of one document.
struct TermFrequency: Sendable {
    var title: UInt16 = 0
    var summary: UInt16 = 0
    var body: UInt16 = 0

    mutating func add(field: Int) {
        switch field {
        case 0: title &+= title < .max ? 1 : 0
        case 1: summary &+= summary < .max ? 1 : 0
        default: body &+= body < .max ? 1 : 0
        }
    }
}

/// One entry of a posting list.
struct Posting: Sendable {
    var doc: Int32
    var tf: TermFrequency
}
