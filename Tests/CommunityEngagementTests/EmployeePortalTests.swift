import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Employee portal")
struct EmployeePortalTests {
    let fixture = ServiceFixture()

    func portal(publishers: Set<ID<Role>> = ["hr", "ceo"]) -> (EmployeePortal, ApprovalEngine) {
        let approvals = ApprovalEngine(environment: fixture.environment)
        return (EmployeePortal(environment: fixture.environment, approvals: approvals, publisherRoles: publishers), approvals)
    }

    @Test func announcementsReachTheirDepartmentsAndRoles() throws {
        let (portal, _) = portal()
        let all = try portal.publish(title: "Holiday party", body: "Friday", by: "hr1")
        fixture.clock.advance(by: 60)
        let support = try portal.publish(title: "New SLA", body: "2h", departments: ["Support"], by: "hr1")
        fixture.clock.advance(by: 60)
        let channel = try portal.publish(title: "Partner summit", body: "Berlin", roles: ["channelA", "channelB"], by: "boss")
        fixture.clock.advance(by: 60)
        let both = try portal.publish(
            title: "Sales in HR", body: "none", departments: ["Sales"], roles: ["hr"], expiresAt: fixture.clock.now() + 3600,
            by: "boss")
        #expect(try portal.announcements(for: "agent1").map(\.id) == [support.id, all.id])
        #expect(try portal.announcements(for: "cmA").map(\.id) == [channel.id, all.id])
        #expect(try portal.announcements(for: "hr1").map(\.id) == [all.id])  // HR role but not Sales
        #expect(try portal.announcements(for: "paUser1").isEmpty)  // employees only
        _ = both
        #expect(throws: EmployeeError.notAPublisher("agent1")) { try portal.publish(title: "x", body: "y", by: "agent1") }
        #expect(throws: EmployeeError.notAnEmployee("paUser1")) { try portal.publish(title: "x", body: "y", by: "paUser1") }
        #expect(throws: EmployeeError.invalid(ValidationError(field: "Announcement.Title", reason: .required))) {
            try portal.publish(title: "", body: "y", by: "hr1")
        }
        fixture.clock.advance(by: 3600)
        #expect(try portal.announcements(for: "director").map(\.id) == [all.id])
    }

    @Test func leaveRequestsGoThroughManagerThenHR() throws {
        let (portal, approvals) = portal()
        try portal.registerRequestKind(
            "leave",
            steps: [
                ApprovalStep(name: "Manager", approvers: [.submittersManager]),
                ApprovalStep(name: "HR", approvers: [.queue("hrQueue")]),
            ])
        let start = try Day(year: 2026, month: 2, day: 2), end = try Day(year: 2026, month: 2, day: 6)
        let (request, approval) = try portal.submitRequest(
            kind: "leave", details: "Skiing", startDay: start, endDay: end, by: "agent1")
        #expect(try approvals.pendingRequests(for: "boss").map(\.id) == [approval.id])
        #expect(throws: ApprovalError.notAnApprover(user: "agent2", request: approval.id, step: 0)) {
            try approvals.approve(approval.id, by: "agent2")
        }
        try approvals.approve(approval.id, by: "boss")
        #expect(try portal.request(request.id).status == .submitted)
        try approvals.approve(approval.id, by: "hr1")
        #expect(try portal.request(request.id).status == .approved)

        let (second, secondApproval) = try portal.submitRequest(kind: "leave", details: "Again", by: "agent1")
        try approvals.reject(secondApproval.id, by: "boss", comment: "busy week")
        #expect(try portal.request(second.id).status == .rejected)
        #expect(try portal.requests(of: "agent1").count == 2)
    }

    @Test func badRequestsAreTyped() throws {
        let (portal, _) = portal()
        try portal.registerRequestKind("leave", steps: [ApprovalStep(name: "Manager", approvers: [.submittersManager])])
        let start = try Day(year: 2026, month: 2, day: 6), end = try Day(year: 2026, month: 2, day: 2)
        #expect(throws: EmployeeError.self) {
            try portal.submitRequest(kind: "leave", details: "Backwards", startDay: start, endDay: end, by: "agent1")
        }
        #expect(throws: ApprovalError.unknownProcess("employee.bike")) {
            try portal.submitRequest(kind: "bike", details: "Bike", by: "agent1")
        }
        #expect(throws: EmployeeError.notAnEmployee("custA")) {
            try portal.submitRequest(kind: "leave", details: "x", by: "custA")
        }
        #expect(fixture.count(EmployeeRequest.self) == 0)
    }
}
