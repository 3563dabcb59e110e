import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct SearchIndexBehaviourTests {
    @Test func frequentExactWordsAreNotTypoExpandedUnlessAsked() throws {
        let docs = (0..<3).map { SearchFixtures.doc("form\($0)", "en_US", "Contact form \($0)") } + [SearchFixtures.doc("from", "en_US", "Forms from partners")]
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(docs)
        // "contact" occurs exactly in 3 documents: no typo variants.
        let plain = try index.search(SearchQuery("contact", locale: "en_US"), as: .unrestricted)
        #expect(plain.totalCount == 3)
        // A misspelling still finds them.
        #expect(try index.search(SearchQuery("contcat", locale: "en_US"), as: .unrestricted).totalCount == 3)
        var options = RankingOptions()
        options.typoSkipFrequency = .max
        let always = MemorySearchIndex(options: options, clock: ManualClockForTests())
        try always.upsert([SearchFixtures.doc("a", "en_US", "Contact"), SearchFixtures.doc("b", "en_US", "Contract"), SearchFixtures.doc("c", "en_US", "Contact us"), SearchFixtures.doc("d", "en_US", "Contact sales")])
        let expanded = try always.search(SearchQuery("contact", locale: "en_US"), as: .unrestricted)
        #expect(expanded.totalCount == 4)
        #expect(expanded.hits.last?.key.id == "b")  // the typo match ranks below exact ones
    }

    @Test func browseListsVisibleFilteredDocumentsWithoutText() throws {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert([
            SearchFixtures.doc("a", "en_US", "One", topics: ["t"]),
            SearchFixtures.doc("b", "en_US", "Two", topics: ["t"], visibility: .anyOf(["group:x"])),
            SearchFixtures.doc("c", "en_US", "Three", topics: ["u"]),
        ])
        #expect(try index.search(SearchQuery("", topics: ["t"]), as: .anonymous).hits.map(\.key.id) == ["a"])
        #expect(try index.search(SearchQuery("", topics: ["t"]), as: .unrestricted).totalCount == 2)
        #expect(try index.search(SearchQuery(""), as: .unrestricted).totalCount == 0)  // no text, no filter: nothing
    }

    @Test func concurrentSearchesDuringWritesSeeConsistentStates() async throws {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert((0..<50).map { SearchFixtures.doc("base\($0)", "en_US", "Stable widget \($0)") })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 0..<200 {
                    try index.upsert(SearchFixtures.doc("new\(i)", "en_US", "Fresh widget \(i)"))
                    if i % 3 == 0 { try index.remove(SearchDocumentKey(type: .article, id: "new\(i - 1)")) }
                }
            }
            for _ in 0..<3 {
                group.addTask {
                    for _ in 0..<100 {
                        let stable = try index.search(SearchQuery("stable", typoTolerance: false, limit: 100), as: .unrestricted)
                        #expect(stable.totalCount == 50)
                        let all = try index.search(SearchQuery("widget", typoTolerance: false, limit: 5), as: .unrestricted)
                        #expect(all.totalCount >= 50 && all.hits.count == 5)
                    }
                }
            }
            try await group.waitForAll()
        }
        let fresh = try index.search(SearchQuery("fresh", typoTolerance: false), as: .unrestricted)
        #expect(fresh.totalCount == 200 - 66)  // i = 3, 6, … 198 removed new(i - 1)
    }

    @Test func articleDocumentKeysRoundTrip() {
        let key = KnowledgeSearchIndexer.documentKey("ka_123", locale: "ko_KR")
        #expect(key.id == "ka_123/ko_KR")
        let parsed = KnowledgeSearchIndexer.article(of: key)
        #expect(parsed?.0 == "ka_123" && parsed?.1 == "ko_KR")
        #expect(KnowledgeSearchIndexer.article(of: SearchDocumentKey(type: .question, id: "q/1")) == nil)
    }
}
