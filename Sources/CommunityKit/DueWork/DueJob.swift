/// A piece of work that must happen over time, run by ``Community/runDueWork(now:)`` in the
/// order declared here (questions become cases before case rules and milestones run).
public enum DueJob: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Questions left unanswered for a rule's hours become cases.
    case questionEscalations
    /// Case escalation rules (no first response in time, keywords, priority).
    case caseEscalations
    /// Entitlement milestones turning to warning or violated, announced once to the case owner.
    case caseMilestones
    /// Lead offers a partner let lapse go back to the pool.
    case leadOfferExpiry
    /// Immediate e-mails whose delivery failed are tried again.
    case immediateEmailRetries
    /// Daily digests go out.
    case dailyDigests
    /// Weekly digests go out.
    case weeklyDigests
    /// Each idea zone's trending ranking is recomputed.
    case ideaTrending
    /// Pending webhook deliveries are sent (failures retried with backoff).
    case webhookDeliveries
    /// API idempotency records past their lifetime are deleted.
    case idempotencyExpiry
    /// Search query log entries older than their site's retention window lose the searcher's id.
    case searchLogRetention
    /// The KPI aggregates are checkpointed to the store, so a restart reads them instead of every entity.
    case kpiCheckpoint

    /// Orders jobs as they are declared (the order they run in).
    public static func < (lhs: DueJob, rhs: DueJob) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
