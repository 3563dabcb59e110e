import CommunityContent
import Foundation
import SearchBenchmarkKit
import Testing

@Suite struct BenchmarkInputTests {
    let epoch = Date(timeIntervalSince1970: 1_767_225_600)
    let corpus = [
        CorpusEntry(id: "a", locale: "en_US", title: "Reset your password"),
        CorpusEntry(id: "b", locale: "de_DE", title: "Passwort zurücksetzen"),
    ]

    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func unknownJudgedIDIsNamed() throws {
        let queries = [JudgedQuery(query: "reset", relevant: RelevanceJudgments(relevant: ["a", "zz"]))]
        #expect(throws: BenchmarkInputError.unknownJudgedDocument(id: "zz", query: "reset")) {
            try BenchmarkInput(corpus: corpus, queries: queries, epoch: epoch)
        }
    }

    @Test func gradesOutOfRangeAndQueriesWithoutRelevantDocumentsAreRefused() {
        #expect(throws: BenchmarkInputError.invalidGrade(id: "a", query: "reset", grade: -1)) {
            try BenchmarkInput(
                corpus: corpus, queries: [JudgedQuery(query: "reset", relevant: RelevanceJudgments(grades: ["a": -1]))],
                epoch: epoch)
        }
        #expect(throws: BenchmarkInputError.noRelevantDocument(query: "reset")) {
            try BenchmarkInput(
                corpus: corpus, queries: [JudgedQuery(query: "reset", relevant: RelevanceJudgments(grades: ["a": 0]))],
                epoch: epoch)
        }
        #expect(throws: BenchmarkInputError.noQueries) { try BenchmarkInput(corpus: corpus, queries: [], epoch: epoch) }
    }

    @Test func duplicateIDsAndBadFieldsAreRefused() {
        let judged = [JudgedQuery(query: "reset", relevant: RelevanceJudgments(relevant: ["a"]))]
        #expect(throws: BenchmarkInputError.duplicateDocumentID("a")) {
            try BenchmarkInput(corpus: corpus + [CorpusEntry(id: "a", locale: "en_US", title: "x")], queries: judged, epoch: epoch)
        }
        #expect(throws: BenchmarkInputError.invalidUpdatedAt(documentID: "c", value: "yesterday")) {
            try BenchmarkInput(
                corpus: corpus + [CorpusEntry(id: "c", locale: "en_US", title: "x", updatedAt: "yesterday")],
                queries: judged, epoch: epoch)
        }
        #expect(throws: BenchmarkInputError.invalidPopularity(documentID: "c")) {
            try BenchmarkInput(
                corpus: corpus + [CorpusEntry(id: "c", locale: "en_US", title: "x", popularity: -.infinity)],
                queries: judged, epoch: epoch)
        }
    }

    @Test func popularityUpdatedAtAndVisibilityComeFromTheFieldsNotThePosition() throws {
        let entries = try decode(
            [CorpusEntry].self,
            """
            [{"id": "a", "locale": "en_US", "title": "A", "popularity": 7, "updatedAt": "2025-06-01T08:30:00Z",
              "visibleTo": ["channel:partner"]},
             {"id": "b", "locale": "de_DE", "title": "B", "updatedAt": "2025-06-02"}]
            """)
        let input = try BenchmarkInput(
            corpus: entries, queries: [JudgedQuery(query: "a", relevant: RelevanceJudgments(relevant: ["a"]))], epoch: epoch)
        let first = try #require(input.documents.first)
        #expect(first.popularity == 7)
        #expect(first.updatedAt == Date(timeIntervalSince1970: 1_748_766_600))
        #expect(first.visibility == .anyOf(["channel:partner"]))
        let second = try #require(input.documents.last)
        #expect(second.popularity == 0)
        #expect(second.updatedAt == Date(timeIntervalSince1970: 1_748_822_400))
        #expect(second.visibility == .everyone)
    }

    @Test func relevanceIsAListOrGrades() throws {
        let queries = try decode(
            [JudgedQuery].self,
            """
            [{"query": "x", "relevant": ["a"]},
             {"query": "y", "relevant": {"a": 3, "b": 0}, "language": "en", "category": "typo"}]
            """)
        #expect(queries[0].relevant.grades == ["a": 1])
        #expect(queries[1].relevant.grades == ["a": 3, "b": 0])
        #expect(queries[1].relevant.relevantIDs == ["a"])
        #expect(queries[1].language == "en")
        #expect(queries[1].category == "typo")
    }

    @Test func unreadableAndMalformedFilesAreTypedErrors() throws {
        #expect(throws: BenchmarkInputError.self) {
            try BenchmarkInput.load([CorpusEntry].self, from: "/nonexistent/corpus.json")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("search-benchmark-\(UUID()).json")
        try Data("{\"id\": 1}".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        do {
            _ = try BenchmarkInput.load([CorpusEntry].self, from: path.path)
            Issue.record("malformed corpus was accepted")
        } catch {
            guard case .malformedFile(let reported, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reported == path.path)
        }
    }
}
