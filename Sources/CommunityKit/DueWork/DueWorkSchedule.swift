public import Foundation

/// How often each ``DueJob`` runs: a job is due when at least its interval has passed since
/// its last run (and never twice at the same moment). The host decides how often to call
/// ``Community/runDueWork(now:)``; a call before a job is due skips it.
public struct DueWorkSchedule: Sendable, Hashable {
    /// Seconds between runs, by job; a job missing here runs at most once per moment.
    public var intervals: [DueJob: TimeInterval]

    /// A schedule.
    public init(intervals: [DueJob: TimeInterval]) { self.intervals = intervals }

    /// Escalations, milestones, offer expiry and e-mail retries every minute, trending every
    /// hour (as are the search log's retention, expired idempotency keys and the KPI checkpoint), daily digests once a day and weekly digests once a week.
    public static let standard = DueWorkSchedule(intervals: [
        .caseEscalations: 60, .caseMilestones: 60, .leadOfferExpiry: 60, .questionEscalations: 60,
        .immediateEmailRetries: 60, .dailyDigests: 86_400, .weeklyDigests: 7 * 86_400, .ideaTrending: 3_600,
        .webhookDeliveries: 10, .idempotencyExpiry: 3_600,
        .searchLogRetention: 3_600, .kpiCheckpoint: 3_600,
    ])

    /// The interval of a job (zero when missing or negative).
    public func interval(of job: DueJob) -> TimeInterval { max(0, intervals[job] ?? 0) }
}
