import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Case lifecycle, comments and history")
struct ServiceCaseLifecycleTests {
    let fixture = ServiceFixture()

    @Test func portalCaseTakesMembersContactAndAccount() throws {
        let service = try fixture.cases()
        let record = try service.submit(
            CaseDraft(subject: "Printer on fire", description: "Smoke", product: "X100", priority: .high), by: "custA")
        #expect(record.contactID == "conA")
        #expect(record.accountID == "cust")
        #expect(record.status == "New")
        #expect(record.origin == .community)
        #expect(record.owner == .queue("tier1"))
        #expect(record.createdAt == fixture.clock.now())
        #expect(try service.tracking(of: record.id, viewer: "custA").supportLevel == "Premier")
    }

    @Test func allowedTransitionsMoveAndIllegalOnesThrow() throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Help"), by: "custA")
        #expect(throws: CaseError.illegalTransition(case: record.id, from: "New", to: "Waiting on Customer")) {
            try service.changeStatus(record.id, to: "Waiting on Customer", by: "agent1")
        }
        #expect(throws: CaseError.unknownStatus("Solved")) { try service.changeStatus(record.id, to: "Solved", by: "agent1") }
        try service.changeStatus(record.id, to: "Working", by: "agent1")
        try service.changeStatus(record.id, to: "Waiting on Customer", by: "agent1")
        fixture.clock.advance(by: 600)
        let closed = try service.changeStatus(record.id, to: "Closed", by: "agent1")
        #expect(closed.status == "Closed")
        #expect(try service.tracking(of: record.id, viewer: "agent1").closedAt == fixture.clock.now())
        #expect(throws: CaseError.illegalTransition(case: record.id, from: "Closed", to: "Escalated")) {
            try service.changeStatus(record.id, to: "Escalated", by: "agent1")
        }
        // Reopen clears the closure.
        try service.changeStatus(record.id, to: "Working", by: "agent1")
        #expect(try service.tracking(of: record.id, viewer: "agent1").closedAt == nil)
        let history = try service.history(of: record.id, viewer: "agent1")
        #expect(history.map(\.field) == ["Created", "OwnerId", "Status", "Status", "Status", "Status"])
        #expect(history.filter { $0.field == "Status" }.map(\.newValue) == ["Working", "Waiting on Customer", "Closed", "Working"])
        #expect(history.last?.actorID == "agent1")
    }

    @Test func customLifecycleIsValidated() throws {
        let lifecycle = CaseLifecycle(
            statuses: ["Open", "Done"], initialStatus: "Open", closedStatuses: ["Done"], transitions: ["Open": ["Gone"]])
        #expect(throws: CaseError.unknownStatus("Gone")) { try fixture.cases { $0.lifecycle = lifecycle } }
        let valid = CaseLifecycle(
            statuses: ["Open", "Done"], initialStatus: "Open", closedStatuses: ["Done"], transitions: ["Open": ["Done"]])
        let service = try fixture.cases { $0.lifecycle = valid }
        let record = try service.submit(CaseDraft(subject: "Custom"), by: "custA")
        #expect(record.status == "Open")
        #expect(try service.changeStatus(record.id, to: "Done", by: "agent1").status == "Done")
    }

    @Test func membersSeePublicCommentsOnlyAndCannotWriteInternalOnes() throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Help"), by: "custA")
        try service.addComment(record.id, body: "We are on it", isPublic: true, by: "agent1")
        try service.addComment(record.id, body: "Customer is on the old firmware", isPublic: false, by: "agent1")
        try service.addComment(record.id, body: "Thanks!", isPublic: true, by: "custA")
        #expect(throws: CaseError.internalCommentByExternalUser("custA")) {
            try service.addComment(record.id, body: "psst", isPublic: false, by: "custA")
        }
        #expect(try service.comments(of: record.id, viewer: "custA").map(\.body) == ["We are on it", "Thanks!"])
        #expect(try service.comments(of: record.id, viewer: "agent1").count == 3)
        #expect(throws: CaseError.invalid(ValidationError(field: "CaseComment.Body", reason: .required))) {
            try service.addComment(record.id, body: "  ", isPublic: true, by: "agent1")
        }
    }

    @Test func firstPublicAgentCommentIsTheFirstResponse() throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Help"), by: "custA")
        try service.addComment(record.id, body: "more detail", isPublic: true, by: "custA")
        try service.addComment(record.id, body: "internal", isPublic: false, by: "agent1")
        #expect(try service.tracking(of: record.id, viewer: "agent1").firstResponseAt == nil)
        fixture.clock.advance(by: 900)
        try service.addComment(record.id, body: "Hello", isPublic: true, by: "agent1")
        let responded = fixture.clock.now()
        fixture.clock.advance(by: 900)
        try service.addComment(record.id, body: "Again", isPublic: true, by: "agent2")
        #expect(try service.tracking(of: record.id, viewer: "agent1").firstResponseAt == responded)
    }

    @Test func badDraftsAreRejectedWithNothingSaved() throws {
        let service = try fixture.cases()
        let before = fixture.census()
        #expect(throws: CaseError.invalid(ValidationError(field: "Case.Subject", reason: .required))) {
            try service.submit(CaseDraft(subject: ""), by: "custA")
        }
        #expect(throws: CaseError.invalid(ValidationError(field: "Case.Subject", reason: .tooLong(limit: 255, actual: 300)))) {
            try service.submit(CaseDraft(subject: String(repeating: "a", count: 300)), by: "custA")
        }
        #expect(throws: CaseError.unknownUser("ghost")) { try service.submit(CaseDraft(subject: "x"), by: "ghost") }
        #expect(fixture.census() == before)
    }
}
