import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Case assignment rules and queues")
struct ServiceAssignmentTests {
    let fixture = ServiceFixture()

    static let rules: [CaseAssignmentRule] = [
        CaseAssignmentRule(name: "Critical", criteria: [.priority([.critical])], target: .user("agent3")),
        CaseAssignmentRule(name: "Security", criteria: [.keywords(["breach", "Sicherheitslücke"])], target: .queue("tier2")),
        CaseAssignmentRule(
            name: "Premier X100 in EMEA", criteria: [.product(["X100"]), .region(["EMEA"]), .accountTier(["Premier"])],
            target: .roundRobin("tier1")),
        CaseAssignmentRule(name: "Partners", criteria: [.accountTier(["gold", "platinum"])], target: .user("agent2")),
    ]

    @Test func firstMatchingRuleInOrderDecides() throws {
        fixture.put(
            Account(
                id: "cust", name: "Globex Corporation", owner: "agent1", region: "EMEA",
                customFields: ["SupportLevel": .picklist("Premier"), "Tier": .picklist("Premier")]))
        let service = try fixture.cases { $0.assignmentRules = Self.rules }
        // Critical wins over the keyword rule below it.
        let critical = try service.submit(CaseDraft(subject: "Data breach", priority: .critical), by: "custA")
        #expect(critical.owner == .user("agent3"))
        // Keywords: case and accent blind.
        let security = try service.submit(CaseDraft(subject: "Eine SICHERHEITSLUCKE gefunden"), by: "custA")
        #expect(security.owner == .queue("tier2"))
        // Product + region + account tier → round-robin in Tier 1.
        let a = try service.submit(CaseDraft(subject: "a", product: "X100"), by: "custA")
        let b = try service.submit(CaseDraft(subject: "b", product: "X100"), by: "custB")
        let c = try service.submit(CaseDraft(subject: "c", product: "X100"), by: "custA")
        #expect([a.owner, b.owner, c.owner] == [.user("agent1"), .user("agent2"), .user("agent1")])
        // Partner tier counts as the account tier.
        let partnerCase = try service.submit(CaseDraft(subject: "Portal login"), by: "paUser1")
        #expect(partnerCase.owner == .user("agent2"))
        // Nothing matches → default owner.
        let other = try service.submit(CaseDraft(subject: "Other", product: "Y200"), by: "custA")
        #expect(other.owner == .queue("tier1"))
        let history = try service.history(of: a.id, viewer: "agent1")
        #expect(history.first { $0.field == "OwnerId" }?.reason == "Premier X100 in EMEA")
    }

    @Test func criteriaMatchIndependently() throws {
        let account = Account(id: "x", name: "X", owner: "agent1", isPartner: true, partnerTier: .silver, region: "APAC")
        let record = Case(id: "c", subject: "Disk FULL", description: "überlauf", priority: .low, product: "Z", owner: .user("agent1"))
        #expect(CaseCriterion.product(["Z"]).matches(record, account: nil))
        #expect(!CaseCriterion.product(["Y"]).matches(record, account: nil))
        #expect(CaseCriterion.priority([.low, .medium]).matches(record, account: nil))
        #expect(CaseCriterion.accountTier(["silver"]).matches(record, account: account))
        #expect(!CaseCriterion.accountTier(["silver"]).matches(record, account: nil))
        #expect(CaseCriterion.region(["APAC"]).matches(record, account: account))
        #expect(CaseCriterion.keywords(["full"]).matches(record, account: nil))
        #expect(CaseCriterion.keywords(["uberlauf"]).matches(record, account: nil))
        #expect(!CaseCriterion.keywords(["", "empty"]).matches(record, account: nil))
        #expect(CaseAssignmentRule(name: "all", criteria: [], target: .user("agent1")).matches(record, account: nil))
    }

    @Test func roundRobinWithoutMembersFallsBackToTheQueue() throws {
        fixture.put(Queue(id: "empty", name: "Empty", objects: ["Case"], members: []))
        let service = try fixture.cases {
            $0.assignmentRules = [CaseAssignmentRule(name: "rr", criteria: [], target: .roundRobin("empty"))]
        }
        #expect(try service.submit(CaseDraft(subject: "x"), by: "custA").owner == .queue("empty"))
    }

    @Test func queueMembersPickCasesOthersCannot() throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Help"), by: "custA")
        #expect(try service.queueCases("tier1", viewer: "agent1").map(\.id) == [record.id])
        #expect(throws: CaseError.cannotPick(case: record.id, user: "agent3")) { try service.pick(record.id, by: "agent3") }
        let picked = try service.pick(record.id, by: "agent2")
        #expect(picked.owner == .user("agent2"))
        #expect(try service.queueCases("tier1", viewer: "agent1").isEmpty)
        #expect(throws: CaseError.cannotPick(case: record.id, user: "agent1")) { try service.pick(record.id, by: "agent1") }
    }

    @Test func concurrentPicksHaveOneWinner() async throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Help"), by: "custA")
        let results = await withTaskGroup(of: ID<User>?.self) { group in
            for user in [ID<User>("agent1"), "agent2", "agent1", "agent2"] {
                group.addTask { (try? service.pick(record.id, by: user)) != nil ? user : nil }
            }
            var winners: [ID<User>] = []
            for await winner in group { if let winner { winners.append(winner) } }
            return winners
        }
        #expect(results.count == 1)
        #expect(fixture.value(record.id)?.owner == .user(results[0]))
    }
}
