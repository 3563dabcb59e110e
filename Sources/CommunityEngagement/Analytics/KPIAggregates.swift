/// The daily aggregates: counters and sample multisets per site and UTC day, with the reads
/// the KPI report makes (totals, breakdowns, medians, distinct keys, daily series).
///
/// A value: ``KPIAggregator`` hands out copies, so reads never wait for updates. Entries that
/// drop to zero are removed, so two aggregates of the same facts compare equal however they
/// were reached.
public struct KPIAggregates: Sendable, Equatable {
    struct Bucket: Hashable, Sendable {
        var site: String?
        var day: Int32?
    }

    struct Cell: Hashable, Sendable {
        var metric: KPIMetric
        var key: String
    }

    private(set) var counts: [Bucket: [Cell: Int64]] = [:]
    private(set) var samples: [Bucket: [KPIMetric: [Int64: Int64]]] = [:]

    /// No facts.
    public init() {}

    /// Adds (`sign` 1) or takes away (`sign` -1) one fact.
    public mutating func apply(_ fact: KPIFact, sign: Int64) {
        let bucket = Bucket(site: fact.site, day: fact.day)
        if fact.metric.isSample {
            var byMetric = samples.removeValue(forKey: bucket) ?? [:]
            var multiset = byMetric.removeValue(forKey: fact.metric) ?? [:]
            let count = (multiset[fact.value] ?? 0) &+ sign
            multiset[fact.value] = count == 0 ? nil : count
            if !multiset.isEmpty { byMetric[fact.metric] = multiset }
            if !byMetric.isEmpty { samples[bucket] = byMetric }
        } else {
            guard fact.value != 0 else { return }
            let cell = Cell(metric: fact.metric, key: fact.key)
            let total = counts[bucket, default: [:]][cell, default: 0] &+ sign &* fact.value
            if total == 0 {
                counts[bucket]?[cell] = nil
                if counts[bucket]?.isEmpty == true { counts[bucket] = nil }
            } else {
                counts[bucket, default: [:]][cell] = total
            }
        }
    }

    /// Adds or takes away several facts.
    public mutating func apply(_ facts: [KPIFact], sign: Int64) {
        for fact in facts { apply(fact, sign: sign) }
    }

    private func matches(_ bucket: Bucket, _ scope: KPIScope, _ days: ClosedRange<Int32>) -> Bool {
        guard scope.includes(bucket.site) else { return false }
        guard let day = bucket.day else { return true }  // state counts whatever the range
        return days.contains(day)
    }

    /// The sum of a counter over a scope and days (state metrics ignore the days).
    public func total(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Int64 {
        var sum: Int64 = 0
        for (bucket, cells) in counts where matches(bucket, scope, days) {
            for (cell, value) in cells where cell.metric == metric { sum &+= value }
        }
        return sum
    }

    /// A counter's sums by key over a scope and days.
    public func breakdown(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for (bucket, cells) in counts where matches(bucket, scope, days) {
            for (cell, value) in cells where cell.metric == metric { out[cell.key, default: 0] &+= value }
        }
        return out.filter { $0.value != 0 }
    }

    /// A counter's sums by day (days without any are left out).
    public func daily(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> [Int32: Int64] {
        var out: [Int32: Int64] = [:]
        for (bucket, cells) in counts where matches(bucket, scope, days) {
            guard let day = bucket.day else { continue }
            for (cell, value) in cells where cell.metric == metric { out[day, default: 0] &+= value }
        }
        return out
    }

    /// The keys with a positive count of a metric over a scope and days (for active members).
    public func distinctKeys(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Set<String> {
        var out: Set<String> = []
        for (bucket, cells) in counts where matches(bucket, scope, days) {
            for (cell, value) in cells where cell.metric == metric && value > 0 { out.insert(cell.key) }
        }
        return out
    }

    /// How many samples of a sample metric fall in a scope and days.
    public func sampleCount(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Int64 {
        var n: Int64 = 0
        for (bucket, metrics) in samples where matches(bucket, scope, days) {
            for (_, count) in metrics[metric] ?? [:] { n &+= count }
        }
        return n
    }

    /// The median (the lower middle for an even count) of a sample metric; `nil` without samples.
    public func median(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Int64? {
        var merged: [Int64: Int64] = [:]
        for (bucket, metrics) in samples where matches(bucket, scope, days) {
            for (value, count) in metrics[metric] ?? [:] { merged[value, default: 0] &+= count }
        }
        let n = merged.values.reduce(0, &+)
        guard n > 0 else { return nil }
        let target = (n - 1) / 2
        var seen: Int64 = 0
        for value in merged.keys.sorted() {
            seen &+= merged[value] ?? 0
            if seen > target { return value }
        }
        return nil
    }

    /// The sites (non-`nil`) with any fact, sorted.
    public var sites: [String] {
        Set(counts.keys.compactMap(\.site)).union(samples.keys.compactMap(\.site)).sorted()
    }
}
