/// How long requests took, in fixed buckets: for each upper bound, how many requests took
/// at most that long (and more than the previous bound), plus the count and the sum.
public struct LatencyHistogram: Sendable, Hashable {
    /// The buckets' upper bounds, ascending.
    public let bounds: [Duration]
    /// Requests per bucket (not cumulative): one entry per bound, then one for longer ones.
    public let counts: [UInt64]
    /// All requests.
    public let count: UInt64
    /// The total time of all requests.
    public let sum: Duration

    /// A histogram.
    public init(bounds: [Duration], counts: [UInt64], count: UInt64, sum: Duration) {
        self.bounds = bounds
        self.counts = counts
        self.count = count
        self.sum = sum
    }

    /// Requests that took at most each bound, then all of them (`le="+Inf"`): Prometheus's
    /// cumulative buckets.
    public var cumulativeCounts: [UInt64] {
        var total: UInt64 = 0
        return counts.map { count in
            total &+= count
            return total
        }
    }
}
