import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Cases from unanswered questions")
struct ServiceQuestionCaseTests {
    let fixture = ServiceFixture()

    /// The real Q&A engine on the same store, bus, clock and access.
    func engagement() throws -> Engagement {
        try Engagement(
            store: fixture.store, bus: fixture.bus, clock: fixture.clock, access: CommunityAccessPolicy(engine: fixture.engine))
    }

    @Test func escalatedQuestionBecomesALinkedCaseAndClosesWhenSolved() throws {
        let qa = try engagement()
        let service = try fixture.cases()
        let subscriptions = [service.connectQuestionEscalations(), service.connectQuestionSolutions()]
        defer { subscriptions.forEach { $0.cancel() } }
        let opened = ServiceEventLog<CaseOpened>()
        let sub = fixture.bus.subscribe(CaseOpened.self) { opened.append($0) }
        defer { sub.cancel() }

        let question = try qa.questions.ask(title: "How do I reset the X100?", body: "<p>It blinks <b>red</b></p>", by: "custA")
        let caseID = try qa.questions.escalate(question.id, by: "custA")
        let record = try #require(fixture.value(caseID))
        #expect(record.subject == "How do I reset the X100?")
        #expect(record.description.contains("It blinks red"))
        #expect(!record.description.contains("<b>"))
        #expect(record.origin == .question)
        #expect(record.contactID == "conA" && record.accountID == "cust")
        #expect(record.owner == .queue("tier1"))
        #expect(try service.tracking(of: caseID, viewer: "agent1").questionID == question.id.rawValue)
        #expect(opened.events.map(\.caseID) == [caseID])
        // The asker sees the case through Access (case contact).
        #expect(try service.case(caseID, viewer: "custA").id == caseID)

        let answer = try qa.questions.answer(question.id, body: "Hold the power button for 10 seconds.", by: "agent1")
        fixture.clock.advance(by: 600)
        try qa.questions.chooseBestAnswer(answer.id, by: "custA")
        #expect(fixture.value(caseID)?.status == "Closed")
        let tracking = try service.tracking(of: caseID, viewer: "agent1")
        #expect(tracking.solvedByAnswerID == answer.id.rawValue)
        #expect(tracking.closedAt == fixture.clock.now())
        #expect(try service.history(of: caseID, viewer: "agent1").last?.reason == "question solved")
    }

    @Test func duplicateDeliveryCreatesOneCase() throws {
        let service = try fixture.cases()
        let event = QuestionEscalated(
            questionID: "q1", title: "Title", body: "Body", askerID: "custB", caseID: "case-q1",
            reason: .keyword("outage"), occurredAt: fixture.clock.now())
        #expect(try service.openCase(for: event)?.id == "case-q1")
        #expect(try service.openCase(for: event) == nil)
        #expect(fixture.count(Case.self) == 1)
        #expect(fixture.value(ID<Case>("case-q1"))?.contactID == "conB")
    }

    @Test func solvedQuestionsAreSweptWhenEventsWereMissed() throws {
        let qa = try engagement()
        let service = try fixture.cases()
        let escalations = service.connectQuestionEscalations()  // no solution subscription
        defer { escalations.cancel() }
        let solved = try qa.questions.ask(title: "Printer offline", body: "<p>Since Monday</p>", by: "custA")
        let open = try qa.questions.ask(title: "Scanner offline", body: "<p>Since Tuesday</p>", by: "custB")
        let solvedCase = try qa.questions.escalate(solved.id, by: "custA")
        let openCase = try qa.questions.escalate(open.id, by: "custB")
        try qa.questions.markSolved(solved.id, by: "custA")
        #expect(fixture.value(solvedCase)?.status == "New")
        #expect(try service.closeCasesForSolvedQuestions() == [solvedCase])
        #expect(fixture.value(solvedCase)?.status == "Closed")
        #expect(fixture.value(openCase)?.status == "New")
        #expect(try service.closeCasesForSolvedQuestions().isEmpty)
    }

    @Test func autoCloseCanBeTurnedOff() throws {
        let qa = try engagement()
        let service = try fixture.cases { $0.closeWhenQuestionSolved = false }
        let subscriptions = [service.connectQuestionEscalations(), service.connectQuestionSolutions()]
        defer { subscriptions.forEach { $0.cancel() } }
        let question = try qa.questions.ask(title: "Keep open", body: "<p>x</p>", by: "custA")
        let caseID = try qa.questions.escalate(question.id, by: "custA")
        try qa.questions.markSolved(question.id, by: "custA")
        #expect(fixture.value(caseID)?.status == "New")
        #expect(try service.closeCasesForSolvedQuestions().isEmpty)
    }
}
