import CommunityModel
import CommunityContent
import CommunityTesting
import Foundation
import Testing

@testable import CommunityEngagement

/// The KPI aggregates: each group's figures, per-site versus all-sites scope, and the
/// incremental upkeep against a from-scratch rebuild after random change sequences.
@Suite struct KPIAggregatorTests {
    let store = MemoryStore()
    let clock = ManualClock(K.base)

    func aggregator() throws -> KPIAggregator { try KPIAggregator.following(store, clock: clock) }

    func kpis(_ aggregator: KPIAggregator, _ scope: KPIScope = .allSites, days: ClosedRange<Int32> = K.days,
              context: KPIContext = KPIContext()) -> CommunityKPIs {
        CommunityKPIs(aggregates: aggregator.aggregates, scope: scope, days: days, context: context)
    }

    @Test func adoptionCountsMembersByKindNewMembersSignInsAndActiveMembers() throws {
        try K.put([K.user("ann", .internal), K.user("ben", .partner)], in: store)
        let a = try aggregator()
        // Members already stored when the aggregator starts are members, not new members.
        #expect(kpis(a).figure("adoption.newMembers")?.value == 0)
        try K.put([K.user("cho", .customer), K.user("gus", .guest), K.user("old", .partner, active: false)], in: store)
        try a.recordSignIn("ann", site: "partners", at: K.at(day: 0))
        try a.recordSignIn("ann", site: "partners", at: K.at(day: 0, hours: 2))
        try a.recordSignIn("ben", site: "help", at: K.at(day: -10))
        let all = kpis(a, days: (K.day0 - 29)...K.day0)
        #expect(all.figure("adoption.members")?.value == 3)
        #expect(all.figure("adoption.members.partner")?.value == 1)
        #expect(all.figure("adoption.members.customer")?.value == 1)
        // A guest user (a site's, made with the site) is no new member: cho and old are.
        #expect(all.figure("adoption.newMembers")?.value == 2)
        #expect(all.figure("adoption.logins")?.value == 3)
        #expect(all.figure("adoption.dailyActive")?.value == 1)
        #expect(all.figure("adoption.weeklyActive")?.value == 1)
        #expect(all.figure("adoption.monthlyActive")?.value == 2)
        // Sign-ins of another site are not the partner site's.
        #expect(kpis(a, .site("partners"), days: (K.day0 - 29)...K.day0).figure("adoption.logins")?.value == 2)
    }

    @Test func engagementCountsContentAnswersAndRankings() throws {
        let a = try aggregator()
        try K.put([
            K.post("f1", by: "ann", site: "p", day: 0, likers: ["ben", "cho"], group: "g1", topics: ["Deals"]),
            K.post("f2", by: "ben", site: "p", day: 1, status: .removed),
            K.comment("c1", by: "ben", day: 1, likers: ["ann"]),
            K.question("q1", by: "cho", site: "p", day: 0, best: "a1", upvoters: ["ann"], topics: ["Deals"]),
            K.answer("a1", to: "q1", by: "ann", day: 0, hours: 3),
            K.answer("a2", to: "q1", by: "ben", day: 0, hours: 5),
            K.question("q2", by: "cho", site: "p", day: 1),
            K.question("q3", by: "cho", site: "p", day: 2),
            K.answer("a3", to: "q3", by: "ann", day: 3),
            K.idea("i1", by: "ben", site: "p", day: 0, voters: [("ann", 1), ("cho", 2)]),
        ], in: store)
        let k = kpis(a)
        #expect(k.figure("engagement.posts")?.value == 1)
        #expect(k.figure("engagement.comments")?.value == 1)
        #expect(k.figure("engagement.likes")?.value == 3)
        #expect(k.figure("engagement.questions")?.value == 3)
        #expect(k.figure("engagement.answers")?.value == 3)
        #expect(k.figure("engagement.answeredShare")?.value == 2.0 / 3.0)
        // First answers after 3 h and 24 h: the lower middle of two is 3 h.
        #expect(k.figure("engagement.medianFirstAnswer")?.value == 10_800)
        #expect(k.figure("engagement.bestAnswers")?.value == 1)
        #expect(k.figure("engagement.ideas")?.value == 1)
        #expect(k.figure("engagement.ideaVotes")?.value == 2)
        #expect(k.topList("engagement.activeMembers")?.entries.first?.key == "ann")
        #expect(k.topList("engagement.activeGroups")?.entries.map(\.key) == ["g1"])
        #expect(k.topList("engagement.popularTopics")?.entries.first?.key == "Deals")
        // Removing the best answer's question's answers changes the share at once.
        try store.write { tx in try tx.delete(ID<Answer>("a3")) }
        #expect(kpis(a).figure("engagement.answeredShare")?.value == 1.0 / 3.0)
    }

