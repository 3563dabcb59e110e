import CommunityContent
import CommunityTesting
import Foundation
import Testing

/// The index's write paths against each other and against a plain reference: one bulk write
/// (analysis spread over the cores, terms reconciled into one cache), one document per write
/// (many merges that append to a fully live segment), and batches with deletions and rewrites
/// (the general merge) must all find the same documents; every document containing a word's
/// index terms (by `TextAnalyzer.indexTerms`) must be found by that word.
@Suite struct IndexBuildPathsTests {
    static let syllables = ["ka", "lo", "mi", "ter", "stra", "pon", "vel", "du", "rish", "an", "qui", "zor"]

    /// A deterministic corpus of made-up English and German words (so parts of a write learn
    /// different new words), some words shared by many documents, some by few.
    static func corpus(_ count: Int) -> [SearchDocument] {
        var random = SeededRandom(seed: 7)
        func next() -> Int { Int(truncatingIfNeeded: (random.next() >> 33) & 0x7FFF_FFFF) }
        func word() -> String {
            let n = 2 + next() % 3
            return (0..<n).map { _ in syllables[next() % syllables.count] }.joined()
        }
        func text(_ words: Int) -> String { (0..<words).map { _ in word() }.joined(separator: " ") }
        return (0..<count).map { i in
            SearchFixtures.doc(
                "d\(i)", i % 4 == 3 ? "de_DE" : "en_US", text(3 + next() % 4), summary: text(6), body: text(20 + next() % 20),
                categories: ["c\(i % 5)"])
        }
    }

    func ids(_ index: MemorySearchIndex, _ query: SearchQuery) throws -> (Set<String>, Int) {
        var query = query
        query.limit = 5_000
        query.highlight = false
        let results = try index.search(query, as: .unrestricted)
        return (Set(results.hits.map(\.key.id)), results.totalCount)
    }

    @Test func bulkPerDocumentAndBatchedWritesFindTheSameDocuments() throws {
        let docs = Self.corpus(2_400)
        // Every variant a segment knows is expanded, so matches do not depend on how documents
        // are spread over segments (each segment keeps its own best `maxExpansions`).
        var options = RankingOptions()
        options.maxExpansions = 100_000
        let bulk = MemorySearchIndex(options: options, clock: ManualClockForTests())
        try bulk.upsert(docs)
        let single = MemorySearchIndex(options: options, clock: ManualClockForTests())
        for doc in docs.prefix(600) { try single.upsert([doc]) }
        #expect(single.segmentCount > 1)
        try single.upsert(Array(docs[600...]))
        // Batches, then every fifth document removed and written again (deleted slots: the general merge).
        let batched = MemorySearchIndex(options: options, clock: ManualClockForTests())
        for start in stride(from: 0, to: docs.count, by: 700) { try batched.upsert(Array(docs[start..<min(docs.count, start + 700)])) }
        let rewritten = stride(from: 0, to: docs.count, by: 5).map { docs[$0] }
        try batched.remove(rewritten.map(\.key))
        try batched.upsert(rewritten)
        #expect(try bulk.count() == docs.count && single.count() == docs.count && batched.count() == docs.count)

        var words: [String] = []
        for doc in docs.prefix(40) { words += doc.title.split(separator: " ").map(String.init) }
        var queries = words.map { SearchQuery($0, locale: "en_US", typoTolerance: false) }
        queries += words.prefix(20).map { SearchQuery(String($0.prefix(5)), locale: "en_US", prefixLastWord: true, typoTolerance: false) }
        // A transposition in a long word: typo expansion over each path's bigram index.
        queries += words.filter { $0.count >= 8 }.prefix(20).map { word in
            var chars = Array(word)
            chars.swapAt(3, 4)
            return SearchQuery(String(chars), locale: "en_US")
        }
        queries += words.prefix(10).map { SearchQuery($0, locale: "de_DE", typoTolerance: false) }
        for query in queries {
            let expected = try ids(bulk, query)
            #expect(try ids(single, query) == expected, "\(query.text)")
            #expect(try ids(batched, query) == expected, "\(query.text)")
        }
    }

    @Test func everyDocumentHoldingAWordsTermsIsFound() throws {
        let docs = Self.corpus(1_500)
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(docs)
        let terms = docs.map { doc in
            Set(TextAnalyzer.indexTerms(doc.title + " " + doc.summary + " " + doc.body, language: ContentLanguage(locale: doc.locale)))
        }
        for word in docs.prefix(30).flatMap({ $0.title.split(separator: " ").map(String.init) }) {
            let forms = Set(TextAnalyzer.queryUnits(word, language: .english).flatMap(\.forms))
            let reference = Set(docs.indices.filter { !terms[$0].isDisjoint(with: forms) }.map { docs[$0].id })
            let found = try ids(index, SearchQuery(word, locale: "en_US", typoTolerance: false))
            #expect(!reference.isEmpty)
            #expect(reference.isSubset(of: found.0), "\(word)")
        }
    }
}
