/// A copy of ``CommunityMetrics``'s counters at one moment.
public struct MetricsSnapshot: Sendable, Hashable {
    /// Request counters per site, sorted by site id.
    public let requests: [RequestMetrics]
    /// Writes that lost an optimistic-concurrency race.
    public let storeConflicts: UInt64
    /// Other store errors by kind: `backend`, `corrupt`, `feedTruncated`, `unindexedField`, `locked`,
    /// `other` (a kind this version does not know).
    public let storeErrors: [String: UInt64]
    /// Values the store (or a transaction's body) rejected as invalid.
    public let storeValidationFailures: UInt64
    /// Changes each change-feed follower has yet to apply, by follower name.
    public let feedLag: [String: UInt64]

    /// A snapshot.
    public init(
        requests: [RequestMetrics], storeConflicts: UInt64, storeErrors: [String: UInt64], storeValidationFailures: UInt64,
        feedLag: [String: UInt64]
    ) {
        self.requests = requests
        self.storeConflicts = storeConflicts
        self.storeErrors = storeErrors
        self.storeValidationFailures = storeValidationFailures
        self.feedLag = feedLag
    }

    /// The counters of one site.
    public func requests(site: String) -> RequestMetrics? { requests.first { $0.site == site } }

    /// Requests answered with a status, across sites.
    public func requests(status: Int) -> UInt64 { requests.reduce(0) { $0 &+ ($1.statuses[status] ?? 0) } }

    /// Requests answered, across sites.
    public var totalRequests: UInt64 { requests.reduce(0) { $0 &+ $1.total } }

    /// Store errors of every kind but conflicts.
    public var totalStoreErrors: UInt64 { storeErrors.values.reduce(0, &+) }
}
