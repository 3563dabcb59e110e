/// Percentiles of a set of measured durations, in nanoseconds.
public struct LatencyStats: Sendable, Hashable {
    /// How many durations.
    public var count: Int
    /// The median.
    public var p50: UInt64
    /// The 99th percentile.
    public var p99: UInt64
    /// The largest.
    public var max: UInt64
    /// The mean.
    public var mean: Double

    /// Summarises `samples` (nearest-rank percentiles); all zero when empty.
    public init(_ samples: [UInt64]) {
        count = samples.count
        guard !samples.isEmpty else {
            p50 = 0
            p99 = 0
            max = 0
            mean = 0
            return
        }
        let sorted = samples.sorted()
        func rank(_ p: Double) -> UInt64 {
            let r = Int((p * Double(sorted.count)).rounded(.up))
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, r - 1))]
        }
        p50 = rank(0.50)
        p99 = rank(0.99)
        max = sorted[sorted.count - 1]
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
    }
}
