import CommunityModel
import CommunityEngagement
public import Foundation
import Synchronization

/// One `runDueWork` at a time per process: jobs depend on the ones before them (a question
/// escalated into a case must exist before case escalation rules run), and two calls
/// interleaving could otherwise run a later job before an earlier one's writes commit.
private let dueWorkInProgress = Mutex(())

extension Community {
    /// Runs every job that is due at `now` (the clock's time when `nil`): case escalations and
    /// milestones, lead offer expiry, question escalations, e-mail retries and digests through
    /// the configured ``CommunityConfiguration/notifier``, and idea trending. How often each runs is
    /// ``CommunityConfiguration/dueWork``.
    ///
    /// Call it from a timer (every minute suits the standard schedule). It is idempotent and safe
    /// to call from several threads or processes sharing a store at once. Calls in one process
    /// run one after another, so each job sees the writes of the jobs before it; each job is claimed in
    /// a store transaction, so exactly one call runs it for a moment, and a second call at the same
    /// moment finds nothing due. Each job's own writes also re-check their condition inside their
    /// transaction. A job that throws is recorded in ``DueWorkSummary/failures`` and is due again
    /// on the next call; the other jobs still run.
    @discardableResult
    public func runDueWork(now: Date? = nil) -> DueWorkSummary {
        dueWorkInProgress.withLock { _ in runDueWorkSerially(now: now) }
    }

    private func runDueWorkSerially(now: Date?) -> DueWorkSummary {
        let moment = now ?? clock.now()
        var summary = DueWorkSummary(now: moment)
        for job in DueJob.allCases {
            let claimed: DueWorkRun?
            do {
                claimed = try claim(job, at: moment)
            } catch {
                summary.failures[job] = "\(error)"
                continue
            }
            guard let claimed else {
                summary.notDue.append(job)
                continue
            }
            do {
                try run(job, at: moment, into: &summary)
                summary.ran.append(job)
            } catch {
                summary.failures[job] = "\(error)"
                release(claimed)
            }
        }
        if !summary.ran.isEmpty || !summary.failures.isEmpty {
            logger.log(LogEvent(
                summary.failures.isEmpty ? .info : .error, "dueWork.ran", "Scheduled work ran.",
                metadata: [
                    "jobs": .list(summary.ran.map { .text($0.rawValue) }),
                    "failed": .list(summary.failures.keys.sorted().map { .text($0.rawValue) }),
                ]))
        }
        return summary
    }

    /// When each job last ran, by job (jobs never run are absent).
    public func dueWorkRuns() throws -> [DueJob: Date] {
        var out: [DueJob: Date] = [:]
        for run in try store.snapshot().all(DueWorkRun.self).map(\.value) { out[run.job] = run.lastRunAt }
        return out
    }

    /// Claims a job for `moment` when it is due; `nil` when it is not (or another call has it).
    private func claim(_ job: DueJob, at moment: Date) throws -> DueWorkRun? {
        let interval = dueWorkSchedule.interval(of: job)
        return try store.write { tx -> DueWorkRun? in
            let id = DueWorkRun.id(for: job)
            let last = try tx.value(id)
            if let last, moment <= last.lastRunAt || moment < last.lastRunAt.addingTimeInterval(interval) { return nil }
            let run = DueWorkRun(id: id, job: job, lastRunAt: moment, previousRunAt: last?.lastRunAt)
            try tx.put(run)
            return run
        }
    }

    /// Gives back a claim whose job failed, so the job is due again.
    private func release(_ run: DueWorkRun) {
        _ = try? store.write { tx in
            guard let current = try tx.value(run.id), current.lastRunAt == run.lastRunAt else { return }
            if let previous = run.previousRunAt {
                var restored = current
                restored.lastRunAt = previous
                restored.previousRunAt = nil
                try tx.put(restored)
            } else {
                try tx.delete(run.id)
            }
        }
    }

    private func run(_ job: DueJob, at moment: Date, into summary: inout DueWorkSummary) throws {
        switch job {
        case .caseEscalations:
            for (caseID, rules) in try cases.runEscalations(at: moment) { summary.escalatedCases[caseID, default: []] += rules }
        case .caseMilestones:
            summary.milestoneAlerts = try cases.runMilestoneAlerts(at: moment)
        case .leadOfferExpiry:
            summary.expiredLeadOffers = try leadDistribution.expireOffers(at: moment)
        case .questionEscalations:
            summary.escalatedQuestions = try engagement.questions.runEscalations(at: moment)
        case .immediateEmailRetries:
            summary.emailsSent[.immediate] = try engagement.notifications.sendDigests(.immediate)
        case .dailyDigests:
            summary.emailsSent[.daily] = try engagement.notifications.sendDigests(.daily)
        case .weeklyDigests:
            summary.emailsSent[.weekly] = try engagement.notifications.sendDigests(.weekly)
        case .ideaTrending:
            summary.rankedIdeaZones = try engagement.ideas.refreshTrending(at: moment)
        case .webhookDeliveries:
            summary.webhooksDelivered = try api.webhooks.deliverDue(at: moment).delivered
        case .idempotencyExpiry:
            summary.idempotencyRecordsPurged = try purgeIdempotencyRecords(now: moment)
        case .searchLogRetention:
            summary.searchLogEntriesScrubbed = try purgeSearchLog(now: moment)
        case .kpiCheckpoint:
            summary.kpiCheckpointParts = try kpiAggregator.checkpoint(to: store)
        }
    }
}
