import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Cases from unanswered questions")
struct ServiceQuestionCaseTests {
    let fixture = ServiceFixture()

    func escalate(_ question: String, caseID: ID<Case>, asker: ID<User> = "custA") -> QuestionEscalated {
        let q = Question(
            id: ID(question), askerID: asker, title: "How do I reset the X100?", body: try! RichTextSanitizer().sanitize("<p>It blinks red</p>"),
            createdAt: fixture.clock.now(),
            escalation: .init(caseID: caseID, reason: .unansweredFor(hours: 24), at: fixture.clock.now()))
        fixture.put(q)
        return QuestionEscalated(
            questionID: q.id, title: q.title, body: "It blinks red", askerID: asker, caseID: caseID,
            reason: .unansweredFor(hours: 24), occurredAt: fixture.clock.now())
    }

    @Test func escalatedQuestionBecomesALinkedCase() throws {
        let service = try fixture.cases()
        let subscription = service.connectQuestionEscalations()
        defer { subscription.cancel() }
        let opened = TypedEventLog<CaseOpened>()
        let sub2 = fixture.bus.subscribe(CaseOpened.self) { opened.append($0) }
        defer { sub2.cancel() }
        let event = escalate("q1", caseID: "case-q1")
        fixture.bus.publish(event)
        let record = try #require(fixture.value(ID<Case>("case-q1")))
        #expect(record.subject == "How do I reset the X100?")
        #expect(record.description == "It blinks red")
        #expect(record.origin == .question)
        #expect(record.contactID == "conA" && record.accountID == "cust")
        #expect(try service.tracking(of: record.id, viewer: "agent1").questionID == "q1")
        #expect(opened.events.map(\.caseID) == ["case-q1"])
        // Delivered twice: still one case.
        fixture.bus.publish(event)
        #expect(try service.openCase(for: event) == nil)
        #expect(fixture.count(Case.self) == 1)
        // The asker sees the case through Access (case contact).
        #expect(try service.case(record.id, viewer: "custA").id == record.id)
    }

    @Test func solvingTheQuestionClosesTheCase() throws {
        let service = try fixture.cases()
        let event = escalate("q2", caseID: "case-q2")
        try service.openCase(for: event)
        _ = escalate("q3", caseID: "case-q3")  // escalated but its case is never solved
        try service.openCase(for: escalate("q3", caseID: "case-q3"))
        #expect(try service.closeCasesForSolvedQuestions().isEmpty)
        var question = try #require(fixture.value(ID<Question>("q2")))
        question.isSolved = true
        question.bestAnswerID = "ans-1"
        fixture.put(question)
        #expect(try service.closeCasesForSolvedQuestions() == ["case-q2"])
        #expect(fixture.value(ID<Case>("case-q2"))?.status == "Closed")
        #expect(fixture.value(ID<Case>("case-q3"))?.status == "New")
        let tracking = try service.tracking(of: "case-q2", viewer: "agent1")
        #expect(tracking.solvedByAnswerID == "ans-1")
        #expect(tracking.closedAt == fixture.clock.now())
        #expect(try service.history(of: "case-q2", viewer: "agent1").last?.reason == "question solved")
        // Running again does nothing.
        #expect(try service.closeCasesForSolvedQuestions().isEmpty)
    }

    @Test func autoCloseCanBeTurnedOff() throws {
        let service = try fixture.cases { $0.closeWhenQuestionSolved = false }
        try service.openCase(for: escalate("q4", caseID: "case-q4"))
        var question = try #require(fixture.value(ID<Question>("q4")))
        question.isSolved = true
        fixture.put(question)
        #expect(try service.closeCasesForSolvedQuestions().isEmpty)
        #expect(fixture.value(ID<Case>("case-q4"))?.status == "New")
    }
}
