import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Lead distribution to partners")
struct PartnerDistributionTests {
    let fixture = ServiceFixture()

    func pooled(_ id: String, region: String = "EMEA", product: String? = "X100") -> Lead {
        Lead(id: ID(id), lastName: id, company: "Company \(id)", region: region, product: product, owner: .queue("leadPool"))
    }

    func service(rules: [LeadDistributionRule] = []) throws -> LeadDistributionService {
        try LeadDistributionService(
            environment: fixture.environment, poolQueue: "leadPool", responseTime: 48 * ServiceFixture.hour, rules: rules)
    }

    @Test func channelManagerOffersToTheirPartnerWhoAccepts() throws {
        fixture.put(pooled("l1"))
        let service = try service()
        #expect(throws: PartnerError.notChannelManager(user: "cmB", account: "pa")) { try service.offer("l1", to: "pa", by: "cmB") }
        let offer = try service.offer("l1", to: "pa", by: "cmA")
        #expect(offer.recipientID == "paSuper")  // super user receives leads
        #expect(offer.expiresAt == fixture.clock.now() + 48 * ServiceFixture.hour)
        #expect(fixture.value(ID<Lead>("l1"))?.partnerAccountID == "pa")
        #expect(fixture.notifier.delivered(to: "paSuper").count == 1)
        #expect(throws: PartnerError.alreadyOffered("l1")) { try service.offer("l1", to: "pa", by: "cmA") }
        // Another partner cannot answer it.
        #expect(throws: AccessDenied.self) { try service.accept("l1", by: "pbUser") }
        fixture.clock.advance(by: 47 * ServiceFixture.hour)
        let lead = try service.accept("l1", by: "paSuper")
        #expect(lead.status == .working)
        #expect(lead.owner == .user("paSuper"))
        #expect(try service.offers(of: "l1").map(\.status) == [.accepted])
        #expect(try service.expireOffers().isEmpty)
    }

    @Test func rejectedLeadReturnsToThePool() throws {
        fixture.put(pooled("l2"))
        let service = try service()
        try service.offer("l2", to: "pb", by: "cmB")
        let lead = try service.reject("l2", by: "pbExec", reason: "not our market")
        #expect(lead.owner == .queue("leadPool"))
        #expect(lead.partnerAccountID == nil)
        #expect(lead.status == .new)
        #expect(try service.offers(of: "l2").map(\.reason) == ["not our market"])
        #expect(throws: AccessDenied.self) { try service.accept("l2", by: "pbExec") }  // no longer theirs
        #expect(try service.pooledLeads(viewer: "cmA").map(\.id) == ["l2"])
    }

    @Test func unansweredOfferLapsesOnTheClock() throws {
        fixture.put(pooled("l3"))
        let service = try service()
        try service.offer("l3", to: "pa", by: "cmA")
        fixture.clock.advance(by: 48 * ServiceFixture.hour - 1)
        #expect(try service.expireOffers().isEmpty)
        fixture.clock.advance(by: 1)
        // At the deadline the partner can no longer accept, even before the sweep runs.
        #expect(throws: PartnerError.noOpenOffer(lead: "l3", account: "pa")) { try service.accept("l3", by: "paSuper") }
        #expect(try service.expireOffers() == ["l3"])
        let lead = try #require(fixture.value(ID<Lead>("l3")))
        #expect(lead.owner == .queue("leadPool") && lead.partnerAccountID == nil)
        #expect(try service.offers(of: "l3").map(\.status) == [.expired])
        // Back in the pool, it can be offered again (to another partner).
        try service.offer("l3", to: "pb", by: "cmB")
        #expect(fixture.value(ID<Lead>("l3"))?.owner == .user("pbExec"))
    }

    @Test func rulesRouteByRegionAndProductRoundRobinAndTier() throws {
        fixture.put(
            Account(id: "pc", name: "Gamma Partners", owner: "cmA", isPartner: true, partnerTier: .platinum, region: "EMEA"),
            ServiceFixture.user("pcUser", kind: .partner, profile: "partner", role: nil, account: "pc"))
        let rules = [
            LeadDistributionRule(name: "NA", criteria: [.region(["NA"])], partners: ["pb"]),
            LeadDistributionRule(name: "EMEA X100", criteria: [.region(["EMEA"]), .product(["X100"])], partners: ["pa", "pr", "pc"]),
            LeadDistributionRule(name: "EMEA premium", criteria: [.region(["EMEA"])], partners: ["pa", "pc"], minimumTier: .platinum),
        ]
        for id in ["e1", "e2", "e3", "e4"] { fixture.put(pooled(id)) }
        fixture.put(pooled("n1", region: "NA"), pooled("e5", product: "Y"), pooled("apac", region: "APAC"))
        let service = try service(rules: rules)
        // "pr" is only registered tier: skipped; pa and pc alternate.
        let partners = try ["e1", "e2", "e3", "e4"].map { try service.distribute(ID($0)).partnerAccountID }
        #expect(partners == ["pa", "pc", "pa", "pc"])
        #expect(try service.distribute("n1").partnerAccountID == "pb")
        #expect(try service.distribute("e5").partnerAccountID == "pc")  // platinum only
        #expect(throws: PartnerError.noMatchingRule("apac")) { try service.distribute("apac") }
        #expect(throws: PartnerError.tierTooLow(account: "pr", tier: .registered, required: .silver)) {
            fixture.put(pooled("e6"))
            return try service.offer("e6", to: "pr", by: "cmA")
        }
    }

    @Test func openLeadLimitsFollowTheTier() throws {
        // Silver partners hold at most 5 open offers.
        let service = try service(rules: [LeadDistributionRule(name: "NA", criteria: [.region(["NA"])], partners: ["pb"])])
        for index in 0..<6 { fixture.put(pooled("n\(index)", region: "NA")) }
        for index in 0..<5 { try service.distribute(ID("n\(index)")) }
        #expect(throws: PartnerError.noMatchingRule("n5")) { try service.distribute("n5") }
        try service.accept("n0", by: "pbExec")
        #expect(try service.distribute("n5").partnerAccountID == "pb")
    }

    @Test func invalidConfiguration() {
        #expect(throws: PartnerError.invalidConfiguration("response time must be positive")) {
            try LeadDistributionService(environment: fixture.environment, poolQueue: "leadPool", responseTime: 0)
        }
    }
}
