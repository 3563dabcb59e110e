/// The daily aggregates: counters and sample multisets per site and UTC day, with the reads
/// the KPI report makes (totals, breakdowns, medians, distinct keys, daily series).
///
/// Cells live in one flat hash table under a packed integer key (``KPICell``, ``KPICellTable``): the site and the
/// breakdown key are interned once, so updating a cell hashes two machine words, never a
/// string, and facts already packed (``KPIPackedFact``) are applied or taken away without
/// touching a string at all.
///
/// A value: ``KPIAggregator`` hands out copies, so reads never wait for updates. Entries that
/// drop to zero are removed, and equality compares what the cells mean (sites and keys by
/// name), so two aggregates of the same facts compare equal however they were reached.
public struct KPIAggregates: Sendable, Equatable {
    /// Interned sites (`0` is "no site") and breakdown keys (`0` is the empty key).
    private(set) var siteNames: [String] = [""]
    private(set) var keyNames: [String] = [""]
    private var siteIDs: [String: UInt32] = [:]
    private var keyIDs: [String: UInt32] = ["": 0]
    /// Counter cells: the sum of a metric for a site, day and key.
    private(set) var counts = KPICellTable()
    /// Sample cells: how many times a value was seen (the key word holds the value).
    private(set) var samples = KPICellTable()
    /// The site and the key interned last, checked before the dictionaries.
    private var lastSite: (name: String, id: UInt32)?
    private var lastKey: (name: String, id: UInt32) = ("", 0)

    /// No facts.
    public init() {}

    // MARK: Updating

    /// The packed form of a fact, interning its site and key.
    public mutating func pack(_ fact: KPIFact) -> KPIPackedFact {
        var site: UInt32 = 0
        if let name = fact.site { site = internSite(name) }
        let metric = fact.metric
        if metric.isSample {
            return KPIPackedFact(cell: KPICell(site: site, day: fact.day, metric: metric, word: UInt64(bitPattern: fact.value)), value: 1, isSample: true)
        }
        let key = fact.key.isEmpty ? 0 : internKey(fact.key)
        return KPIPackedFact(cell: KPICell(site: site, day: fact.day, metric: metric, word: UInt64(key)), value: fact.value, isSample: false)
    }

    /// Packs several facts, dropping counters of zero (they change nothing).
    public mutating func pack(_ facts: [KPIFact]) -> [KPIPackedFact] {
        var out: [KPIPackedFact] = []
        out.reserveCapacity(facts.count)
        for fact in facts where fact.value != 0 || fact.metric.isSample { out.append(pack(fact)) }
        return out
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) one packed fact.
    public mutating func apply(_ fact: KPIPackedFact, sign: Int64) {
        let delta = sign &* fact.value
        guard delta != 0 else { return }
        if fact.isSample {
            samples.add(delta, at: fact.cell)
        } else {
            counts.add(delta, at: fact.cell)
        }
    }

    /// Adds or takes away several packed facts.
    public mutating func apply(_ facts: [KPIPackedFact], sign: Int64) {
        for fact in facts { apply(fact, sign: sign) }
    }

    /// Takes `old` away and adds `new`, as `apply(old, sign: -1)` then `apply(new, sign: 1)` do,
    /// but a fact found in both (an unchanged fact of a recomputed group) touches no cell.
    public mutating func replace(_ old: [KPIPackedFact], with new: [KPIPackedFact]) {
        if old == new { return }
        // Pairs are matched with two bit sets, so at most 64 facts a side; larger groups are rare.
        guard old.count <= 64, new.count <= 64 else {
            apply(old, sign: -1)
            apply(new, sign: 1)
            return
        }
        var oldMatched: UInt64 = 0
        var newMatched: UInt64 = 0
        for (n, fact) in new.enumerated() {
            for (o, previous) in old.enumerated() where oldMatched & (1 << UInt64(o)) == 0 && previous == fact {
                oldMatched |= 1 << UInt64(o)
                newMatched |= 1 << UInt64(n)
                break
            }
        }
        for (o, previous) in old.enumerated() where oldMatched & (1 << UInt64(o)) == 0 { apply(previous, sign: -1) }
        for (n, fact) in new.enumerated() where newMatched & (1 << UInt64(n)) == 0 { apply(fact, sign: 1) }
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) one fact.
    public mutating func apply(_ fact: KPIFact, sign: Int64) {
        guard fact.value != 0 || fact.metric.isSample else { return }
        let packed = pack(fact)
        apply(packed, sign: sign)
    }

    /// Adds or takes away several facts.
    public mutating func apply(_ facts: [KPIFact], sign: Int64) {
        for fact in facts { apply(fact, sign: sign) }
    }

    private mutating func internSite(_ site: String) -> UInt32 {
        if let lastSite, site == lastSite.name { return lastSite.id }
        if let id = siteIDs[site] {
            lastSite = (site, id)
            return id
        }
        let id = UInt32(truncatingIfNeeded: siteNames.count)
        siteNames.append(site)
        siteIDs[site] = id
        return id
    }

    private mutating func internKey(_ key: String) -> UInt32 {
        // Facts come in runs with one key (a contribution's activity and active-member facts).
        if key == lastKey.name { return lastKey.id }
        if let id = keyIDs[key] {
            lastKey = (key, id)
            return id
        }
        let id = UInt32(truncatingIfNeeded: keyNames.count)
        keyNames.append(key)
        keyIDs[key] = id
        return id
    }

    // MARK: Reading

    /// What a scope admits, as interned site ids: `nil` admits every site.
    private func admitted(_ scope: KPIScope) -> (UInt32, UInt32?)? {
        switch scope {
        case .allSites: nil
        case .site(let id): (0, siteIDs[id])
        }
    }

