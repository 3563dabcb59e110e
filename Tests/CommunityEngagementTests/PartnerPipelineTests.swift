import CommunityEngagement
import CommunityModel
import CommunityTesting
import Foundation
import Testing

@Suite("Partner opportunities and pipeline")
struct PartnerPipelineTests {
    let fixture = ServiceFixture()
    let june = try! Day(year: 2026, month: 6, day: 30)

    @Test func stagesSetProbabilitiesAndUpdatesAreChecked() throws {
        let service = PartnerPipelineService(environment: fixture.environment)
        let opportunity = try service.create(
            OpportunityDraft(name: "Northwind rollout", stage: "Prospecting", amount: 10_000, closeDate: june), by: "paUser1")
        #expect(opportunity.probability == 10 && opportunity.partnerAccountID == "pa")
        let moved = try service.update(opportunity.id, by: "paUser1", stage: "Negotiation", amount: 12_000, nextStep: "Send quote")
        #expect(moved.probability == 80 && moved.amount == 12_000 && moved.nextStep == "Send quote")
        #expect(throws: PartnerError.unknownStage("Won")) { try service.update(opportunity.id, by: "paUser1", stage: "Won") }
        #expect(throws: AccessDenied.self) { try service.update(opportunity.id, by: "pbUser", amount: 1) }
        #expect(throws: PartnerError.invalid(ValidationError(field: "Opportunity.Amount", reason: .outOfRange("-1 < 0")))) {
            try service.update(opportunity.id, by: "paUser1", amount: -1)
        }
        #expect(throws: PartnerError.notAPartnerUser("custA")) {
            try service.create(OpportunityDraft(name: "x", closeDate: june), by: "custA")
        }
        #expect(throws: PartnerError.invalidConfiguration("stages need unique names and probabilities in 0...100")) {
            try OpportunityStages([.init(name: "A", probability: 120)])
        }
    }

    @Test func visibilityFollowsPartnerRolesSuperUsersAndChannelManagers() throws {
        let service = PartnerPipelineService(environment: fixture.environment)
        let u1 = try service.create(OpportunityDraft(name: "u1", amount: 100, closeDate: june), by: "paUser1")
        let u2 = try service.create(OpportunityDraft(name: "u2", amount: 200, closeDate: june), by: "paUser2")
        let mgr = try service.create(OpportunityDraft(name: "mgr", amount: 300, closeDate: june), by: "paMgr")
        let b = try service.create(OpportunityDraft(name: "b", amount: 400, closeDate: june), by: "pbUser")
        func visible(_ viewer: ID<User>) throws -> Set<ID<Opportunity>> {
            Set(try service.visibleOpportunities(viewer: viewer).map(\.id))
        }
        #expect(try visible("paUser1") == [u1.id])
        #expect(try visible("paMgr") == [u1.id, u2.id, mgr.id])
        #expect(try visible("paExec") == [u1.id, u2.id, mgr.id])
        #expect(try visible("paSuper") == [u1.id, u2.id])  // same role and below
        #expect(try visible("pbUser") == [b.id])
        #expect(try visible("pbExec") == [b.id])
        #expect(try visible("cmA") == [u1.id, u2.id, mgr.id])
        #expect(try visible("cmB") == [b.id])
        #expect(try visible("director") == [u1.id, u2.id, mgr.id, b.id])
        #expect(throws: AccessDenied.self) { try service.opportunity(u1.id, viewer: "pbExec") }
        #expect(try service.opportunity(u1.id, viewer: "paExec").name == "u1")
        // A partner never sees another partner's pipeline, even when asking for it.
        #expect(try service.pipeline(partnerAccount: "pa", viewer: "pbExec").count == 0)
        #expect(try service.pipeline(channelManager: "cmA", viewer: "pbExec").count == 0)
    }

    @Test func pipelineTotalsMatchThePlainSums() throws {
        let service = PartnerPipelineService(environment: fixture.environment)
        var random = SeededRandom(seed: 11)
        let stages = OpportunityStages.standard.stages.map(\.name)
        let sellers: [ID<User>] = ["paUser1", "paUser2", "paMgr", "pbUser", "pbExec"]
        var created: [Opportunity] = []
        for index in 0..<40 {
            let seller = sellers[Int(random.next() % UInt64(sellers.count))]
            let stage = stages[Int(random.next() % UInt64(stages.count))]
            let amount = Decimal(Int(random.next() % 100_000))
            created.append(
                try service.create(OpportunityDraft(name: "o\(index)", stage: stage, amount: amount, closeDate: june), by: seller))
        }
        func check(_ view: PipelineView, _ expected: [Opportunity]) {
            for row in view.stages {
                let inStage = expected.filter { $0.stage == row.stage }
                #expect(row.count == inStage.count, "\(row.stage)")
                #expect(row.amount == inStage.reduce(0) { $0 + ($1.amount ?? 0) })
                #expect(row.weightedAmount == inStage.reduce(0) { $0 + ($1.amount ?? 0) * Decimal($1.probability) / 100 })
            }
            #expect(view.count == expected.count)
            #expect(view.stages.map(\.stage) == stages)
        }
        let acme = created.filter { $0.partnerAccountID == "pa" }
        let beta = created.filter { $0.partnerAccountID == "pb" }
        check(try service.pipeline(partnerAccount: "pa", viewer: "cmA"), acme)
        check(try service.pipeline(partnerAccount: "pa", viewer: "paExec"), acme)
        check(try service.pipeline(partnerAccount: "pa", viewer: "paUser1"), acme.filter { $0.owner == .user("paUser1") })
        check(try service.pipeline(channelManager: "cmA", viewer: "cmA"), acme)
        check(try service.pipeline(channelManager: "cmB", viewer: "cmB"), beta)
        check(try service.pipeline(channelManager: "cmA", viewer: "director"), acme)
        check(try service.pipeline(channelManager: "agent1", viewer: "director"), [])
    }

    @Test func materialsAreGatedByTier() throws {
        fixture.put(
            PartnerMaterial(id: "m1", title: "Logo kit", location: "file:1", minimumTier: .registered),
            PartnerMaterial(id: "m2", title: "Price list", location: "file:2", minimumTier: .silver),
            PartnerMaterial(id: "m3", title: "Roadmap", location: "file:3", minimumTier: .gold),
            PartnerMaterial(id: "m4", title: "Strategy", location: "file:4", minimumTier: .platinum))
        let reader = fixture.store.snapshot()
        #expect(try PartnerMaterial.available(to: "paUser1", in: reader).map(\.id) == ["m1", "m2", "m3"])
        #expect(try PartnerMaterial.available(to: "pbUser", in: reader).map(\.id) == ["m1", "m2"])
        #expect(try PartnerMaterial.available(to: "prUser", in: reader).map(\.id) == ["m1"])
        #expect(try PartnerMaterial.available(to: "custA", in: reader).isEmpty)
        #expect(try PartnerMaterial.available(to: "cmA", in: reader).count == 4)
    }
}
