import CommunityModel
import CommunityContent
import Foundation
import Testing

@testable import CommunityEngagement

/// Knowledge, service, partner and adoption KPIs count in the site a record was created
/// through (its `siteID`): on that site, not on another, and in the all-sites total; sign-ins
/// are stored, so a restart from a checkpoint keeps those made after it; records stored before
/// the field existed still decode.
@Suite struct KPISiteAttributionTests {
    let store = MemoryStore()
    let clock = ManualClock(K.base)

    func aggregator() throws -> KPIAggregator { try KPIAggregator.following(store, clock: clock) }

    func figure(_ a: KPIAggregator, _ name: String, _ scope: KPIScope) -> Double? {
        CommunityKPIs(aggregates: a.aggregates, scope: scope, days: K.days, context: KPIContext()).figure(name)?.value
    }

    /// The figure on site "a", on site "b" and across all sites.
    func perSite(_ a: KPIAggregator, _ name: String) -> [Double?] {
        [figure(a, name, .site("a")), figure(a, name, .site("b")), figure(a, name, .allSites)]
    }

    @Test func knowledgeViewsVotesAndRatingsCountInTheSiteTheyHappenedIn() throws {
        let a = try aggregator()
        try K.put([
            ArticleViewRecord(articleID: "kb1", userID: "ann", periodStart: K.at(day: 0), siteID: "a"),
            ArticleViewRecord(articleID: "kb1", userID: "ben", periodStart: K.at(day: 0), siteID: "a"),
            ArticleViewRecord(articleID: "kb2", userID: "ann", periodStart: K.at(day: 1), siteID: "b"),
            ArticleFeedback(articleID: "kb1", userID: "ann", helpful: true, at: K.at(day: 0), siteID: "a"),
            ArticleFeedback(articleID: "kb1", userID: "ben", helpful: false, at: K.at(day: 0), siteID: "b"),
            ArticleRating(articleID: "kb1", userID: "ann", stars: 5, at: K.at(day: 0), siteID: "a"),
        ], in: store)
        #expect(perSite(a, "knowledge.views") == [2, 1, 3])
        #expect(perSite(a, "knowledge.helpfulVotes") == [1, 0, 1])
        #expect(perSite(a, "knowledge.unhelpfulVotes") == [0, 1, 1])
        #expect(perSite(a, "knowledge.ratings") == [1, 0, 1])
        // A record without a site (the host's, or stored before sites) counts everywhere.
        try K.put([ArticleViewRecord(articleID: "kb3", userID: "cho", periodStart: K.at(day: 0))], in: store)
        #expect(perSite(a, "knowledge.views") == [3, 2, 4])
    }

    @Test func casesTheirSurveysAndDeflectionCountInTheCaseSite() throws {
        let a = try aggregator()
        try K.put([
            K.theCase("k1", day: 0, site: "a"), K.tracking("k1", day: 0, respondedAfter: 2, closedAfter: 30),
            K.survey("v1", case: "k1", csat: 5, nps: 10, day: 1),
            K.theCase("k2", day: 0, site: "a"),
            K.theCase("k3", day: 1, site: "b"), K.tracking("k3", day: 1, respondedAfter: 12, closedAfter: nil),
            K.deflection("d1", outcome: .deflected, day: 0, site: "a"),
            K.deflection("d2", outcome: .caseCreated, day: 0, site: "b"),
        ], in: store)
        #expect(perSite(a, "service.casesCreated") == [2, 1, 3])
        #expect(perSite(a, "service.surveys") == [1, 0, 1])
        #expect(perSite(a, "service.csat") == [5, nil, 5])
        #expect(perSite(a, "service.medianFirstResponse") == [7_200, 43_200, 7_200])  // the lower middle of two
        #expect(perSite(a, "service.slaAttainment") == [1, 0, 0.5])
        #expect(perSite(a, "service.deflectionRate") == [1, 0, 0.5])
        // A survey stored before its case still moves to the case's site once the case arrives.
        try K.put([K.survey("v2", case: "k4", csat: 1, nps: 0, day: 2)], in: store)
        #expect(perSite(a, "service.surveys") == [2, 1, 2])
        try K.put([K.theCase("k4", day: 2, site: "b")], in: store)
        #expect(perSite(a, "service.surveys") == [1, 1, 2])
    }

    @Test func leadsOpportunitiesConversionsAndFundsCountInTheirSite() throws {
        let a = try aggregator()
        try K.put([
            K.lead("l1", status: .approved, partner: "acme", site: "a"), K.lead("l2", status: .submitted, partner: "acme", site: "a"),
            K.lead("l3", status: .converted, partner: "acme", site: "b"),
            LeadConversion(id: "l3", leadID: "l3", accountID: "cust", createdAccount: true, contactID: "c1", opportunityID: "o2",
                           convertedBy: "ann", convertedAt: K.at(day: 1), siteID: "b"),
            K.opportunity("o1", stage: "Proposal", amount: 100, partner: "acme", site: "a"),
            K.opportunity("o2", stage: "Closed Won", amount: 50, partner: "acme", site: "b"),
            K.fundRequest("r1", amount: 2000, status: .approved, day: 0, site: "a"),
            K.fundRequest("r2", amount: 300, status: .submitted, day: 0, site: "b"),
            K.fundClaim("fc1", request: "r1", amount: 1500, day: 2, site: "a"),
        ], in: store)
        #expect(perSite(a, "partner.leadsRegistered") == [2, 1, 3])
        #expect(perSite(a, "partner.leadsApproved") == [1, 1, 2])
        #expect(perSite(a, "partner.leadsConverted") == [0, 1, 1])
        #expect(perSite(a, "partner.conversions") == [0, 1, 1])
        #expect(perSite(a, "partner.openOpportunities") == [1, 0, 1])
        #expect(perSite(a, "partner.pipelineAmount") == [10_000, 0, 10_000])
        #expect(perSite(a, "partner.winRate") == [nil, 1, 1])
        #expect(perSite(a, "partner.fundRequested") == [200_000, 30_000, 230_000])
        #expect(perSite(a, "partner.fundApproved") == [200_000, 0, 200_000])
        #expect(perSite(a, "partner.fundClaimed") == [150_000, 0, 150_000])
    }