    private func matches(_ cell: KPICell, _ metric: UInt8, _ sites: (UInt32, UInt32?)?, _ days: ClosedRange<Int32>) -> Bool {
        guard cell.metricOrdinal == metric else { return false }
        if let sites {
            let site = cell.site
            guard site == sites.0 || site == sites.1 else { return false }
        }
        guard let day = cell.day else { return true }  // state counts whatever the range
        return days.contains(day)
    }

    private func key(_ cell: KPICell) -> String {
        let index = Int(truncatingIfNeeded: cell.word)
        return keyNames.indices.contains(index) ? keyNames[index] : ""
    }

    /// The sum of a counter over a scope and days (state metrics ignore the days).
    public func total(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Int64 {
        let m = metric.ordinal, sites = admitted(scope)
        var sum: Int64 = 0
        for (cell, value) in counts where matches(cell, m, sites, days) { sum &+= value }
        return sum
    }

    /// A counter's sums by key over a scope and days.
    public func breakdown(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> [String: Int64] {
        let m = metric.ordinal, sites = admitted(scope)
        var byKey: [UInt64: Int64] = [:]
        for (cell, value) in counts where matches(cell, m, sites, days) { byKey[cell.word, default: 0] &+= value }
        var out: [String: Int64] = [:]
        for (word, value) in byKey where value != 0 { out[key(KPICell(packed: 0, word: word)), default: 0] &+= value }
        return out.filter { $0.value != 0 }
    }

    /// A counter's sums by day (days without any are left out).
    public func daily(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> [Int32: Int64] {
        let m = metric.ordinal, sites = admitted(scope)
        var out: [Int32: Int64] = [:]
        for (cell, value) in counts where matches(cell, m, sites, days) {
            guard let day = cell.day else { continue }
            out[day, default: 0] &+= value
        }
        return out
    }

    /// The keys with a positive count of a metric over a scope and days (for active members).
    public func distinctKeys(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Set<String> {
        let m = metric.ordinal, sites = admitted(scope)
        var words: Set<UInt64> = []
        for (cell, value) in counts where value > 0 && matches(cell, m, sites, days) { words.insert(cell.word) }
        return Set(words.map { key(KPICell(packed: 0, word: $0)) })
    }

    /// How many samples of a sample metric fall in a scope and days.
    public func sampleCount(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Int64 {
        let m = metric.ordinal, sites = admitted(scope)
        var n: Int64 = 0
        for (cell, count) in samples where matches(cell, m, sites, days) { n &+= count }
        return n
    }

    /// The median (the lower middle for an even count) of a sample metric; `nil` without samples.
    public func median(_ metric: KPIMetric, scope: KPIScope, days: ClosedRange<Int32>) -> Int64? {
        let m = metric.ordinal, sites = admitted(scope)
        var merged: [Int64: Int64] = [:]
        for (cell, count) in samples where matches(cell, m, sites, days) { merged[Int64(bitPattern: cell.word), default: 0] &+= count }
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
        var ids: Set<UInt32> = []
        for (cell, _) in counts { ids.insert(cell.site) }
        for (cell, _) in samples { ids.insert(cell.site) }
        ids.remove(0)
        return ids.compactMap { siteNames.indices.contains(Int($0)) ? siteNames[Int($0)] : nil }.sorted()
    }

    /// A packed fact spelled out again (site and key by name).
    public func fact(_ packed: KPIPackedFact) -> KPIFact {
        let row = row(packed.cell, value: packed.value, sample: packed.isSample)
        return KPIFact(site: row.site, day: row.day, metric: row.metric, key: row.key, value: row.sample ?? row.value)
    }

    // MARK: Rows

    /// Every non-zero cell as a row naming its site and key: what a checkpoint stores, and what
    /// equality compares.
    public var rows: [KPIAggregateRow] {
        var out: [KPIAggregateRow] = []
        out.reserveCapacity(counts.count + samples.count)
        for (cell, value) in counts { out.append(row(cell, value: value, sample: false)) }
        for (cell, count) in samples { out.append(row(cell, value: count, sample: true)) }
        return out
    }

    private func row(_ cell: KPICell, value: Int64, sample: Bool) -> KPIAggregateRow {
        let siteIndex = Int(cell.site)
        let site: String? = cell.site == 0 || !siteNames.indices.contains(siteIndex) ? nil : siteNames[siteIndex]
        let metric = KPIMetric.byOrdinal.indices.contains(Int(cell.metricOrdinal)) ? KPIMetric.byOrdinal[Int(cell.metricOrdinal)] : .posts
        if sample {
            return KPIAggregateRow(site: site, day: cell.day, metric: metric, key: "", sample: Int64(bitPattern: cell.word), value: value)
        }
        return KPIAggregateRow(site: site, day: cell.day, metric: metric, key: key(cell), sample: nil, value: value)
    }

    /// Aggregates holding exactly these rows (rows of the same cell add up).
    public init(rows: [KPIAggregateRow]) {
        for row in rows {
            if row.metric.isSample {
                let fact = KPIFact(site: row.site, day: row.day, metric: row.metric, value: row.sample ?? 0)
                let packed = pack(fact)
                apply(KPIPackedFact(cell: packed.cell, value: row.value, isSample: true), sign: 1)
            } else {
                apply(KPIFact(site: row.site, day: row.day, metric: row.metric, key: row.key, value: row.value), sign: 1)
            }
        }
    }

    /// Equal when every cell holds the same value, whatever order sites and keys were interned in.
    public static func == (lhs: KPIAggregates, rhs: KPIAggregates) -> Bool {
        guard lhs.counts.count == rhs.counts.count, lhs.samples.count == rhs.samples.count else { return false }
        return Set(lhs.rows) == Set(rhs.rows)
    }
}
