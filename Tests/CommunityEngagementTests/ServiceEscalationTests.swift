import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Case escalation rules and milestones")
struct ServiceEscalationTests {
    let fixture = ServiceFixture()

    @Test func noFirstResponseEscalatesByBusinessAgeOnce() throws {
        let service = try fixture.cases {
            $0.businessHours = .weekdays(from: 9, to: 17, timeZone: "UTC")
            $0.escalationRules = [
                CaseEscalationRule(
                    name: "4h silent", trigger: .noFirstResponse(afterBusinessSeconds: 4 * ServiceFixture.hour),
                    actions: [.reassign(.queue("tier2")), .raisePriority, .notify("boss"), .markEscalated])
            ]
        }
        // Monday 08:00: business time starts at 09:00.
        let record = try service.submit(CaseDraft(subject: "Slow", priority: .medium), by: "custA")
        fixture.clock.advance(by: 4.5 * ServiceFixture.hour)  // 12:30 → 3.5 business hours
        #expect(try service.runEscalations().isEmpty)
        fixture.clock.advance(by: 0.5 * ServiceFixture.hour)  // 13:00 → 4 business hours
        let fired = try service.runEscalations()
        #expect(fired.map(\.caseID) == [record.id])
        #expect(fired.first?.rules == ["4h silent"])
        let escalated = try #require(fixture.value(record.id))
        #expect(escalated.owner == .queue("tier2"))
        #expect(escalated.priority == .high)
        #expect(escalated.status == "Escalated")
        #expect(fixture.notifier.delivered(to: "boss").map(\.recordID) == [record.id.rawValue])
        // Fires only once.
        fixture.clock.advance(by: 24 * ServiceFixture.hour)
        #expect(try service.runEscalations().isEmpty)
        let history = try service.history(of: record.id, viewer: "agent3")
        #expect(history.filter { $0.reason == "4h silent" }.map(\.field) == ["OwnerId", "Priority", "Status"])
    }

    @Test func weekendDoesNotCountAndAResponseStopsEscalation() throws {
        let service = try fixture.cases {
            $0.businessHours = .weekdays(from: 9, to: 17, timeZone: "UTC")
            $0.escalationRules = [
                CaseEscalationRule(
                    name: "2h", trigger: .noFirstResponse(afterBusinessSeconds: 2 * ServiceFixture.hour),
                    actions: [.notifyOwner])
            ]
        }
        fixture.clock.advance(by: 4 * 86_400 + 8 * ServiceFixture.hour)  // Friday 16:00
        let waiting = try service.submit(CaseDraft(subject: "Friday"), by: "custA")
        let answered = try service.submit(CaseDraft(subject: "Friday too"), by: "custB")
        try service.pick(waiting.id, by: "agent1")
        try service.addComment(answered.id, body: "Looking", isPublic: true, by: "agent2")
        fixture.clock.advance(by: 65 * ServiceFixture.hour)  // Monday 09:00 → one business hour
        #expect(try service.runEscalations().isEmpty)
        fixture.clock.advance(by: ServiceFixture.hour)  // Monday 10:00 → two
        #expect(try service.runEscalations().map(\.caseID) == [waiting.id])
        #expect(fixture.notifier.delivered(to: "agent1").count == 1)
    }

    @Test func keywordAndPriorityTriggers() throws {
        let service = try fixture.cases {
            $0.escalationRules = [
                CaseEscalationRule(name: "legal", trigger: .keywords(["lawsuit", "Anwalt"]), actions: [.setPriority(.critical)]),
                CaseEscalationRule(name: "critical", trigger: .priority([.critical]), actions: [.reassign(.user("agent3"))]),
            ]
        }
        let legal = try service.submit(CaseDraft(subject: "Mein ANWALT meldet sich", priority: .low), by: "custA")
        let calm = try service.submit(CaseDraft(subject: "Question", priority: .low), by: "custA")
        var fired = try service.runEscalations()
        #expect(fired.map(\.caseID) == [legal.id])
        #expect(fixture.value(legal.id)?.priority == .critical)
        // The priority change makes the second rule fire on the next run.
        fired = try service.runEscalations()
        #expect(fired.map(\.rules) == [["critical"]])
        #expect(fixture.value(legal.id)?.owner == .user("agent3"))
        #expect(fixture.value(calm.id)?.owner == .queue("tier1"))
    }

    @Test func closedCasesDoNotEscalate() throws {
        let service = try fixture.cases {
            $0.escalationRules = [CaseEscalationRule(name: "any", trigger: .priority([.medium]), actions: [.raisePriority])]
        }
        let record = try service.submit(CaseDraft(subject: "x"), by: "custA")
        try service.changeStatus(record.id, to: "Closed", by: "agent1")
        #expect(try service.runEscalations().isEmpty)
    }

    @Test func duplicateRuleNamesAreRefused() {
        #expect(throws: CaseError.invalidConfiguration("escalation rule names must be unique")) {
            try fixture.cases {
                $0.escalationRules = [
                    CaseEscalationRule(name: "a", trigger: .priority([.low]), actions: []),
                    CaseEscalationRule(name: "a", trigger: .priority([.high]), actions: []),
                ]
            }
        }
    }

    @Test func milestonesMoveFromOnTrackToWarningToViolated() throws {
        let service = try fixture.cases { $0.businessHours = .weekdays(from: 9, to: 17, timeZone: "UTC") }
        // Globex is Premier: first response 2h, resolution 8h, warning at 75%.
        let record = try service.submit(CaseDraft(subject: "SLA"), by: "custA")
        func states() throws -> [Milestone.State] { try service.milestones(of: record.id, viewer: "agent1").map(\.state) }
        #expect(try states() == [.onTrack, .onTrack])
        let firstResponse = try service.milestones(of: record.id, viewer: "agent1")[0]
        #expect(firstResponse.deadline == fixture.clock.now() + 3 * ServiceFixture.hour)  // 09:00 + 2h
        fixture.clock.advance(by: 2.5 * ServiceFixture.hour)  // 10:30 → 1.5h used of 2h
        #expect(try states() == [.warning, .onTrack])
        fixture.clock.advance(by: 0.5 * ServiceFixture.hour)  // 11:00 → 2h
        #expect(try states() == [.violated, .onTrack])
        fixture.clock.advance(by: 60)
        try service.addComment(record.id, body: "Sorry for the wait", isPublic: true, by: "agent1")
        #expect(try states() == [.violated, .onTrack])  // completed late stays violated
        fixture.clock.advance(by: 3 * ServiceFixture.hour - 60)  // 14:00 → 5h of 8h
        #expect(try states() == [.violated, .onTrack])
        fixture.clock.advance(by: 1 * ServiceFixture.hour)  // 15:00 → 6h = 75%
        #expect(try states() == [.violated, .warning])
        try service.changeStatus(record.id, to: "Closed", by: "agent1")
        fixture.clock.advance(by: 48 * ServiceFixture.hour)
        #expect(try states() == [.violated, .met])
    }

    @Test func respondingInTimeMeetsTheMilestone() throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Standard"), by: "initUser")  // Initech: Standard level
        fixture.clock.advance(by: ServiceFixture.hour)
        try service.addComment(record.id, body: "Hi", isPublic: true, by: "agent1")
        fixture.clock.advance(by: 100 * ServiceFixture.hour)
        let milestones = try service.milestones(of: record.id, viewer: "agent1")
        #expect(milestones[0].state == .met)
        #expect(milestones[0].elapsed == ServiceFixture.hour)
        #expect(milestones[0].target == 8 * ServiceFixture.hour)
        #expect(milestones[1].state == .violated)
    }
}