    @Test func knowledgeCountsViewsVotesAndRatings() throws {
        let a = try aggregator()
        try K.put([
            ArticleViewRecord(articleID: "kb1", userID: "ann", periodStart: K.at(day: 0)),
            ArticleViewRecord(articleID: "kb1", userID: "ben", periodStart: K.at(day: 0)),
            ArticleViewRecord(articleID: "kb2", userID: "ann", periodStart: K.at(day: 1)),
            ArticleFeedback(articleID: "kb1", userID: "ann", helpful: true, at: K.at(day: 0)),
            ArticleFeedback(articleID: "kb1", userID: "ben", helpful: false, at: K.at(day: 0)),
            ArticleRating(articleID: "kb1", userID: "ann", stars: 5, at: K.at(day: 0)),
            ArticleRating(articleID: "kb1", userID: "ben", stars: 2, at: K.at(day: 0)),
        ], in: store)
        let k = kpis(a, context: KPIContext(name: { kind, key in kind == .article && key == "kb1" ? "Printing" : nil }))
        #expect(k.figure("knowledge.views")?.value == 3)
        #expect(k.figure("knowledge.helpfulShare")?.value == 0.5)
        #expect(k.figure("knowledge.averageRating")?.value == 3.5)
        #expect(k.topList("knowledge.topArticles")?.entries.first?.label == "Printing")
    }

    @Test func searchCountsZeroResultsTopQueriesAndClicks() throws {
        let a = try aggregator()
        try K.put([
            K.search("s1", site: "p", query: "Printer  JAM", results: 4, day: 0, click: 2),
            K.search("s2", site: "p", query: "printer jam", results: 4, day: 0),
            K.search("s3", site: "p", query: "xyzzy", results: 0, day: 1),
            K.search("s4", site: "h", query: "invoice", results: 2, day: 1, click: 1),
        ], in: store)
        let p = kpis(a, .site("p"))
        #expect(p.figure("search.searches")?.value == 3)
        #expect(p.figure("search.zeroResults")?.value == 1)
        #expect(p.figure("search.clickThrough")?.value == 1.0 / 3.0)
        #expect(p.figure("search.medianClickPosition")?.value == 2)
        #expect(p.topList("search.topQueries")?.entries.first.map { [$0.key: $0.value] } == ["printer jam": 2])
        #expect(p.topList("search.topZeroResultQueries")?.entries.map(\.key) == ["xyzzy"])
        let all = kpis(a)
        #expect(all.figure("search.searches")?.value == 4)
        #expect(all.figure("search.medianClickPosition")?.value == 1)
    }

    @Test func serviceCountsCasesResponseResolutionServiceLevelAndSurveys() throws {
        let a = try aggregator()
        try K.put([
            K.theCase("k1", day: 0), K.tracking("k1", day: 0, respondedAfter: 2, closedAfter: 30),
            K.theCase("k2", day: 1), K.tracking("k2", day: 1, respondedAfter: 12, closedAfter: nil),
            K.theCase("k3", day: 2),
            K.survey("v1", case: "k1", csat: 5, nps: 10, day: 2), K.survey("v2", case: "k2", csat: 3, nps: 5, day: 3),
            K.survey("v3", case: "k2", csat: 4, nps: 8, day: 3),
        ], in: store)
        var deflected = DeflectionSession(id: "d1", userID: "ann", suggestions: [ArticleSuggestion(articleID: "kb1", title: "Printing")], viewedArticleIDs: [], outcome: .deflected, caseID: nil,
                                          startedAt: K.at(day: 0), endedAt: nil)
        var escalated = deflected
        escalated.id = "d2"
        escalated.outcome = .caseCreated
        deflected.viewedArticleIDs = ["kb1"]
        var unsuggested = escalated
        unsuggested.id = "d3"
        unsuggested.suggestions = []
        try K.put([deflected, escalated, unsuggested], in: store)
        let k = kpis(a)
        #expect(k.figure("service.casesCreated")?.value == 3)
        #expect(k.figure("service.deflectionRate")?.value == 0.5)
        #expect(k.figure("service.medianFirstResponse")?.value == 7_200)
        #expect(k.figure("service.medianResolution")?.value == 108_000)
        #expect(k.figure("service.slaAttainment")?.value == 0.5)  // 2 h within 8 h; 12 h not
        #expect(k.figure("service.csat")?.value == 4)
        #expect(k.figure("service.nps")?.value == 0)  // one promoter, one detractor, one passive
    }

