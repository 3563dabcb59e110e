public import CommunityModel
public import CommunityEngagement
public import Foundation

/// What one ``Community/runDueWork(now:)`` call did.
public struct DueWorkSummary: Sendable, Hashable {
    /// The moment the work ran for.
    public var now: Date
    /// The jobs this call ran (each claimed by this call alone).
    public var ran: [DueJob] = []
    /// The jobs that were not due (run recently, or already run at this moment by another call).
    public var notDue: [DueJob] = []
    /// Jobs that failed, with the reason; each is due again on the next call.
    public var failures: [DueJob: String] = [:]
    /// Cases escalated, with the rules that fired.
    public var escalatedCases: [ID<Case>: [String]] = [:]
    /// Milestones announced.
    public var milestoneAlerts: [MilestoneAlert] = []
    /// Leads whose offer expired and which went back to the pool.
    public var expiredLeadOffers: [ID<Lead>] = []
    /// Questions escalated into cases.
    public var escalatedQuestions: [ID<Question>] = []
    /// E-mails the notifier accepted, by frequency (immediate retries, daily and weekly digests).
    public var emailsSent: [EmailFrequency: Int] = [:]
    /// Idea zones whose trending ranking was recomputed.
    public var rankedIdeaZones: [ID<IdeaZone>] = []
    /// Webhook deliveries sent successfully.
    public var webhooksDelivered = 0
    /// How many expired API idempotency records were deleted (``DueJob/idempotencyExpiry``).
    public var idempotencyRecordsPurged = 0
    /// How many search log entries lost their searcher's id (``DueJob/searchLogRetention``).
    public var searchLogEntriesScrubbed = 0
    /// How many ``KPICheckpointPart`` entities the KPI checkpoint wrote (``DueJob/kpiCheckpoint``).
    public var kpiCheckpointParts = 0

    /// An empty summary.
    public init(now: Date) { self.now = now }

    /// Whether the call changed nothing (no job effect and no failure).
    public var changedNothing: Bool {
        escalatedCases.isEmpty && milestoneAlerts.isEmpty && expiredLeadOffers.isEmpty && escalatedQuestions.isEmpty
            && emailsSent.values.allSatisfy { $0 == 0 } && rankedIdeaZones.isEmpty && webhooksDelivered == 0 && failures.isEmpty
    }
}
