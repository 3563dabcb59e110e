import CommunityKit
import Dispatch
import Foundation
import Synchronization
import Testing

/// `community.runDueWork(now:)`: every job that must happen over time, each once per moment,
/// exactly once when several threads call at once, with a typed summary.
@Suite struct DueWorkTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // the ManualClock's default
    static let hour: TimeInterval = 3_600

    /// The kit fixture with a pooled lead, a distribution rule, an escalation rule after one
    /// hour, a case escalation rule and the given notifier.
    static func community(notifier: (any Notifier)? = nil) throws -> Community {
        var configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: ManualClock(start), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        if let notifier { configuration.notifier = notifier }
        configuration.programs = ProgramConfiguration(
            leadDistributionRules: [LeadDistributionRule(name: "Everything", criteria: [], partners: ["acme"])])
        configuration.support = CaseServiceConfiguration(
            defaultOwner: .user("cara"),
            escalationRules: [CaseEscalationRule(name: "Slow", trigger: .noFirstResponse(afterBusinessSeconds: 2 * hour), actions: [.raisePriority])])
        let community = try Community(configuration)
        community.engagement.configure { $0.escalationRules = [EscalationRule(name: "Unanswered", unansweredAfterHours: 1)] }
        try community.store.write { tx in
            try tx.put(Lead(id: "pooled-1", lastName: "Pool", company: "Pooled Inc", owner: .queue("lead-pool")))
        }
        return community
    }

    /// Pat gets answers by daily digest; Mia answers Pat's question.
    static func queueDailyDigest(_ community: Community) throws {
        var prefs = try community.engagement.notifications.preferences(of: "pat")
        prefs.email = [.answer: .daily]
        try community.engagement.notifications.setPreferences(prefs, by: "pat")
        let question = try community.engagement.questions.ask(title: "Digest me", body: "Please", by: "pat")
        try community.engagement.questions.answer(question.id, body: "Here you go", by: "mia")
    }

    @Test func digestsGoThroughTheConfiguredNotifierAndCountOnlyDeliveries() throws {
        let community = try Self.community()
        let mailer = try #require(community.notifier as? MemoryNotifier)  // the default the host can read
        try Self.queueDailyDigest(community)
        mailer.failingRecipients = ["pat"]
        let failed = community.runDueWork(now: Self.start)
        #expect(failed.ran.contains(.dailyDigests))
        #expect(failed.emailsSent[.daily] == 0)  // refused by the mail server: not counted
        #expect(mailer.sent.isEmpty)

        mailer.failingRecipients = []
        #expect(community.runDueWork(now: Self.start + 60).notDue.contains(.dailyDigests))  // once a day
        let next = community.runDueWork(now: Self.start + 86_400)
        #expect(next.emailsSent[.daily] == 1)
        #expect(mailer.sent(to: "pat").count == 1)
        #expect(mailer.sent(to: "pat").first?.notifications.map(\.kind) == [.answer])
        #expect(mailer.sent(to: "pat").first?.address == "pat@acme.example")
    }

    @Test func aHostNotifierReceivesTheDigests() throws {
        let host = MemoryNotifier()
        let community = try Self.community(notifier: host)
        #expect(community.notifier as? MemoryNotifier === host)
        try Self.queueDailyDigest(community)
        #expect(community.runDueWork(now: Self.start).emailsSent[.daily] == 1)
        #expect(host.sent.count == 1)
    }

    @Test func everyJobRunsOnceAtAMomentAndTheSecondCallDoesNothing() throws {
        let community = try Self.community()
        let offer = try community.leadDistribution.distribute("pooled-1")
        #expect(offer.partnerAccountID == "acme")
        let question = try community.engagement.questions.ask(title: "Nobody answers", body: "Anyone?", by: "pat")
        let record = try community.cases.submit(CaseDraft(subject: "Broken", description: "It broke"), by: "pat")
        let zone = try community.engagement.ideas.createZone(name: "Ideas", categories: [], by: "cara")
        let idea = try community.engagement.ideas.submit(to: zone.id, title: "Dark mode", body: "Please", by: "pat")
        _ = try community.engagement.ideas.vote(idea.id, value: 1, by: "mia")

        let later = Self.start + 49 * Self.hour
        let first = community.runDueWork(now: later)
        #expect(first.failures.isEmpty)
        #expect(Set(first.ran) == Set(DueJob.allCases))
        #expect(first.expiredLeadOffers == ["pooled-1"])
        #expect(first.escalatedQuestions == [question.id])
        #expect(first.escalatedCases[record.id] == ["Slow"])
        #expect(first.milestoneAlerts.contains(MilestoneAlert(caseID: record.id, kind: .firstResponse, state: .violated, occurredAt: later)))
        #expect(!first.milestoneAlerts.contains { $0.caseID == record.id && $0.kind == .firstResponse && $0.state == .warning })
        #expect(first.rankedIdeaZones == [zone.id])
        #expect(try community.engagement.ideas.trend(of: zone.id)?.entries.map(\.ideaID) == [idea.id])
        #expect(try community.store.snapshot().value(ID<Lead>("pooled-1"))?.owner == .queue("lead-pool"))
        #expect(try community.cases.case(record.id, viewer: "cara").priority == .high)
        #expect(try community.dueWorkRuns()[.caseEscalations] == later)

        let second = community.runDueWork(now: later)
        #expect(second.ran.isEmpty)
        #expect(Set(second.notDue) == Set(DueJob.allCases))
        #expect(second.changedNothing)

        // Later still, jobs are due again but find nothing new to do.
        let third = community.runDueWork(now: later + 2 * 86_400)
        #expect(third.ran.contains(.caseMilestones))
        #expect(third.milestoneAlerts.allSatisfy { $0.kind == .resolution })
        #expect(third.escalatedCases.isEmpty && third.expiredLeadOffers.isEmpty && third.escalatedQuestions.isEmpty)
    }

    @Test func milestonesWarnBeforeTheyAreViolatedAndEachStateIsAnnouncedOnce() throws {
        let community = try Self.community()
        let record = try community.cases.submit(CaseDraft(subject: "Slow printer", description: "Very slow"), by: "pat")
        // The standard level: 8 hours to a first response, warning at 75%.
        let warning = community.runDueWork(now: Self.start + 7 * Self.hour)
        #expect(warning.milestoneAlerts.map(\.state) == [.warning])
        #expect(warning.milestoneAlerts.first?.kind == .firstResponse)
        #expect(community.runDueWork(now: Self.start + 7 * Self.hour + 120).milestoneAlerts.isEmpty)
        let violated = community.runDueWork(now: Self.start + 9 * Self.hour)
        #expect(violated.milestoneAlerts == [MilestoneAlert(caseID: record.id, kind: .firstResponse, state: .violated, occurredAt: Self.start + 9 * Self.hour)])
        // The owner (the default case owner) is told in the inbox.
        let titles = try community.engagement.notifications.list("cara").map(\.title)
        #expect(titles.contains { $0.hasPrefix("Milestone missed (first response)") })
        #expect(titles.contains { $0.hasPrefix("Milestone due soon (first response)") })
    }

    @Test func concurrentCallsHaveExactlyOnceEffects() async throws {
        let community = try Self.community()
        let mailer = try #require(community.notifier as? MemoryNotifier)
        try Self.queueDailyDigest(community)
        _ = try community.leadDistribution.distribute("pooled-1")
        let question = try community.engagement.questions.ask(title: "Still nobody", body: "Hello?", by: "mia")
        let record = try community.cases.submit(CaseDraft(subject: "Down", description: "All down"), by: "pat")
        let moment = Self.start + 50 * Self.hour

        let summaries = await withTaskGroup(of: DueWorkSummary.self) { group in
            for _ in 0..<8 { group.addTask { community.runDueWork(now: moment) } }
            var all: [DueWorkSummary] = []
            for await summary in group { all.append(summary) }
            return all
        }
        #expect(summaries.allSatisfy { $0.failures.isEmpty })
        for job in DueJob.allCases {
            #expect(summaries.filter { $0.ran.contains(job) }.count == 1, "job \(job.rawValue)")
        }
        #expect(summaries.flatMap(\.expiredLeadOffers) == ["pooled-1"])
        #expect(summaries.flatMap(\.escalatedQuestions) == [question.id])
        #expect(summaries.compactMap { $0.emailsSent[.daily] }.reduce(0, +) == 1)
        #expect(mailer.sent.filter { $0.frequency == .daily }.count == 1)
        #expect(try community.leadDistribution.offers(of: "pooled-1").map(\.status) == [.expired])
        let escalated = try #require(try community.store.snapshot().value(question.id)?.escalation)
        #expect(try community.store.snapshot().value(escalated.caseID) != nil)
        // The question's new case and the member's case are each escalated by exactly one call.
        #expect(summaries.flatMap { $0.escalatedCases.keys }.sorted() == [record.id, escalated.caseID].sorted())
    }

    @Test func theServicesAreEscalatedOnceAlsoWhenCalledDirectlyFromSeveralThreads() throws {
        let community = try Self.community()
        let record = try community.cases.submit(CaseDraft(subject: "Racy", description: "Race"), by: "pat")
        let moment = Self.start + 3 * Self.hour
        let fired = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let count = (try? community.cases.runEscalations(at: moment).count) ?? 0
            fired.withLock { $0 += count }
        }
        #expect(fired.withLock { $0 } == 1)
        #expect(try community.cases.history(of: record.id, viewer: "cara").filter { $0.field == "Priority" }.count == 1)
    }

    @Test func aSolvedQuestionClosesItsCase() throws {
        let community = try KitFixture.community()
        community.engagement.configure { $0.escalationRules = [EscalationRule(name: "Outages", keywords: [Keyword("outage")])] }
        let question = try community.engagement.questions.ask(title: "Portal outage", body: "Nothing loads", by: "pat")
        let caseID = try #require(try community.store.snapshot().value(question.id)?.escalation?.caseID)
        #expect(try community.cases.case(caseID, viewer: "cara").status == "New")
        let answer = try community.engagement.questions.answer(question.id, body: "Fixed now", by: "mia")
        try community.engagement.questions.chooseBestAnswer(answer.id, by: "pat")
        let closed = try community.cases.case(caseID, viewer: "cara")
        #expect(community.cases.configuration.lifecycle.isClosed(closed.status))
    }
}