    @Test func partnerCountsLeadsPipelineWinRateAndFunds() throws {
        let a = try aggregator()
        try K.put([
            K.lead("l1", status: .submitted, partner: "acme"), K.lead("l2", status: .approved, partner: "acme"),
            K.lead("l3", status: .converted, partner: "globex"), K.lead("l4", status: .approved, partner: nil),
            K.opportunity("o1", stage: "Proposal", amount: 1000, partner: "acme"),
            K.opportunity("o2", stage: "Proposal", amount: 500.5, partner: "globex"),
            K.opportunity("o3", stage: "Closed Won", amount: 700, partner: "acme"),
            K.opportunity("o4", stage: "Closed Lost", amount: 700, partner: "acme"),
            K.opportunity("o5", stage: "Closed Lost", amount: 700, partner: "acme"),
            K.opportunity("o6", stage: "Proposal", amount: 9999, partner: nil),
            FundRequest(id: "r1", partnerAccountID: "acme", requestedBy: "ann", period: "2026-Q1", activity: "Event", amount: 2000,
                        claimed: 0, status: .approved, requestedAt: K.at(day: 0)),
            FundRequest(id: "r2", partnerAccountID: "acme", requestedBy: "ann", period: "2026-Q1", activity: "Ads", amount: 300,
                        claimed: 0, status: .submitted, requestedAt: K.at(day: 0)),
            FundClaim(id: "fc1", requestID: "r1", claimedBy: "ann", amount: 1500, proof: "invoice", status: .approved, claimedAt: K.at(day: 2)),
        ], in: store)
        let tiers = ["acme": "gold", "globex": "silver"]
        let k = kpis(a, context: KPIContext(tier: { tiers[$0] }))
        #expect(k.figure("partner.leadsRegistered")?.value == 3)
        #expect(k.figure("partner.leadsApproved")?.value == 2)
        #expect(k.figure("partner.leadsConverted")?.value == 1)
        #expect(k.figure("partner.openOpportunities")?.value == 2)
        #expect(k.figure("partner.pipelineAmount")?.value == 150_050)
        #expect(k.figure("partner.winRate")?.value == 1.0 / 3.0)
        #expect(k.figure("partner.fundRequested")?.value == 230_000)
        #expect(k.figure("partner.fundApproved")?.value == 200_000)
        #expect(k.figure("partner.fundClaimed")?.value == 150_000)
        #expect(k.topList("partner.pipelineByTier")?.entries.map(\.key) == ["gold", "silver"])
        #expect(k.topList("partner.pipelineByStage")?.entries.map(\.key) == ["Proposal"])
    }

    @Test func moderationCountsFlaggedHeldRemovedAndDecisionTime() throws {
        let a = try aggregator()
        try K.put([
            K.moderation("f1", memberFlag: true, status: .removed, day: 0, decidedAfter: 4),
            K.moderation("f2", memberFlag: false, status: .approved, day: 0, decidedAfter: 1),
            K.moderation("f3", memberFlag: true, status: .open, day: 1),
        ], in: store)
        let k = kpis(a)
        #expect(k.figure("moderation.flagged")?.value == 2)
        #expect(k.figure("moderation.held")?.value == 1)
        #expect(k.figure("moderation.removed")?.value == 1)
        #expect(k.figure("moderation.decisions")?.value == 2)
        #expect(k.figure("moderation.medianDecision")?.value == 3600)
    }

