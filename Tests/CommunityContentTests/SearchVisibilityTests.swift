import CommunityContent
import Foundation
import Testing

/// Visibility is evaluated inside the query: pages are full and counts exact. Checked
/// against a plain reference (analyse, match, admit, sort) over random documents.
@Suite struct SearchVisibilityTests {
    struct RandomSource {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let words = ["invoice", "rechnung", "password", "kalender", "report", "widget", "청구서", "비밀번호"]
    static let keys = ["channel:customer", "channel:partner", "category:a", "category:b", "group:g1", "user:u1"]

    func randomCorpus(seed: UInt64, count: Int) -> [SearchDocument] {
        var random = RandomSource(state: seed)
        return (0..<count).map { i in
            let title = (0..<3).map { _ in random.pick(Self.words) }.joined(separator: " ")
            var clauses: [[String]] = []
            for _ in 0..<Int(random.next() % 3) {
                clauses.append((0..<Int(1 + random.next() % 2)).map { _ in random.pick(Self.keys) })
            }
            return SearchFixtures.doc(
                "d\(i)", random.pick(["en_US", "de_DE", "ko_KR"]), title, categories: [random.pick(["a", "b", "c"])],
                visibility: SearchVisibility(clauses: clauses))
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func pagesAgreeWithReference(seed: UInt64) throws {
        let docs = randomCorpus(seed: seed, count: 240)
        let index = MemorySearchIndex(clock: ManualClockForTests())
        // Several writes, so several segments and some replaced documents.
        for chunk in stride(from: 0, to: docs.count, by: 50) {
            try index.upsert(Array(docs[chunk..<min(docs.count, chunk + 50)]))
        }
        var random = RandomSource(state: seed &* 31)
        for _ in 0..<12 {
            let viewer = SearchViewer(keys: Set(Self.keys.filter { _ in random.next() % 2 == 0 }))
            let word = random.pick(Self.words)
            let category: Set<String>? = random.next() % 3 == 0 ? ["a"] : nil
            let query = SearchQuery(word, locale: "en_US", typoTolerance: false, categories: category, limit: 7)
            let term = TextAnalyzer.queryUnits(word, language: .english)
            let expected = docs.filter { doc in
                let terms = Set(TextAnalyzer.indexTerms(doc.title, language: ContentLanguage(locale: doc.locale)))
                let matches = term.allSatisfy { unit in unit.forms.contains(where: terms.contains) }
                return matches && doc.visibility.admits(viewer) && (category == nil || doc.categories.contains("a"))
            }
            var seen: [String] = []
            var offset = 0
            while true {
                var page = query
                page.offset = offset
                let result = try index.search(page, as: viewer)
                #expect(result.totalCount == expected.count)
                #expect(result.hits.count == min(7, max(0, expected.count - offset)), "page at \(offset) is not full")
                seen += result.hits.map(\.key.id)
                offset += 7
                if result.hits.isEmpty || offset >= expected.count { break }
            }
            #expect(Set(seen) == Set(expected.map(\.id)))
            #expect(seen.count == Set(seen).count, "a document appeared on two pages")
        }
    }

    @Test func unrestrictedAndAnonymousViewers() throws {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert([
            SearchFixtures.doc("public", "en_US", "Invoice"),
            SearchFixtures.doc("secret", "en_US", "Invoice", visibility: .anyOf(["group:board"])),
            SearchFixtures.doc("both", "en_US", "Invoice", visibility: SearchVisibility.anyOf(["channel:partner"]).and(.anyOf(["category:x", "category:y"]))),
        ])
        #expect(try index.search(SearchQuery("invoice"), as: .anonymous).hits.map(\.key.id) == ["public"])
        #expect(try index.search(SearchQuery("invoice"), as: .unrestricted).totalCount == 3)
        let partner = SearchViewer(keys: ["channel:partner", "category:y"])
        #expect(try Set(index.search(SearchQuery("invoice"), as: partner).hits.map(\.key.id)) == ["public", "both"])
        let partnerWithoutCategory = SearchViewer(keys: ["channel:partner"])
        #expect(try index.search(SearchQuery("invoice"), as: partnerWithoutCategory).hits.map(\.key.id) == ["public"])
    }
}
