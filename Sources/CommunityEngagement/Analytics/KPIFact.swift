/// One contribution to the aggregates: `value` added to `metric` (under `key`) for a site on a
/// day. A `nil` site is engine-wide content (it counts in every site, as ``SiteScope`` has it);
/// a `nil` day is current state (members, pipeline), counted whatever the date range.
public struct KPIFact: Hashable, Sendable, Codable {
    /// The site, or `nil` for engine-wide.
    public var site: String?
    /// The UTC day number (days since 1970-01-01), or `nil` for current state.
    public var day: Int32?
    /// The metric.
    public var metric: KPIMetric
    /// The breakdown key (a member id, a query, a stage), empty for none.
    public var key: String
    /// The amount for counters; the sample for sample metrics.
    public var value: Int64

    /// A fact.
    public init(site: String?, day: Int32?, metric: KPIMetric, key: String = "", value: Int64 = 1) {
        self.site = site
        self.day = day
        self.metric = metric
        self.key = key
        self.value = value
    }
}
