import Foundation
import SearchBenchmarkKit
import Testing

@Suite struct QueryEvaluationTests {
    let judged = JudgedQuery(
        query: "invoice", locale: "en_US", relevant: RelevanceJudgments(grades: ["best": 3, "ok": 1, "no": 0]),
        language: "en", category: "paraphrase")

    func ranking(_ ids: [String]) -> [(id: String, locale: String, score: Double)] {
        ids.enumerated().map { (id: $0.element, locale: "en_US", score: Double(10 - $0.offset)) }
    }

    @Test func ndcgUsesTheGrades() {
        let ideal = QueryEvaluation(judged: judged, ranking: ranking(["best", "ok"]))
        let swapped = QueryEvaluation(judged: judged, ranking: ranking(["ok", "best"]))
        #expect(abs(ideal.ndcg - 1) < 1e-12)
        // Binary relevance would score both orders 1; graded relevance prefers the best first.
        let expected = (1 + 7 / log2(3.0)) / (7 + 1 / log2(3.0))
        #expect(abs(swapped.ndcg - expected) < 1e-12)
        #expect(swapped.reciprocalRank == 1)
        #expect(swapped.recall == 1)
    }

    @Test func gradeZeroIsNotRelevant() {
        let evaluation = QueryEvaluation(judged: judged, ranking: ranking(["no", "x", "ok"]))
        #expect(abs(evaluation.reciprocalRank - 1.0 / 3) < 1e-12)
        #expect(evaluation.recall == 0.5)
        #expect(evaluation.ranked.map(\.grade) == [0, 0, 1])
    }

    @Test func rankingsAreOneJSONLinePerQuery() throws {
        let line = try QueryEvaluation(judged: judged, ranking: ranking(["ok"])).jsonLine()
        #expect(!line.contains("\n"))
        let decoded = try JSONDecoder().decode(QueryEvaluation.self, from: Data(line.utf8))
        #expect(decoded.query == "invoice")
        #expect(decoded.ranked.first?.id == "ok")
        #expect(decoded.relevant.grades["best"] == 3)
    }

    @Test func breakdownsAppearOnlyWhenQueriesCarryTheFields() {
        var german = judged
        german.language = "de"
        german.category = nil
        let summary = EvaluationSummary([
            QueryEvaluation(judged: judged, ranking: ranking(["best"])),
            QueryEvaluation(judged: german, ranking: ranking(["x"])),
        ])
        #expect(summary.overall.count == 2)
        #expect(summary.overall.mrr == 0.5)
        #expect(summary.byLanguage["en"]?.mrr == 1)
        #expect(summary.byLanguage["de"]?.mrr == 0)
        #expect(summary.byCategory["paraphrase"]?.count == 1)
        #expect(summary.byCategory["unspecified"]?.count == 1)
        let plain = JudgedQuery(query: "q", relevant: RelevanceJudgments(relevant: ["a"]))
        let bare = EvaluationSummary([QueryEvaluation(judged: plain, ranking: ranking(["a"]))])
        #expect(bare.byLanguage.isEmpty)
        #expect(bare.byCategory.isEmpty)
    }
}
