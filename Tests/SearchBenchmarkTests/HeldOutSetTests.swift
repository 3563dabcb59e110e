import Foundation
import SearchBenchmarkKit
import Testing

/// The held-out relevance set (Benchmarks/SearchBenchmark/HeldOut) parses, every judged id
/// exists, it covers English, German and Korean, and it shares no article with the shipped set.
@Suite struct HeldOutSetTests {
    static let benchmark = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Benchmarks/SearchBenchmark")

    static func load(_ folder: String) throws -> ([CorpusEntry], [JudgedQuery]) {
        let base = benchmark.appendingPathComponent(folder)
        return (
            try BenchmarkInput.load([CorpusEntry].self, from: base.appendingPathComponent("corpus.json").path),
            try BenchmarkInput.load([JudgedQuery].self, from: base.appendingPathComponent("queries.json").path)
        )
    }

    @Test func theHeldOutFilesParseAndEveryJudgedIDExists() throws {
        let (corpus, queries) = try Self.load("HeldOut")
        // Validates duplicate ids, unknown judged ids, grades and queries without a relevant document.
        let input = try BenchmarkInput(corpus: corpus, queries: queries, epoch: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(input.documents.count >= 60)
        #expect(input.queries.count >= 120)
        let ids = Set(corpus.map(\.id))
        for query in queries {
            for id in query.relevant.grades.keys { #expect(ids.contains(id), "\(query.query): \(id)") }
            #expect(query.relevant.grades.values.contains { $0 >= 3 }, "\(query.query) has a best answer")
        }
        for language in ["en", "de", "ko"] {
            #expect(corpus.filter { $0.locale.hasPrefix(language) }.count >= 20, "\(language) articles")
            #expect(queries.filter { $0.language == language }.count >= 40, "\(language) queries")
        }
        for category in ["paraphrase", "typo", "split-join", "partial", "mixup"] {
            #expect(queries.contains { $0.category == category }, "\(category) queries")
        }
    }

    @Test func theHeldOutSetSharesNoArticleWithTheShippedSet() throws {
        let (heldOut, _) = try Self.load("HeldOut")
        let (shipped, _) = try Self.load("Data")
        #expect(Set(heldOut.map(\.id)).isDisjoint(with: shipped.map(\.id)))
        #expect(Set(heldOut.map(\.title)).isDisjoint(with: shipped.map(\.title)))
        #expect(Set(heldOut.compactMap(\.body)).isDisjoint(with: shipped.compactMap(\.body)))
    }
}