    @Test func aSiteSeesItsOwnAndEngineWideContentWhileAllSitesSeeEverything() throws {
        let a = try aggregator()
        try K.put([
            K.post("f1", by: "ann", site: "a", day: 0), K.post("f2", by: "ann", site: "b", day: 0),
            K.post("f3", by: "ann", site: nil, day: 0), K.question("q1", by: "ann", site: "b", day: 0),
        ], in: store)
        #expect(kpis(a, .site("a")).figure("engagement.posts")?.value == 2)
        #expect(kpis(a, .site("b")).figure("engagement.posts")?.value == 2)
        #expect(kpis(a, .site("a")).figure("engagement.questions")?.value == 0)
        #expect(kpis(a).figure("engagement.posts")?.value == 3)
        #expect(kpis(a).figure("engagement.questions")?.value == 1)
    }

    @Test func theDateRangeLimitsDailyFiguresButNotCurrentState() throws {
        let a = try aggregator()
        try K.put([K.post("f1", by: "ann", site: nil, day: 0), K.post("f2", by: "ann", site: nil, day: 5),
                   K.opportunity("o1", stage: "Proposal", amount: 10, partner: "acme")], in: store)
        let k = kpis(a, days: (K.day0 + 1)...(K.day0 + 6))
        #expect(k.figure("engagement.posts")?.value == 1)
        #expect(k.figure("partner.openOpportunities")?.value == 1)
        let series = try #require(k.section(.engagement)?.series.first)
        #expect(series.periods.count == 6)
        #expect(series.lineValues.first?.reduce(0, +) == 1)
    }

    @Test func aLongRangeIsChartedInAtMost24Periods() throws {
        let a = try aggregator()
        let k = kpis(a, days: K.day0...(K.day0 + 365))
        let series = try #require(k.section(.search)?.series.first)
        #expect(series.periods.count <= 24)
        #expect(series.periods.first == K.day0)
    }

    @Test func aRestartReadsTheCheckpointAndReplaysTheFeedSinceIt() throws {
        try K.put([K.post("f1", by: "ann", site: "p", day: 0, likers: ["ben"]), K.question("q1", by: "cho", site: "p", day: 0),
                   K.answer("a1", to: "q1", by: "ann", day: 0, hours: 2), K.theCase("k1", day: 0)], in: store)
        let first = try aggregator()
        #expect(!first.restoredFromCheckpoint)
        try first.recordSignIn("ann", site: "p", at: K.at(day: 0))
        #expect(try first.checkpoint(to: store) == 1)
        #expect(try store.snapshot().count(KPICheckpointPart.self) == 1)
        // Changes after the checkpoint: a second answer joins the question's group (whose
        // question is read from the store only now), and the post is removed.
        try K.put([K.answer("a2", to: "q1", by: "ben", day: 0, hours: 1), K.post("f1", by: "ann", site: "p", day: 0, status: .removed)], in: store)
        first.stop()
        let second = try aggregator()
        #expect(second.restoredFromCheckpoint)
        // The sign-in is a stored SignInDay: the rebuild counts it from the store.
        let events: [KPIFact] = []
        #expect(second.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: events)))
        #expect(kpis(second).figure("adoption.logins")?.value == 1)  // sign-ins survive the restart
        #expect(kpis(second).figure("engagement.posts")?.value == 0)
        // And it keeps following: the unread question is read when its group changes again.
        try K.put([K.answer("a2", to: "q1", by: "ben", day: 0, hours: 1, published: false)], in: store)
        #expect(second.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: events)))
        #expect(kpis(second).figure("engagement.medianFirstAnswer")?.value == 7_200)
    }

