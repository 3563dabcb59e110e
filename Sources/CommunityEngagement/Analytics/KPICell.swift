/// One cell of ``KPIAggregates`` under a packed integer key: the interned site (32 bits), the
/// metric's ordinal (8 bits) and the day (24 bits, `0` for current state) in one word; the
/// interned breakdown key, or a sample's value, in the other.
public struct KPICell: Hashable, Sendable {
    /// Site, metric and day.
    var packed: UInt64
    /// The interned key of a counter, or the value of a sample.
    var word: UInt64

    /// Days are stored offset so every day of ``KPIDay`` (±5,000,000) is positive and below 2^24.
    private static let dayOffset: Int64 = 8_000_000

    init(packed: UInt64, word: UInt64) {
        self.packed = packed
        self.word = word
    }

    init(site: UInt32, day: Int32?, metric: KPIMetric, word: UInt64) {
        let dayCode: UInt64
        if let day {
            let clamped = max(-5_000_000, min(5_000_000, Int64(day)))
            dayCode = UInt64(truncatingIfNeeded: clamped &+ Self.dayOffset)
        } else {
            dayCode = 0
        }
        packed = UInt64(site) << 32 | UInt64(metric.ordinal) << 24 | dayCode
        self.word = word
    }

    var site: UInt32 { UInt32(truncatingIfNeeded: packed >> 32) }
    var metricOrdinal: UInt8 { UInt8(truncatingIfNeeded: packed >> 24) }
    var day: Int32? {
        let code = packed & 0xFF_FFFF
        guard code != 0 else { return nil }
        return Int32(truncatingIfNeeded: Int64(code) &- Self.dayOffset)
    }

    /// Cells hash their two words, and nothing else.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(packed)
        hasher.combine(word)
    }
}
