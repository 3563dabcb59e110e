@testable import CommunityContent
import CommunityTesting
import Foundation
import Testing

/// The pruned top-k path (MaxScore over per-unit upper bounds) against the exhaustive path that
/// scores every match: on random corpora and random queries — typos, prefixes, synonyms,
/// locales and locale filters, promotions, click boosts, visibility restrictions, facets,
/// all-words matching, pages past the first, documents deleted and rewritten across
/// segments — both must return the same hits in the same order with the same scores, the same
/// total and the same facet counts.
@Suite struct PrunedScoringTests {

    static let syllables = ["ka", "lo", "mi", "ter", "stra", "pon", "vel", "du", "rish", "an", "qui", "zor", "bel", "no"]
    static let locales = ["en_US", "en_GB", "de_DE", "ko_KR"]
    static let koreanWords = ["비밀번호", "재설정", "청구서", "로그인", "환불", "설치", "계정"]

    /// A vocabulary with a Zipf-like skew (a few words in many documents, most in few).
    static func vocabulary(_ random: inout SeededRandom) -> [String] {
        var words = Set<String>()
        while words.count < 160 {
            let n = 2 + random.below(3)
            words.insert((0..<n).map { _ in random.pick(syllables) }.joined())
        }
        return words.sorted()
    }

    static func word(_ vocabulary: [String], _ random: inout SeededRandom) -> String {
        // Squaring a uniform draw favours the first words.
        let x = Double(random.below(10_000)) / 10_000
        return vocabulary[min(vocabulary.count - 1, Int(x * x * Double(vocabulary.count)))]
    }

    static func corpus(_ count: Int, vocabulary: [String], locales: [String], _ random: inout SeededRandom) -> [SearchDocument] {
        func text(_ n: Int) -> String { (0..<n).map { _ in word(vocabulary, &random) }.joined(separator: " ") }
        return (0..<count).map { i in
            let locale = random.pick(locales)
            let korean = locale == "ko_KR" ? " " + random.pick(koreanWords) : ""
            let visibility: SearchVisibility =
                random.chance(percent: 30) ? .anyOf([random.pick(["group:a", "group:b", "group:c"])]) : .everyone
            return SearchFixtures.doc(
                "d\(i)", locale, text(2 + random.below(5)) + korean, summary: text(random.below(8)),
                body: text(random.below(30)), type: random.chance(percent: 20) ? "question" : .article,
                categories: ["c\(random.below(4))"], topics: random.chance(percent: 50) ? ["t\(random.below(3))"] : [],
                visibility: visibility, updatedDaysAgo: Double(random.below(400)) - (random.chance(percent: 5) ? 30 : 0), popularity: Double(random.below(60)))
        }
    }

    static func query(_ docs: [SearchDocument], vocabulary: [String], _ random: inout SeededRandom) -> (SearchQuery, SearchViewer) {
        var words = (0..<(1 + random.below(3))).map { _ in word(vocabulary, &random) }
        if random.chance(percent: 20) {
            // A transposition: typo expansion.
            var chars = Array(words[0])
            if chars.count >= 4 { chars.swapAt(1, 2) }
            words[0] = String(chars)
        }
        if random.chance(percent: 10) { words.append(random.pick(koreanWords)) }
        var text = words.joined(separator: " ")
        let prefix = random.chance(percent: 25)
        if prefix, let last = words.last, last.count > 3 { text = String(text.dropLast(random.below(2) + 1)) }
        var query = SearchQuery(
            text, locale: random.chance(percent: 80) ? random.pick(locales) : nil,
            matching: random.chance(percent: 20) ? .allWords : .anyWord, prefixLastWord: prefix, typoTolerance: random.chance(percent: 80),
            locales: random.chance(percent: 10) ? [random.pick(locales)] : nil, categories: random.chance(percent: 10) ? ["c1", "c2"] : nil,
            facets: random.chance(percent: 30) ? [.locale, .category, .topic, .type] : [], offset: random.chance(percent: 20) ? 5 : 0,
            limit: random.pick([1, 3, 10, 20]), highlight: false)
        if random.chance(percent: 15) { query.context = (0..<3).map { _ in word(vocabulary, &random) }.joined(separator: " ") }
        if random.chance(percent: 25) {
            // One-word synonyms (extra forms of a unit).
            query.synonyms = SynonymSet([SynonymGroup(terms: [word(vocabulary, &random), word(vocabulary, &random)])])
        }
        if random.chance(percent: 20) { query.promoted = [docs[random.below(docs.count)].key, docs[random.below(docs.count)].key] }
        if random.chance(percent: 25) {
            for _ in 0..<5 { query.boosts[docs[random.below(docs.count)].key] = 1 + Double(random.below(100)) / 100 }
        }
        let viewer =
            random.chance(percent: 50)
            ? SearchViewer.unrestricted : SearchViewer(keys: Set([random.pick(["group:a", "group:b"]), "group:zzz"]))
        return (query, viewer)
    }

