/// One non-zero cell of the aggregates, with its site and key spelled out: what a checkpoint
/// stores (``KPICheckpoint``).
public struct KPIAggregateRow: Hashable, Sendable, Codable {
    /// The site, or `nil` for engine-wide.
    public var site: String?
    /// The UTC day number, or `nil` for current state.
    public var day: Int32?
    /// The metric.
    public var metric: KPIMetric
    /// The breakdown key of a counter (empty for none and for samples).
    public var key: String
    /// The sampled value of a sample metric; `nil` for counters.
    public var sample: Int64?
    /// The counter's sum, or how many times the sample was seen.
    public var value: Int64

    /// A row.
    public init(site: String?, day: Int32?, metric: KPIMetric, key: String, sample: Int64?, value: Int64) {
        self.site = site
        self.day = day
        self.metric = metric
        self.key = key
        self.sample = sample
        self.value = value
    }
}
