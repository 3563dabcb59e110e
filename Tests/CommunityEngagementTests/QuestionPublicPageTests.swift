import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

@Suite("What the public (a site's guest) sees of a question")
struct QuestionPublicPageTests {
    typealias F = Fixture

    @Test("a published question shows its published answers only; held questions and unknown ids show nothing")
    func publicPage() throws {
        let f = try Fixture(content: FakeContent())
        let q = try f.engine.questions.ask(title: "How do I export my pipeline?", body: "<p>As CSV</p>", topics: ["Deals"], by: F.alice)
        let shown = try f.engine.questions.answer(q.id, body: "Use the export button", by: F.bob)
        let held = try f.engine.questions.answer(q.id, body: "Ask support", by: F.carol)
        try f.store.write { tx in
            guard var answer = try tx.value(held.id) else { return }
            answer.publication = .pendingReview
            try tx.put(answer)
        }
        let page = try #require(try f.engine.questions.publicPage(q.id))
        #expect(page.question.id == q.id)
        #expect(page.answers.map(\.id) == [shown.id])

        try f.store.write { tx in
            guard var question = try tx.value(q.id) else { return }
            question.publication = .pendingReview
            try tx.put(question)
        }
        #expect(try f.engine.questions.publicPage(q.id) == nil)
        #expect(try f.engine.questions.publicPage(ID("q_unknown")) == nil)
    }
}
