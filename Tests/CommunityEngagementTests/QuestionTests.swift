import CommunityContent
import CommunityModel
import Foundation
import Synchronization
import Testing

@testable import CommunityEngagement

/// Content services that record calls.
final class FakeContent: EngagementContentServices {
    let indexed = Mutex<[ID<Question>]>([])
    let drafts = Mutex<[(String, String)]>([])
    func suggestions(for text: String, viewer: ID<User>, limit: Int) throws -> [ContentSuggestion] {
        text.lowercased().contains("password") ? [ContentSuggestion(kind: .article, id: "kb1", title: "Reset your password", score: 9)] : []
    }
    func indexQuestion(_ question: Question, locale: String) throws { indexed.withLock { $0.append(question.id) } }
    func draftArticle(title: String, body: SanitizedHTML, author: ID<User>, question: ID<Question>) throws -> String {
        drafts.withLock { $0.append((title, body.html)) }
        return "art_\(question.rawValue)"
    }
}

@Suite struct QuestionTests {
    typealias F = Fixture

    @Test func askAnswerBestAnswerSolve() throws {
        let content = FakeContent()
        let f = try Fixture(content: content)
        let q = try f.engine.questions.ask(title: "How do I reset my password?", body: "<p>Locked out</p>", topics: ["Accounts"], by: F.alice)
        #expect(content.indexed.withLock { $0 } == [q.id])
        #expect(try f.engine.feeds.feed(.member(F.alice), viewer: F.bob).items.first?.questionID == q.id)
        let a1 = try f.engine.questions.answer(q.id, body: "Use the link", by: F.bob)
        let a2 = try f.engine.questions.answer(q.id, body: "Call support", by: F.carol)
        try f.engine.questions.upvote(answer: a2.id, by: F.bob)
        #expect(try f.engine.questions.page(q.id, viewer: F.carol).answers.map(\.id) == [a2.id, a1.id])
        #expect(try f.engine.notifications.list(F.alice).filter { $0.kind == .answer }.count == 2)
        #expect(throws: EngagementError.notAllowed(action: "choose the best answer of", subject: "question \(q.id)")) {
            try f.engine.questions.chooseBestAnswer(a1.id, by: F.carol)
        }
        try f.engine.questions.chooseBestAnswer(a1.id, by: F.alice)
        let page = try f.engine.questions.page(q.id, viewer: F.carol)
        #expect(page.answers.first?.id == a1.id && page.question.isSolved && page.question.bestAnswerID == a1.id)
        #expect(f.events.all(QuestionSolved.self).map(\.answerID) == [a1.id])
        #expect(try f.engine.notifications.list(F.bob).contains { $0.kind == .bestAnswer })
        // A moderator may choose another.
        try f.engine.questions.chooseBestAnswer(a2.id, by: F.mod)
        #expect(try f.engine.questions.page(q.id, viewer: F.bob).answers.filter(\.isBest).map(\.id) == [a2.id])
        // Suggestions: Content's articles and similar questions.
        let s = try f.engine.questions.suggestions(title: "password reset again", viewer: F.carol)
        #expect(s.map(\.id) == ["kb1", q.id.rawValue])
        // Article drafting (moderators only).
        #expect(throws: (any Error).self) { try f.engine.questions.draftArticle(from: a1.id, by: F.bob) }
        let article = try f.engine.questions.draftArticle(from: a1.id, by: F.mod)
        #expect(try f.engine.questions.page(q.id, viewer: F.bob).question.articleIDs == [article])
        #expect(content.drafts.withLock { $0.first?.0 } == "How do I reset my password?")
    }

    @Test func followersHearAboutAnswersAndMarkSolved() throws {
        let f = try Fixture()
        let q = try f.engine.questions.ask(title: "Question?", body: "body", by: F.alice)
        try f.engine.questions.follow(q.id, by: F.carol)
        _ = try f.engine.questions.answer(q.id, body: "answer", by: F.bob)
        #expect(try f.engine.notifications.list(F.carol).map(\.kind) == [.answer])
        #expect(throws: (any Error).self) { try f.engine.questions.markSolved(q.id, by: F.bob) }
        try f.engine.questions.markSolved(q.id, by: F.alice)
        #expect(f.events.all(QuestionSolved.self).first?.answerID == nil)
    }

    @Test func questionsInPrivateGroupsStayThere() throws {
        let f = try Fixture()
        let g = try f.engine.groups.create(name: "Inner", visibility: .private, by: F.alice)
        let q = try f.engine.questions.ask(title: "Internal question", body: "x", in: g.id, by: F.alice)
        #expect(throws: EngagementError.notFound(.question(q.id))) { try f.engine.questions.page(q.id, viewer: F.bob) }
        #expect(throws: EngagementError.notFound(.question(q.id))) { try f.engine.questions.answer(q.id, body: "x", by: F.bob) }
        #expect(try f.engine.questions.suggestions(title: "internal question", viewer: F.bob).isEmpty)
    }

    @Test func escalatesAfterHoursWithoutAnswer() throws {
        let f = try Fixture(configuration: EngagementConfiguration(escalationRules: [EscalationRule(name: "24h", unansweredAfterHours: 24)]))
        let unanswered = try f.engine.questions.ask(title: "Nobody knows", body: "help", by: F.alice)
        let answered = try f.engine.questions.ask(title: "Easy one", body: "help", by: F.alice)
        _ = try f.engine.questions.answer(answered.id, body: "done", by: F.bob)
        f.clock.advance(by: 23 * 3600)
        #expect(try f.engine.questions.runEscalations().isEmpty)
        f.clock.advance(by: 3600)
        #expect(try f.engine.questions.runEscalations() == [unanswered.id])
        #expect(try f.engine.questions.runEscalations().isEmpty)  // once only
        let event = try #require(f.events.all(QuestionEscalated.self).first)
        #expect(event.questionID == unanswered.id && event.title == "Nobody knows" && event.body == "help" && event.askerID == F.alice)
        #expect(event.reason == .unansweredFor(hours: 24) && event.occurredAt == f.clock.now())
        let stored = try f.engine.questions.page(unanswered.id, viewer: F.alice).question
        #expect(stored.escalation?.caseID == event.caseID)
    }

    @Test func escalatesOnKeywordsAtOnceAndByTopic() throws {
        let rules = [
            EscalationRule(name: "urgent", keywords: [Keyword("outage"), Keyword("장애")]),
            EscalationRule(name: "billing", unansweredAfterHours: 1, topics: ["Billing"]),
        ]
        let f = try Fixture(configuration: EngagementConfiguration(escalationRules: rules))
        let q = try f.engine.questions.ask(title: "Total OUTAGE in EU", body: "all down", by: F.alice)
        #expect(q.escalation?.reason == .keyword("outage"))
        let ko = try f.engine.questions.ask(title: "서비스 장애가 있어요", body: "도와주세요", by: F.kim)
        #expect(ko.escalation?.reason == .keyword("장애"))
        let other = try f.engine.questions.ask(title: "Generic", body: "x", topics: ["Other"], by: F.alice)
        let billing = try f.engine.questions.ask(title: "Invoice", body: "x", topics: ["billing"], by: F.alice)
        f.clock.advance(by: 2 * 3600)
        #expect(try f.engine.questions.runEscalations() == [billing.id])
        #expect(try f.engine.questions.page(other.id, viewer: F.alice).question.escalation == nil)
        #expect(f.events.all(QuestionEscalated.self).count == 3)
    }

    @Test func manualEscalationByAskerOrModerator() throws {
        let f = try Fixture()
        let q = try f.engine.questions.ask(title: "Manual", body: "x", by: F.alice)
        #expect(throws: (any Error).self) { try f.engine.questions.escalate(q.id, by: F.bob) }
        let caseID = try f.engine.questions.escalate(q.id, by: F.mod)
        #expect(try f.engine.questions.escalate(q.id, by: F.alice) == caseID)
        #expect(f.events.all(QuestionEscalated.self).map(\.reason) == [.manual(by: F.mod)])
    }
}

