public import CommunityModel
import Foundation

/// A period relative to today, as report filters name them: `today`, `this quarter`,
/// `last 30 days`, or Salesforce's literals (`THIS_QUARTER`, `LAST_N_DAYS:30`). Resolved against
/// the engine's clock when a report runs, in UTC; weeks start on Monday (ISO 8601).
public enum RelativeDate: Hashable, Sendable {
    /// A period of whole calendar units.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        /// A calendar day.
        case day
        /// An ISO week.
        case week
        /// A calendar month.
        case month
        /// A calendar quarter.
        case quarter
        /// A calendar year.
        case year
    }

    /// The unit containing today shifted by `offset` units (`this month` is 0, `last month` −1).
    case period(Unit, offset: Int)
    /// The last `n` days up to and including today.
    case lastDays(Int)
    /// Today and the next `n` days.
    case nextDays(Int)

    /// The most days `last n days` and `next n days` accept.
    public static let maximumDays = 36_500

    /// Parses a relative date, ignoring case and treating `_` like a space; `nil` when the text
    /// is not one (or names more than ``maximumDays`` days).
    public init?(parsing text: String) {
        let words = text.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ":", with: " ")
            .split(separator: " ").map(String.init)
        switch words {
        case ["today"]: self = .period(.day, offset: 0)
        case ["yesterday"]: self = .period(.day, offset: -1)
        case ["tomorrow"]: self = .period(.day, offset: 1)
        default:
            if words.count == 2, let unit = Unit(rawValue: words[1]), unit != .day {
                switch words[0] {
                case "this": self = .period(unit, offset: 0)
                case "last": self = .period(unit, offset: -1)
                case "next": self = .period(unit, offset: 1)
                default: return nil
                }
                return
            }
            // "last 30 days", "LAST_N_DAYS:30"
            var rest = words
            guard rest.count >= 3, rest[0] == "last" || rest[0] == "next" else { return nil }
            let past = rest[0] == "last"
            rest.removeFirst()
            if rest.first == "n", rest.count == 3, rest[1] == "days" {
                rest = [rest[2], "days"]
            }
            guard rest.count == 2, rest[1] == "days" || rest[1] == "day", rest[0].count <= 6,
                  let n = Int(rest[0]), n >= 1, n <= Self.maximumDays
            else { return nil }
            self = past ? .lastDays(n) : .nextDays(n)
        }
    }

    /// The first and last day numbers (days since 1970-01-01) of the period, for `today`.
    public func range(today: Int) -> ClosedRange<Int> {
        switch self {
        case .lastDays(let n): return (today - n)...today
        case .nextDays(let n): return today...(today + n)
        case .period(.day, let offset): return (today + offset)...(today + offset)
        case .period(.week, let offset):
            let monday = today - DayNumber.weekday(today) + 7 * offset
            return monday...(monday + 6)
        case .period(let unit, let offset):
            let (y, m, _) = DayNumber.civil(today)
            let months = unit == .month ? 1 : unit == .quarter ? 3 : 12
            let startMonth = unit == .month ? m : unit == .quarter ? (m - 1) / 3 * 3 + 1 : 1
            var index = y * 12 + (startMonth - 1) + offset * months
            let first = DayNumber.from(year: index / 12, month: index % 12 + 1, day: 1)
            index += months
            let next = DayNumber.from(year: index / 12, month: index % 12 + 1, day: 1)
            return first...(next - 1)
        }
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar: the arithmetic date filters and
/// date buckets use (no `Calendar` on the hot path).
public enum DayNumber {
    /// The day number of a calendar day.
    public static func from(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day number of a ``CommunityModel/Day``.
    public static func of(_ day: Day) -> Int { from(year: day.year, month: day.month, day: day.day) }

    /// The year, month and day of a day number.
    public static func civil(_ number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Monday 0 … Sunday 6.
    public static func weekday(_ number: Int) -> Int {
        let w = (number + 3) % 7  // 1970-01-01 was a Thursday
        return w < 0 ? w + 7 : w
    }

    /// The UTC day number of a moment; `nil` for a moment too far out to place (NaN, infinite,
    /// beyond ±10¹² seconds).
    public static func of(seconds: Double) -> Int? {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        return Int(exactly: (seconds / 86_400).rounded(.down))
    }
}
