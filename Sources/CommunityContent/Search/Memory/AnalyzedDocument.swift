/// A document broken into index terms, kept so segments can be merged without re-analysis.
struct AnalyzedDocument: Sendable {
    var document: SearchDocument
    var language: ContentLanguage
    /// Term frequencies per field: title, summary, body.
    var terms: [(String, TermFrequency)]
    /// Token counts per field.
    var lengths: (Int, Int, Int)
    /// Per entry of ``terms``: its id in the ``IndexTermCache`` that analysed the document (empty
    /// when none did), so a segment can be built from the cache's term shapes.
    var termRefs: [Int32] = []

    init(_ document: SearchDocument) {
        var cache = IndexTermCache()
        self.init(document, cache: &cache)
    }

    /// Analyses `document`, reusing (and extending) the analysis of words seen before.
    /// ``termRefs`` holds the cache's ids of the terms, valid while the cache is not trimmed.
    init(_ document: SearchDocument, cache: inout IndexTermCache) {
        self.document = document
        let language = ContentLanguage(locale: document.locale)
        self.language = language
        let counted = cache.count([document.title, document.summary, document.body], language: language)
        let names = cache.terms
        var terms: [(String, TermFrequency)] = []
        terms.reserveCapacity(counted.ids.count)
        for (k, id) in counted.ids.enumerated() { terms.append((names[Int(id)], counted.frequencies[k])) }
        self.terms = terms
        self.termRefs = counted.ids
        self.lengths = counted.lengths
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
