import CommunityEngagement
import CommunityModel
import CommunityTesting
import Foundation
import Testing

@Suite("Satisfaction surveys")
struct ServiceSurveyTests {
    let fixture = ServiceFixture()

    func closedCase(_ service: CaseService, by member: ID<User> = "custA") throws -> Case {
        let record = try service.submit(CaseDraft(subject: "Done soon"), by: member)
        return try service.changeStatus(record.id, to: "Closed", by: "agent1")
    }

    @Test func scoresOutsideTheirScalesAreRejected() throws {
        let service = try fixture.cases()
        let record = try closedCase(service)
        #expect(throws: CaseError.scoreOutOfRange(field: "CSAT", value: 0, allowed: 1...5)) {
            try service.answerSurvey(record.id, csat: 0, nps: 5, by: "custA")
        }
        #expect(throws: CaseError.scoreOutOfRange(field: "CSAT", value: 6, allowed: 1...5)) {
            try service.answerSurvey(record.id, csat: 6, nps: 5, by: "custA")
        }
        #expect(throws: CaseError.scoreOutOfRange(field: "NPS", value: -1, allowed: 0...10)) {
            try service.answerSurvey(record.id, csat: 3, nps: -1, by: "custA")
        }
        #expect(throws: CaseError.scoreOutOfRange(field: "NPS", value: 11, allowed: 0...10)) {
            try service.answerSurvey(record.id, csat: 3, nps: 11, by: "custA")
        }
        #expect(fixture.count(CaseSurvey.self) == 0)
    }

    @Test func onlyTheMemberAnswersOnceAfterClosing() throws {
        let service = try fixture.cases()
        let open = try service.submit(CaseDraft(subject: "Open"), by: "custA")
        #expect(throws: CaseError.caseNotClosed(open.id)) { try service.answerSurvey(open.id, csat: 5, nps: 10, by: "custA") }
        let record = try closedCase(service)
        #expect(throws: CaseError.notCaseMember(case: record.id, user: "agent1")) {
            try service.answerSurvey(record.id, csat: 5, nps: 10, by: "agent1")
        }
        #expect(throws: AccessDenied.self) { try service.answerSurvey(record.id, csat: 5, nps: 10, by: "initUser") }
        try service.answerSurvey(record.id, csat: 5, nps: 10, comment: "great", by: "custA")
        #expect(throws: CaseError.surveyAlreadyGiven(record.id)) {
            try service.answerSurvey(record.id, csat: 1, nps: 0, by: "custA")
        }
    }

    @Test func aggregatesPerPeriodMatchThePlainDefinition() throws {
        let service = try fixture.cases()
        let start = fixture.clock.now()
        var random = SeededRandom(seed: 7)
        var answers: [(Date, Int, Int)] = []
        for _ in 0..<30 {
            fixture.clock.advance(by: TimeInterval(random.next() % 36) * 3600)
            let record = try closedCase(service, by: random.next() % 2 == 0 ? "custA" : "custB")
            let csat = Int(random.next() % 5) + 1, nps = Int(random.next() % 11)
            let member: ID<User> = record.contactID == "conA" ? "custA" : "custB"
            try service.answerSurvey(record.id, csat: csat, nps: nps, by: member)
            answers.append((fixture.clock.now(), csat, nps))
        }
        let end = fixture.clock.now() + 1
        let days = try service.surveySummaries(per: .day, from: start, to: end)
        #expect(days.reduce(0) { $0 + $1.responses } == 30)
        for day in days {
            let inDay = answers.filter { $0.0 >= day.start && $0.0 < day.end }
            #expect(day.responses == inDay.count)
            guard !inDay.isEmpty else { continue }
            let n = Double(inDay.count)
            #expect(abs(day.averageCSAT - Double(inDay.map(\.1).reduce(0, +)) / n) < 1e-9)
            let promoters = Double(inDay.filter { $0.2 >= 9 }.count), detractors = Double(inDay.filter { $0.2 <= 6 }.count)
            #expect(abs(day.netPromoterScore - (promoters - detractors) / n * 100) < 1e-9)
            #expect(abs(day.satisfiedPercent - Double(inDay.filter { $0.1 >= 4 }.count) / n * 100) < 1e-9)
        }
        let whole = try service.surveySummary(from: start, to: end)
        #expect(whole.responses == 30)
        #expect(try service.surveySummaries(per: .month, from: start, to: end).reduce(0) { $0 + $1.responses } == 30)
        #expect(throws: CaseError.self) { try service.surveySummaries(per: .minute, from: start, to: end) }
    }

    @Test func fixedExampleScores() throws {
        let service = try fixture.cases()
        let start = fixture.clock.now()
        for (csat, nps, member) in [(5, 10, "custA"), (4, 9, "custB"), (2, 3, "custA"), (3, 7, "custB")] {
            let record = try closedCase(service, by: ID(member))
            try service.answerSurvey(record.id, csat: csat, nps: nps, by: ID(member))
        }
        let summary = try service.surveySummary(from: start, to: start + 1)
        #expect(summary.responses == 4)
        #expect(summary.averageCSAT == 3.5)
        #expect(summary.satisfiedPercent == 50)
        #expect(summary.netPromoterScore == 25)  // 2 promoters, 1 detractor of 4
    }
}
