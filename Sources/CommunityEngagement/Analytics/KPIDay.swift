public import CommunityModel
public import Foundation

/// UTC day numbers (days since 1970-01-01), the aggregates' time unit.
public enum KPIDay {
    /// The day of a moment; moments outside ±5,000,000 days clamp to the edge.
    public static func number(of date: Date) -> Int32 {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        guard days.isFinite else { return 0 }
        return Int32(max(-5_000_000, min(5_000_000, days)))
    }

    /// The first moment of a day number.
    public static func start(of day: Int32) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }

    /// Whole seconds between two moments, never negative, clamped to about 68 years.
    static func seconds(from start: Date, to end: Date) -> Int64 {
        let seconds = end.timeIntervalSince(start).rounded(.down)
        guard seconds.isFinite else { return 0 }
        return Int64(max(0, min(2_147_483_647, seconds)))
    }

    /// Cents of a currency amount, rounded, clamped to ±10^15.
    static func cents(_ amount: Decimal) -> Int64 {
        let scaled = NSDecimalNumber(decimal: amount * 100).doubleValue.rounded()
        guard scaled.isFinite else { return 0 }
        return Int64(max(-1e15, min(1e15, scaled)))
    }
}

extension KPIDay {
    /// The day number of a calendar day (proleptic Gregorian, UTC).
    public static func number(of day: Day) -> Int32 {
        // Days from civil (H. Hinnant's algorithm), with the era split for negative years.
        let y = Int64(day.month <= 2 ? day.year - 1 : day.year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(day.month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day.day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Int32(max(-5_000_000, min(5_000_000, days)))
    }

    /// The calendar day of a day number.
    public static func day(_ number: Int32) -> Day { Day(start(of: number)) }
}