    /// Issue 17: members who joined after the last checkpoint were counted as new on the
    /// restart's day; their join date puts them on their own day, in their own site.
    @Test func membersWhoJoinedAfterTheCheckpointAreNewOnTheirJoinDayAfterARestart() throws {
        try K.put([K.user("ann", .internal, joined: K.at(day: -5))], in: store)
        let first = try aggregator()
        try first.checkpoint(to: store)
        try K.put([K.user("sso", .partner, site: "partners", joined: K.at(day: -2, hours: 3)),
                   K.user("reg", .customer, site: "help", joined: K.at(day: -1))], in: store)
        first.stop()
        clock.advance(by: 3 * 86_400)  // the restart comes days later
        let second = try aggregator()
        #expect(second.restoredFromCheckpoint)
        func newMembers(_ scope: KPIScope, day: Int) -> Double? {
            let d = K.day0 + Int32(day)
            return kpis(second, scope, days: d...d).figure("adoption.newMembers")?.value
        }
        #expect(newMembers(.allSites, day: 3) == 0)  // not on the restart's day
        #expect(newMembers(.allSites, day: -2) == 1)
        #expect(newMembers(.site("partners"), day: -2) == 1)
        #expect(newMembers(.site("help"), day: -2) == 0)
        #expect(newMembers(.site("help"), day: -1) == 1)
        #expect(newMembers(.allSites, day: -5) == 1)
        // A fresh load (no checkpoint) and the from-scratch rebuild agree.
        #expect(second.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: [])))
        let loaded = KPIAggregator(clock: clock)
        try loaded.load(store.snapshot())
        #expect(loaded.aggregates == second.aggregates)
    }

    @Test func anUnusableCheckpointFallsBackToReadingEveryEntity() throws {
        try K.put([K.post("f1", by: "ann", site: "p", day: 0)], in: store)
        let first = try aggregator()
        try first.checkpoint(to: store)
        first.stop()
        // Other rules: the facts may differ, so the checkpoint is not used.
        let otherRules = try KPIAggregator.following(store, rules: KPIRules(firstResponseTarget: 60), clock: clock)
        #expect(!otherRules.restoredFromCheckpoint)
        #expect(otherRules.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: [])))
        otherRules.stop()
        // A missing part.
        try store.write { tx in
            var head = try #require(try tx.value(KPICheckpointPart.id(0)))
            head.parts = 2
            try tx.put(head)
        }
        let missing = try aggregator()
        #expect(!missing.restoredFromCheckpoint)
        #expect(missing.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: [])))
    }

    @Test func aCheckpointOlderThanTheFeedIsNotUsed() throws {
        let small = MemoryStore(feedCapacity: 2)
        try K.put([K.post("f1", by: "ann", site: "p", day: 0)], in: small)
        let first = try KPIAggregator.following(small, clock: clock)
        try first.checkpoint(to: small)
        first.stop()
        for n in 2...5 { try K.put([K.post("f\(n)", by: "ben", site: nil, day: 1)], in: small) }
        let second = try KPIAggregator.following(small, clock: clock)
        #expect(!second.restoredFromCheckpoint)
        #expect(second.aggregates == (try KPIAggregator.reference(from: small.snapshot(), events: [])))
        #expect(kpis(second).figure("engagement.posts")?.value == 5)
    }

    @Test func aLargeCheckpointIsSplitIntoPartsAndAShorterOneReplacesThemAll() throws {
        let many = (0..<2_500).map { K.search("s\($0)", site: "p", query: "query \($0)", results: 1, day: 0) }
        try K.put(many, in: store)
        let a = try aggregator()
        let parts = try a.checkpoint(to: store)
        #expect(parts > 2)
        #expect(try store.snapshot().count(KPICheckpointPart.self) == parts)
        try store.write { tx in for n in 0..<2_500 { try tx.delete(ID<SearchQueryLogEntry>("s\(n)")) } }
        #expect(try a.checkpoint(to: store) == 1)
        #expect(try store.snapshot().count(KPICheckpointPart.self) == 1)
        a.stop()
        let restarted = try aggregator()
        #expect(restarted.restoredFromCheckpoint)
        #expect(restarted.aggregates == KPIAggregates())
    }

    @Test func aggregatesRoundTripThroughTheirRows() throws {
        try K.put([K.post("f1", by: "ann", site: "p", day: 0, likers: ["ben"], topics: ["Deals"]),
                   K.search("s1", site: nil, query: "jam", results: 0, day: 1, click: 2), K.theCase("k1", day: 0),
                   K.tracking("k1", day: 0, respondedAfter: 2, closedAfter: 30)], in: store)
        let a = try aggregator().aggregates
        #expect(!a.rows.isEmpty)
        #expect(KPIAggregates(rows: a.rows) == a)
        #expect(KPIAggregates(rows: a.rows.reversed()).median(.firstResponseSeconds, scope: .allSites, days: K.days) == 7_200)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func incrementalAggregatesEqualAFromScratchRebuild(seed: UInt64) throws {
        try randomChanges(seed: seed, restarts: false)
    }

