public import CommunityModel
import Synchronization

extension AccessEngine {
    /// Counts and sums of the records a user may read, grouped by a field (see
    /// ``AccessSnapshot/summarizeVisible(of:_:)``), kept between requests.
    ///
    /// Users who read every record of the object share one answer. An answer from the current
    /// snapshot is returned at once; after a change, small summaries are recomputed before
    /// returning (exact), and large ones — at least ``SummaryRefreshPolicy/backgroundThreshold``
    /// records — return the previous answer while a single background refresh catches up, its
    /// ``RecordSummary/asOf`` telling the caller which change it includes.
    public func summarizeVisible(of user: ID<User>, _ query: SummaryQuery) -> RecordSummary {
        let snapshot = self.snapshot
        guard let audience = snapshot.summaryAudience(of: user, object: query.object) else {
            return snapshot.summarizeVisible(of: user, query)
        }
        let key = SummaryKey(query: query, audience: audience)
        if let entry = summaries.entry(key) {
            if entry.summary.asOf == snapshot.sequence { return entry.summary }
            let policy = summaries.policy.withLock { $0 }
            if entry.walked >= policy.backgroundThreshold {
                if summaries.beginRefresh(key) {
                    policy.executor { [weak self] in
                        guard let self else { return }
                        let latest = self.snapshot
                        let fresh = latest.summarizeVisible(of: user, query)
                        self.summaries.store(fresh, walked: fresh.count, for: key)
                    }
                }
                return entry.summary
            }
        }
        let fresh = snapshot.summarizeVisible(of: user, query)
        summaries.store(fresh, walked: fresh.count, for: key)
        return fresh
    }

    /// Sets when large summaries are refreshed in the background, and on what.
    public func setSummaryRefreshPolicy(_ policy: SummaryRefreshPolicy) {
        summaries.policy.withLock { $0 = policy }
    }
}
