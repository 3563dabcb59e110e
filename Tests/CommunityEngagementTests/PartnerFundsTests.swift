import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Market development funds")
struct PartnerFundsTests {
    let fixture = ServiceFixture()

    func service() throws -> (MarketDevelopmentFundService, ApprovalEngine) {
        let approvals = ApprovalEngine(environment: fixture.environment)
        let service = try MarketDevelopmentFundService(
            environment: fixture.environment, approvals: approvals,
            requestSteps: [ApprovalStep(name: "Channel", approvers: [.queue("leadPool")])],
            claimSteps: [ApprovalStep(name: "Director", approvers: [.user("director")])])
        return (service, approvals)
    }

    @Test func requestsRespectTierLimitsAndBudgets() throws {
        let (service, _) = try service()
        // No budget yet.
        #expect(throws: PartnerError.overBudget(requested: 1_000, available: 0)) {
            try service.requestFunds(1_000, for: "Trade show", period: "2026-Q1", by: "paUser1")
        }
        try service.allocate(30_000, to: "pa", period: "2026-Q1", by: "cmA")
        #expect(throws: AccessDenied.self) { try service.allocate(99_000, to: "pa", period: "2026-Q1", by: "cmB") }
        // Gold may ask at most 25,000 per request.
        #expect(throws: PartnerError.overBudget(requested: 26_000, available: 25_000)) {
            try service.requestFunds(26_000, for: "Trade show", period: "2026-Q1", by: "paUser1")
        }
        // Registered partners get nothing.
        try service.allocate(10_000, to: "pr", period: "2026-Q1", by: "cmA")
        #expect(throws: PartnerError.overBudget(requested: 1, available: 0)) {
            try service.requestFunds(1, for: "Flyers", period: "2026-Q1", by: "prUser")
        }
        #expect(throws: PartnerError.self) { try service.requestFunds(0, for: "x", period: "2026-Q1", by: "paUser1") }
        #expect(throws: PartnerError.notAPartnerUser("agent1")) {
            try service.requestFunds(10, for: "x", period: "2026-Q1", by: "agent1")
        }
    }

    @Test func approvalCommitsBudgetAndRechecksItAtApproval() throws {
        let (service, approvals) = try service()
        try service.allocate(30_000, to: "pa", period: "2026-Q1", by: "cmA")
        let first = try service.requestFunds(20_000, for: "Trade show", period: "2026-Q1", by: "paUser1")
        let second = try service.requestFunds(20_000, for: "Webinar", period: "2026-Q1", by: "paUser2")
        try approvals.approve(first.approval.id, by: "cmA")
        #expect(fixture.value(first.request.id)?.status == .approved)
        #expect(try service.budget(of: "pa", period: "2026-Q1", viewer: "paExec")?.available == 10_000)
        // The second no longer fits: its approval fails and changes nothing.
        #expect(throws: PartnerError.overBudget(requested: 20_000, available: 10_000)) {
            try approvals.approve(second.approval.id, by: "cmA")
        }
        #expect(fixture.value(second.request.id)?.status == .submitted)
        #expect(fixture.value(second.approval.id)?.status == .pending)
        try approvals.reject(second.approval.id, by: "cmA", comment: "over budget")
        #expect(fixture.value(second.request.id)?.status == .rejected)
        // The allocation cannot drop below what is committed.
        #expect(throws: PartnerError.overBudget(requested: 20_000, available: 5_000)) {
            try service.allocate(5_000, to: "pa", period: "2026-Q1", by: "cmA")
        }
        #expect(throws: AccessDenied.self) { try service.budget(of: "pa", period: "2026-Q1", viewer: "pbUser") }
    }

    @Test func claimsAgainstApprovedRequests() throws {
        let (service, approvals) = try service()
        try service.allocate(30_000, to: "pa", period: "2026-Q1", by: "cmA")
        let funded = try service.requestFunds(10_000, for: "Trade show", period: "2026-Q1", by: "paUser1")
        #expect(throws: PartnerError.wrongFundStatus(funded.request.id.rawValue, status: "submitted")) {
            try service.claim(1_000, against: funded.request.id, proof: "invoice", by: "paUser1")
        }
        try approvals.approve(funded.approval.id, by: "cmB")
        let claim = try service.claim(6_000, against: funded.request.id, proof: "invoice 17", by: "paUser1")
        #expect(throws: PartnerError.unknownFundRecord(funded.request.id.rawValue)) {
            try service.claim(1_000, against: funded.request.id, proof: "stolen", by: "pbUser")
        }
        try approvals.approve(claim.approval.id, by: "director")
        #expect(fixture.value(claim.claim.id)?.status == .approved)
        #expect(fixture.value(funded.request.id)?.claimed == 6_000)
        #expect(throws: PartnerError.overBudget(requested: 5_000, available: 4_000)) {
            try service.claim(5_000, against: funded.request.id, proof: "more", by: "paUser1")
        }
        let last = try service.claim(4_000, against: funded.request.id, proof: "rest", by: "paUser2")
        try approvals.reject(last.approval.id, by: "director", comment: "no proof")
        #expect(fixture.value(last.claim.id)?.status == .rejected)
        #expect(fixture.value(funded.request.id)?.claimed == 6_000)
    }
}