@Suite struct SearchIntegrationTests {
    typealias F = Fixture

    @Test func suggestionsThroughContentSearchIndex() throws {
        let index = MemorySearchIndex()
        try index.upsert(SearchDocument(type: .article, id: "kb-reset", locale: "en_US", title: "Reset your password",
            body: "Open settings and choose reset password", createdAt: Date(timeIntervalSince1970: 0)))
        let services = SearchIndexContentServices(index: index, viewer: { id in
            SearchViewer(keys: [SearchAccessKey.user(id.rawValue)])
        })
        let f = try Fixture(content: services)
        let q = try f.engine.questions.ask(title: "Password reset does not work", body: "help", by: F.alice)
        #expect(try index.document(SearchDocumentKey(type: .question, id: q.id.rawValue)) != nil)
        let s = try f.engine.questions.suggestions(title: "password reset", viewer: F.bob)
        #expect(s.map(\.kind).contains(.article))
        #expect(s.contains { $0.kind == .question && $0.id == q.id.rawValue })
        // Group questions carry the group key: members without it do not get them from the index.
        let g = try f.engine.groups.create(name: "Inner", visibility: .private, by: F.alice)
        let hidden = try f.engine.questions.ask(title: "Password vault secrets", body: "x", in: g.id, by: F.alice)
        #expect(!(try f.engine.questions.suggestions(title: "password vault", viewer: F.bob).contains { $0.id == hidden.id.rawValue }))
        #expect(throws: (any Error).self) { try services.draftArticle(title: "t", body: SanitizedHTML(escaping: "b"), author: F.mod, question: q.id) }
    }
}
