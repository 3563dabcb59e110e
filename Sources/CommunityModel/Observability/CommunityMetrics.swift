import Synchronization

/// Counters a host exports to its metrics system: requests by site and status, a latency
/// histogram per site, store conflicts, errors and validation failures, and how far change
/// feed followers lag behind the store.
///
/// Recording is cheap and never waits for a reader: store counters are atomics, and a
/// request takes one short lock to bump its site's counters. ``snapshot()`` copies the
/// counters out; ``prometheusText()`` renders them in the Prometheus text format, ready to
/// serve at `/metrics`.
///
/// Site labels must come from a bounded set (the engine passes configured site ids), so
/// no request can grow the number of series.
public final class CommunityMetrics: Sendable {
    /// The default upper bounds of the latency histogram's buckets: 5 ms to 10 s.
    public static let standardLatencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// The histogram's bucket upper bounds, ascending.
    public let latencyBuckets: [Duration]
    private let bucketNanoseconds: [UInt64]
    private let requests = Mutex<[String: RequestSeries]>([:])
    private let conflicts = Atomic<UInt64>(0)
    private let validationFailures = Atomic<UInt64>(0)
    private let unindexedField = Atomic<UInt64>(0)
    private let corrupt = Atomic<UInt64>(0)
    private let feedTruncated = Atomic<UInt64>(0)
    private let backend = Atomic<UInt64>(0)
    private let locked = Atomic<UInt64>(0)
    private let other = Atomic<UInt64>(0)
    private let followers = Mutex<[String: @Sendable () -> UInt64]>([:])

    /// Counters starting at zero, with a latency histogram over `latencyBuckets` (positive
    /// bounds; duplicates and non-positive ones are dropped, the rest sorted).
    public init(latencyBuckets: [Duration] = CommunityMetrics.standardLatencyBuckets) {
        let bounds = Array(Set(latencyBuckets.filter { $0 > .zero })).sorted()
        self.latencyBuckets = bounds
        self.bucketNanoseconds = bounds.map(CommunityMetrics.nanoseconds)
    }

    // MARK: Recording

    /// Counts one answered request of a site (`""` when no site matched the path).
    public func recordRequest(site: String, status: Int, duration: Duration) {
        let nanoseconds = CommunityMetrics.nanoseconds(duration)
        var bucket = bucketNanoseconds.count
        for (index, bound) in bucketNanoseconds.enumerated() where nanoseconds <= bound {
            bucket = index
            break
        }
        let bucketCount = bucketNanoseconds.count + 1
        requests.withLock { series in
            series[site, default: RequestSeries(bucketCount: bucketCount)].record(status: status, bucket: bucket, nanoseconds: nanoseconds)
        }
    }

    /// Counts a store error: conflicts apart from the other kinds.
    public func recordStoreError(_ error: StoreError) {
        // An if-chain rather than a switch, so a new StoreError case lands in `other`.
        if case .conflict = error {
            conflicts.wrappingAdd(1, ordering: .relaxed)
        } else if case .backend = error {
            backend.wrappingAdd(1, ordering: .relaxed)
        } else if case .corrupt = error {
            corrupt.wrappingAdd(1, ordering: .relaxed)
        } else if case .feedTruncated = error {
            feedTruncated.wrappingAdd(1, ordering: .relaxed)
        } else if case .unindexedField = error {
            unindexedField.wrappingAdd(1, ordering: .relaxed)
        } else if case .locked = error {
            locked.wrappingAdd(1, ordering: .relaxed)
        } else {
            other.wrappingAdd(1, ordering: .relaxed)
        }
    }

    /// Counts a value the store (or a transaction's body) rejected as invalid.
    public func recordStoreValidationFailure() {
        validationFailures.wrappingAdd(1, ordering: .relaxed)
    }

    /// Reports a change-feed follower's lag in every snapshot: `lag` answers how many
    /// changes the follower has yet to apply. A later registration under the same name
    /// replaces the earlier one. `lag` runs at snapshot time, not on the hot path.
    public func trackFeedLag(of follower: String, _ lag: @escaping @Sendable () -> UInt64) {
        followers.withLock { $0[follower] = lag }
    }

    /// Reports a follower's lag as the distance from the feed's head to the follower's
    /// position (zero when the follower is at or past the head it was compared with).
    public func trackFeedLag(
        of follower: String, head: @escaping @Sendable () -> UInt64, position: @escaping @Sendable () -> UInt64
    ) {
        trackFeedLag(of: follower) {
            let top = head()  // read first: a commit in between can only make the follower look closer
            let at = position()
            return top > at ? top - at : 0
        }
    }

    // MARK: Reading

    /// A copy of every counter as of now.
    public func snapshot() -> MetricsSnapshot {
        let series = requests.withLock { $0 }
        let lags = followers.withLock { $0 }
        return MetricsSnapshot(
            requests: series.keys.sorted().compactMap { site in
                series[site].map { s in
                    RequestMetrics(
                        site: site, statuses: s.statuses,
                        latency: LatencyHistogram(
                            bounds: latencyBuckets, counts: s.buckets, count: s.count,
                            sum: .nanoseconds(Int64(clamping: s.sumNanoseconds))))
                }
            },
            storeConflicts: conflicts.load(ordering: .relaxed),
            storeErrors: [
                "unindexedField": unindexedField.load(ordering: .relaxed), "corrupt": corrupt.load(ordering: .relaxed),
                "feedTruncated": feedTruncated.load(ordering: .relaxed), "backend": backend.load(ordering: .relaxed),
                "locked": locked.load(ordering: .relaxed), "other": other.load(ordering: .relaxed),
            ],
            storeValidationFailures: validationFailures.load(ordering: .relaxed),
            feedLag: lags.mapValues { $0() })
    }

    /// Every counter in the Prometheus text exposition format (version 0.0.4).
    public func prometheusText() -> String { snapshot().prometheusText() }

    /// A duration in nanoseconds, clamped to zero and to `UInt64.max`.
    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (total, carry) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return carry ? .max : total
    }
}

/// One site's request counters, kept under ``CommunityMetrics``'s lock.
private struct RequestSeries: Sendable {
    var statuses: [Int: UInt64] = [:]
    var buckets: [UInt64]
    var count: UInt64 = 0
    var sumNanoseconds: UInt64 = 0

    init(bucketCount: Int) { buckets = Array(repeating: 0, count: bucketCount) }

    mutating func record(status: Int, bucket: Int, nanoseconds: UInt64) {
        statuses[status, default: 0] &+= 1
        buckets[bucket] &+= 1
        count &+= 1
        sumNanoseconds &+= nanoseconds
    }
}