    func expectSame(_ pruned: SearchResults, _ exhaustive: SearchResults, _ label: String) {
        #expect(pruned.hits.map(\.key) == exhaustive.hits.map(\.key), "\(label)")
        #expect(pruned.hits.map(\.score) == exhaustive.hits.map(\.score), "\(label)")
        #expect(pruned.hits.map(\.isPromoted) == exhaustive.hits.map(\.isPromoted), "\(label)")
        #expect(pruned.totalCount == exhaustive.totalCount, "\(label)")
        #expect(pruned.facets == exhaustive.facets, "\(label)")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func prunedSearchReturnsExactlyWhatExhaustiveSearchReturns(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15)
        let vocabulary = Self.vocabulary(&random)
        // Every third corpus is English only (every document local to an English query).
        let locales = seed.isMultiple(of: 3) ? ["en_US", "en_GB"] : Self.locales
        let docs = Self.corpus(300 + random.below(500), vocabulary: vocabulary, locales: locales, &random)
        let index = MemorySearchIndex(clock: ManualClockForTests())
        // Several segments, some with deleted documents (rewritten later).
        for start in stride(from: 0, to: docs.count, by: 97) { try index.upsert(Array(docs[start..<min(docs.count, start + 97)])) }
        let rewritten = stride(from: 0, to: docs.count, by: 7).map { docs[$0] }
        try index.remove(rewritten.map(\.key))
        try index.upsert(rewritten.prefix(rewritten.count / 2).map { $0 })
        var scored = (pruned: 0, exhaustive: 0)
        for q in 0..<150 {
            let (query, viewer) = Self.query(docs, vocabulary: vocabulary, &random)
            let pruned = index.search(query, as: viewer, pruning: true)
            let exhaustive = index.search(query, as: viewer, pruning: false)
            expectSame(pruned.results, exhaustive.results, "seed \(seed) query \(q): \(query.text)")
            scored.pruned += pruned.fullyScored
            scored.exhaustive += exhaustive.fullyScored
        }
        // The pruned path did skip documents on these queries.
        #expect(scored.pruned * 2 < scored.exhaustive, "fully scored \(scored.pruned) of \(scored.exhaustive)")
    }

    @Test func splitAndJoinedSpellingsAndPhrasesTakeTheExhaustivePathWithTheSameResults() throws {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert([
            SearchFixtures.doc("w1", "en_US", "Webhooks for partners", body: "Configure a web hook endpoint."),
            SearchFixtures.doc("w2", "en_US", "Web hook retries", body: "Retries of webhooks."),
            SearchFixtures.doc("w3", "en_US", "Partner portal", body: "web portal hooks"),
        ])
        for text in ["web hooks", "webhook", "\"web hook\"", "partner \"web hook\""] {
            let query = SearchQuery(text, locale: "en_US", highlight: false)
            let pruned = index.search(query, as: .unrestricted, pruning: true)
            let exhaustive = index.search(query, as: .unrestricted, pruning: false)
            expectSame(pruned.results, exhaustive.results, text)
            #expect(!pruned.results.hits.isEmpty, "\(text)")
        }
    }

    @Test func documentsThatCannotEnterTheTopHitsAreNotFullyScored() throws {
        // One rare word in a few titles, one common word in every body: a two-word query's top 3
        // are the rare word's documents, and the common word's other documents never score.
        var docs: [SearchDocument] = []
        for i in 0..<2_000 {
            let rare = i % 400 == 0 ? "zorvelquin " : ""
            docs.append(SearchFixtures.doc("p\(i)", "en_US", "\(rare)notes \(i)", body: "common text about kalomi things"))
        }
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(docs)
        let query = SearchQuery("zorvelquin kalomi", locale: "en_US", limit: 3, highlight: false)
        let pruned = index.search(query, as: .unrestricted, pruning: true)
        let exhaustive = index.search(query, as: .unrestricted, pruning: false)
        expectSame(pruned.results, exhaustive.results, query.text)
        #expect(exhaustive.results.totalCount == 2_000 && pruned.results.totalCount == 2_000)
        #expect(exhaustive.fullyScored == 2_000)
        #expect(pruned.fullyScored < 100, "fully scored \(pruned.fullyScored)")
        #expect(pruned.results.hits.count == 3 && pruned.results.hits.allSatisfy { $0.title.hasPrefix("zorvelquin") })
    }

    @Test func totalsWithoutFiltersCountOnlyLiveDocumentsTheViewerSees() throws {
        // Segments with and without deleted documents, one with restricted documents: queries
        // without filters or facets, where a segment with nothing deleted or hidden is counted
        // from its bitset alone. Every total must still leave out deleted and hidden documents.
        let index = MemorySearchIndex(clock: ManualClockForTests())
        func batch(_ range: Range<Int>, restricted: Bool) -> [SearchDocument] {
            range.map { i in
                SearchFixtures.doc(
                    "n\(i)", "en_US", "kalomi \(i % 3 == 0 ? "zorvel" : "pondu") notes", body: "text \(i)",
                    visibility: restricted && i % 4 == 0 ? .anyOf(["group:a"]) : .everyone)
            }
        }
        try index.upsert(batch(0..<400, restricted: false))  // 400 documents, 100 of them deleted below
        try index.upsert(batch(400..<500, restricted: true))  // 25 restricted to group:a
        try index.upsert(batch(500..<560, restricted: false))
        try index.remove((0..<100).map { batch($0..<($0 + 1), restricted: false)[0].key })
        #expect(index.segmentCount > 1)
        for viewer in [SearchViewer.unrestricted, SearchViewer(keys: ["group:a"]), SearchViewer(keys: ["group:b"])] {
            for text in ["kalomi", "zorvel", "pondu zorvel", "kalomi zorvel", "notes missingword"] {
                let query = SearchQuery(text, locale: "en_US", limit: 5, highlight: false)
                let pruned = index.search(query, as: viewer, pruning: true)
                let exhaustive = index.search(query, as: viewer, pruning: false)
                expectSame(pruned.results, exhaustive.results, "\(text) as \(viewer)")
                let live = (100..<560).filter { i in
                    let hidden = viewer.isUnrestricted || viewer.keys.contains("group:a") ? false : (400..<500).contains(i) && i % 4 == 0
                    let matches = text.contains("kalomi") || text.contains("notes") || (text.contains("zorvel") && i % 3 == 0)
                        || (text.contains("pondu") && i % 3 != 0)
                    return matches && !hidden
                }
                #expect(pruned.results.totalCount == live.count, "\(text) as \(viewer)")
            }
        }
    }
}