    /// Checkpoints at random moments and restarts from the latest one (replaying the feed since),
    /// then keeps going: the result still equals a rebuild from scratch. Sign-ins are stored
    /// (``SignInDay``), so those recorded after the last checkpoint survive the restart and the
    /// rebuild counts them from the store; members inserted since it count as new on the
    /// restart's day, so the expected events follow that.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func restartsFromCheckpointsEqualAFromScratchRebuild(seed: UInt64) throws {
        try randomChanges(seed: seed, restarts: true)
    }

    private func randomChanges(seed: UInt64, restarts: Bool) throws {
        var rng = SeededRandom(seed: seed)
        var a = try aggregator()
        var events: [KPIFact] = []
        var checkpointed: (sequence: UInt64, events: [KPIFact])?
        var restored = 0
        let users = ["u0", "u1", "u2", "u3"]
        let sites: [String?] = [nil, "a", "b"]
        var present = Set<String>()
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
        func some(_ values: [String]) -> [String] { values.filter { _ in Bool.random(using: &rng) } }
        func day() -> Int { Int.random(in: -3...3, using: &rng) }
        func entity() -> any Entity {
            switch Int.random(in: 0..<18, using: &rng) {
            case 0: return K.user(pick(users), pick([.internal, .partner, .customer, .guest]), active: Bool.random(using: &rng), site: pick(sites),
                                  joined: pick([nil, K.at(day: day()), K.at(day: day(), hours: 5)]))
            case 1: return K.post("f\(Int.random(in: 0..<5, using: &rng))", by: pick(users), site: pick(sites), day: day(), likers: some(users),
                                  group: pick([nil, "g1", "g2"]), topics: some(["T1", "T2"]), status: pick([.published, .removed]))
            case 2: return K.comment("c\(Int.random(in: 0..<3, using: &rng))", by: pick(users), day: day(), likers: some(users))
            case 3: return K.question("q\(Int.random(in: 0..<3, using: &rng))", by: pick(users), site: pick(sites), day: day(),
                                      best: pick([nil, "a0"]), upvoters: some(users), topics: some(["T1"]), group: pick([nil, "g1"]))
            case 4: return K.answer("a\(Int.random(in: 0..<5, using: &rng))", to: "q\(Int.random(in: 0..<3, using: &rng))", by: pick(users),
                                    day: day(), hours: Double(Int.random(in: 0...30, using: &rng)), published: Bool.random(using: &rng))
            case 5: return K.idea("i\(Int.random(in: 0..<3, using: &rng))", by: pick(users), site: pick(sites), day: day(),
                                  voters: some(users).map { ($0, day()) })
            case 6: return K.search("s\(Int.random(in: 0..<5, using: &rng))", site: pick(sites), query: pick(["jam", "mdf", "zzz"]),
                                    results: Int.random(in: 0...2, using: &rng), day: day(), click: pick([nil, 1, 2, 3]))
            case 7: return K.theCase("k\(Int.random(in: 0..<3, using: &rng))", day: day(), site: pick(sites))
            case 8: return K.tracking("k\(Int.random(in: 0..<3, using: &rng))", day: day(), respondedAfter: pick([nil, 1, 20]), closedAfter: pick([nil, 48]))
            case 9: return K.survey("v\(Int.random(in: 0..<3, using: &rng))", case: "k\(Int.random(in: 0..<3, using: &rng))",
                                    csat: Int.random(in: 1...5, using: &rng), nps: Int.random(in: 0...10, using: &rng), day: day())
            case 10: return K.opportunity("o\(Int.random(in: 0..<4, using: &rng))", stage: pick(["Proposal", "Closed Won", "Closed Lost"]),
                                          amount: Decimal(Int.random(in: 1...900, using: &rng)), partner: pick([nil, "acme", "globex"]), site: pick(sites))
            case 11: return K.lead("l\(Int.random(in: 0..<3, using: &rng))", status: pick([.submitted, .approved, .converted]), partner: pick([nil, "acme"]),
                                   site: pick(sites))
            case 12: return K.moderation("f\(Int.random(in: 0..<3, using: &rng))", memberFlag: Bool.random(using: &rng),
                                         status: pick([.open, .approved, .removed]), day: day(), decidedAfter: pick([nil, 2, 5]))
            case 13: return ArticleFeedback(articleID: ID(pick(["kb1", "kb2"])), userID: ID(pick(users)), helpful: Bool.random(using: &rng),
                                            at: K.at(day: day()), siteID: pick(sites))
            case 14: return ArticleRating(articleID: ID(pick(["kb1", "kb2"])), userID: ID(pick(users)), stars: Int.random(in: 1...5, using: &rng),
                                          at: K.at(day: day()), siteID: pick(sites))
            case 15: return K.deflection("d\(Int.random(in: 0..<3, using: &rng))", outcome: pick([.open, .deflected, .caseCreated, .abandoned]),
                                         day: day(), site: pick(sites))
            case 16: return K.fundRequest("r\(Int.random(in: 0..<3, using: &rng))", amount: Decimal(Int.random(in: 1...900, using: &rng)),
                                          status: pick([.submitted, .approved]), day: day(), site: pick(sites))
            default: return ArticleViewRecord(articleID: ID(pick(["kb1", "kb2"])), userID: ID(pick(users)), periodStart: K.at(day: day()),
                                              siteID: pick(sites))
            }
        }
        func key(_ e: any Entity) -> String {
            func id<E: Entity>(_ v: E) -> String { E.entityType.name + ":" + v.id.rawValue }
            return id(e)
        }
        for _ in 0..<150 {
            clock.advance(by: Double(Int.random(in: 0...20_000, using: &rng)))
            if restarts, Int.random(in: 0..<12, using: &rng) == 0 {
                try a.checkpoint(to: store)
                checkpointed = (store.snapshot().sequence, events)
            }
            if restarts, let (since, kept) = checkpointed, Int.random(in: 0..<10, using: &rng) == 0 {
                a.stop()
                events = kept
                // Members inserted since the checkpoint without a join date count on the restart's
                // day; those with one count on it (a fact of the entity, rebuilt from the store).
                for change in try store.changes(after: since, limit: 10_000)
                where change.kind == .inserted {
                    guard let user = change.entity as? User, user.joinedAt == nil, user.kind != .guest else { continue }
                    events.append(KPIAggregator.newMemberFact(at: clock.now(), site: user.siteID))
                }
                a = try aggregator()
                #expect(a.restoredFromCheckpoint)
                restored += 1
                #expect(a.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: events)))
            }
            if Int.random(in: 0..<8, using: &rng) == 0 {
                let user = ID<User>(pick(users)), site = pick(sites)
                // Stored as a SignInDay: the rebuild counts it from the store, before and after restarts.
                try a.recordSignIn(user, site: site, at: clock.now())
                continue
            }
            let batch = (0..<Int.random(in: 1...3, using: &rng)).map { _ in entity() }
            let deleting = Int.random(in: 0..<4, using: &rng) == 0
            var deleted = Set<String>()
            let before = store.snapshot().sequence
            try store.write { tx in
                for e in batch {
                    func apply<E: Entity>(_ v: E) throws {
                        if !deleting { _ = try tx.put(v); return }
                        if try tx.value(v.id) != nil {
                            try tx.delete(v.id)
                            deleted.insert(key(v))
                        }
                    }
                    try apply(e)
                }
            }
            for e in batch {
                let k = key(e)
                if deleting {
                    if deleted.contains(k) { present.remove(k) }
                } else if !present.contains(k) {
                    present.insert(k)
                }
            }
            // A member inserted without a join date is new on the day the aggregator learns of it.
            for change in try store.changes(after: before, limit: 100) where change.kind == .inserted {
                guard let user = change.entity as? User, user.joinedAt == nil, user.kind != .guest else { continue }
                events.append(KPIAggregator.newMemberFact(at: clock.now(), site: user.siteID))
            }
        }
        #expect(a.aggregates == (try KPIAggregator.reference(from: store.snapshot(), events: events)))
        #expect(a.aggregates != KPIAggregates())
        if restarts { #expect(restored > 0) }
    }
}
