/// One site's request counters in a ``MetricsSnapshot``.
public struct RequestMetrics: Sendable, Hashable {
    /// The site id (`""` for requests no site matched).
    public let site: String
    /// Requests answered, by HTTP status.
    public let statuses: [Int: UInt64]
    /// How long they took.
    public let latency: LatencyHistogram

    /// A site's counters.
    public init(site: String, statuses: [Int: UInt64], latency: LatencyHistogram) {
        self.site = site
        self.statuses = statuses
        self.latency = latency
    }

    /// Requests answered with any status.
    public var total: UInt64 { latency.count }
}
