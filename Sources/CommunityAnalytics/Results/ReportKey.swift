public import CommunityModel
import Foundation

/// The value a group stands for: a field value, a date period, or no value.
public enum ReportKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Records whose field is empty (ordered last).
    case empty
    /// Records whose field has this value.
    case value(FieldValue)
    /// Records whose date falls in the period starting on this day number (``DayNumber``).
    case period(DateBucket, start: Int)

    /// Orders periods by start, values by ``FieldValue/ordered(_:_:)``, empty keys last.
    public static func < (lhs: ReportKey, rhs: ReportKey) -> Bool {
        switch (lhs, rhs) {
        case (.empty, _): false
        case (_, .empty): true
        case (.period(_, let a), .period(_, let b)): a < b
        case (.period, .value): true
        case (.value, .period): false
        case (.value(let a), .value(let b)): FieldValue.ordered(a, b)
        }
    }

    /// The key as plain text: the value, `2026-Q4`, `2026-12`, `2026-W50`, or empty.
    public var description: String {
        switch self {
        case .empty: return ""
        case .value(let v): return v.description
        case .period(let bucket, let start):
            let (y, m, d) = DayNumber.civil(start)
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            switch bucket {
            case .day: return "\(y)-\(pad(m))-\(pad(d))"
            case .week:
                // The ISO week-numbering year is the year of the week's Thursday.
                let thursday = start + 3
                let (wy, _, _) = DayNumber.civil(thursday)
                let week = (thursday - DayNumber.from(year: wy, month: 1, day: 1)) / 7 + 1
                return "\(wy)-W\(pad(week))"
            case .month: return "\(y)-\(pad(m))"
            case .quarter: return "\(y)-Q\((m - 1) / 3 + 1)"
            case .year: return "\(y)"
            }
        }
    }

    /// The key of a value grouped by `bucket` (exact values when `nil`; a date-time without a
    /// bucket groups by its moment).
    static func of(_ value: FieldValue?, bucket: DateBucket?) -> ReportKey {
        guard let value else { return .empty }
        guard let bucket else { return .value(value) }
        let day: Int
        switch value {
        case .date(let d): day = DayNumber.of(d)
        case .dateTime(let t):
            guard let n = DayNumber.of(seconds: t.timeIntervalSince1970) else { return .empty }
            day = n
        default: return .value(value)
        }
        return .period(bucket, start: start(of: day, bucket))
    }

    /// The first day of the period containing `day`.
    static func start(of day: Int, _ bucket: DateBucket) -> Int {
        switch bucket {
        case .day: return day
        case .week: return day - DayNumber.weekday(day)
        case .month, .quarter, .year:
            let (y, m, _) = DayNumber.civil(day)
            let month = bucket == .month ? m : bucket == .quarter ? (m - 1) / 3 * 3 + 1 : 1
            return DayNumber.from(year: y, month: month, day: 1)
        }
    }
}