    @Test func newMembersCountInTheSiteTheyJoinedThrough() throws {
        let a = try aggregator()
        try K.put([K.user("ann", .customer, site: "a"), K.user("ben", .customer, site: "a"), K.user("cho", .partner, site: "b")], in: store)
        #expect(perSite(a, "adoption.newMembers") == [2, 1, 3])
        try K.put([K.user("dan", .internal)], in: store)  // created by the host: every site's
        #expect(perSite(a, "adoption.newMembers") == [3, 2, 4])
    }

    @Test func signInsAreStoredPerMemberSiteAndDay() throws {
        let a = try aggregator()
        try a.recordSignIn("ann", site: "a", at: K.at(day: 0))
        try a.recordSignIn("ann", site: "a", at: K.at(day: 0, hours: 3))
        try a.recordSignIn("ann", site: "b", at: K.at(day: 0))
        let stored = try store.snapshot().all(SignInDay.self).map(\.value)
        #expect(stored.count == 2)
        #expect(try store.snapshot().value(SignInDay.id(user: "ann", site: "a", day: K.day0))?.count == 2)
        #expect(perSite(a, "adoption.logins") == [2, 1, 3])
        // A stored day with a bad count is refused by validation.
        #expect(throws: ValidationError.self) { try SignInDay(userID: "ann", siteID: "a", day: 0, count: 0).validate() }
    }

    @Test func signInsAfterTheLastCheckpointSurviveARestart() throws {
        try K.put([K.post("f1", by: "ann", site: "a", day: 0)], in: store)
        let first = try aggregator()
        try first.recordSignIn("ann", site: "a", at: K.at(day: 0))
        try first.checkpoint(to: store)
        // After the checkpoint: two more sign-ins, then the process stops without checkpointing.
        try first.recordSignIn("ann", site: "a", at: K.at(day: 0, hours: 1))
        try first.recordSignIn("ben", site: "b", at: K.at(day: 1))
        first.stop()
        let second = try aggregator()
        #expect(second.restoredFromCheckpoint)
        #expect(perSite(second, "adoption.logins") == [2, 1, 3])
        #expect(second.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: [])))
    }

    @Test func anAggregatorFedByHandCountsSignInsAtOnce() throws {
        let a = KPIAggregator(clock: clock)
        try a.load(store.snapshot())
        try a.recordSignIn("ann", site: "a", at: K.at(day: 0))
        #expect(figure(a, "adoption.logins", .site("a")) == 1)
        #expect(try store.snapshot().count(SignInDay.self) == 0)
    }

    @Test func recordsStoredBeforeSitesDecodeWithoutOne() throws {
        // Each type round-trips with a site, and its JSON without the key (as stored before the
        // field existed) decodes as the same record without a site.
        try expectOldJSONDecodes { K.theCase("k1", day: 0, site: $0) }
        try expectOldJSONDecodes { K.lead("l1", status: .submitted, partner: "acme", site: $0) }
        try expectOldJSONDecodes { K.opportunity("o1", stage: "Proposal", amount: 1, partner: "acme", site: $0) }
        try expectOldJSONDecodes { K.user("ann", .customer, site: $0) }
        try expectOldJSONDecodes { ArticleViewRecord(articleID: "kb1", userID: "ann", periodStart: K.at(day: 0), siteID: $0) }
        try expectOldJSONDecodes { ArticleFeedback(articleID: "kb1", userID: "ann", helpful: true, at: K.at(day: 0), siteID: $0) }
        try expectOldJSONDecodes { ArticleRating(articleID: "kb1", userID: "ann", stars: 4, at: K.at(day: 0), siteID: $0) }
        try expectOldJSONDecodes { K.deflection("d1", outcome: .deflected, day: 0, site: $0) }
        try expectOldJSONDecodes { K.fundRequest("r1", amount: 5, status: .approved, day: 0, site: $0) }
        try expectOldJSONDecodes { K.fundClaim("fc1", request: "r1", amount: 5, day: 0, site: $0) }
        try expectOldJSONDecodes {
            LeadConversion(id: "l1", leadID: "l1", accountID: "x", createdAccount: false, contactID: "c", opportunityID: nil,
                           convertedBy: "u", convertedAt: K.at(day: 0), siteID: $0)
        }
    }

    /// `make("a")` round-trips through JSON; with its `siteID` key removed, the JSON decodes as `make(nil)`.
    private func expectOldJSONDecodes<E: Entity & Equatable>(_ make: (String?) -> E) throws {
        let encoded = try JSONEncoder().encode(make("a"))
        #expect(try JSONDecoder().decode(E.self, from: encoded) == make("a"))
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["siteID"] as? String == "a")
        object["siteID"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(E.self, from: old) == make(nil))
    }
}
