public import CommunityModel
public import Foundation

/// When support works: weekly opening hours in a time zone, minus holidays. Milestones and
/// age-based escalations count only these hours.
public struct BusinessHours: Hashable, Sendable, Codable {
    /// Opening hours within one day, in minutes after local midnight: `start..<end`.
    public struct Interval: Hashable, Sendable, Codable {
        /// Minutes after midnight the interval opens, 0 to 1439.
        public var start: Int
        /// Minutes after midnight the interval closes, `start + 1` to 1440.
        public var end: Int

        /// An interval from `start` to `end` minutes after midnight.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        /// An interval in whole hours, such as `hours(9, 17)`.
        public static func hours(_ from: Int, _ to: Int) -> Interval { Interval(start: from * 60, end: to * 60) }
    }

    /// IANA time zone of the hours, such as `Europe/Berlin`.
    public var timeZone: String
    /// Opening intervals per weekday, keyed 1 (Sunday) to 7 (Saturday) as `Calendar` numbers them.
    public var weekly: [Int: [Interval]]
    /// Local days with no hours at all.
    public var holidays: Set<Day>

    /// Creates business hours.
    public init(timeZone: String, weekly: [Int: [Interval]], holidays: Set<Day> = []) {
        self.timeZone = timeZone
        self.weekly = weekly
        self.holidays = holidays
    }

    /// Round the clock, every day, in UTC.
    public static let always = BusinessHours(
        timeZone: "UTC", weekly: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [Interval(start: 0, end: 1440)]) }))

    /// Monday to Friday, `from` to `to` o'clock, in a time zone.
    public static func weekdays(
        from: Int = 9, to: Int = 17, timeZone: String, holidays: Set<Day> = []
    ) -> BusinessHours {
        BusinessHours(
            timeZone: timeZone, weekly: Dictionary(uniqueKeysWithValues: (2...6).map { ($0, [.hours(from, to)]) }),
            holidays: holidays)
    }

    /// Checks the time zone, weekday keys and intervals (in range, ordered, not overlapping).
    public func validate() throws(ValidationError) {
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError(field: "BusinessHours.timeZone", reason: .invalidValue("unknown time zone \(timeZone)"))
        }
        for (weekday, intervals) in weekly {
            guard (1...7).contains(weekday) else {
                throw ValidationError(field: "BusinessHours.weekly", reason: .outOfRange("weekday \(weekday) not in 1...7"))
            }
            var lastEnd = 0
            for interval in intervals.sorted(by: { $0.start < $1.start }) {
                guard interval.start >= lastEnd, interval.start < interval.end, interval.end <= 1440 else {
                    throw ValidationError(
                        field: "BusinessHours.weekly[\(weekday)]",
                        reason: .invalidValue("interval \(interval.start)..<\(interval.end) overlaps or is out of 0...1440"))
                }
                lastEnd = interval.end
            }
        }
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!  // trap-safe: "UTC" is a literal every time zone database has
        return calendar
    }

    /// The longest span the calculations walk, in days (ten years).
    static let horizonDays = 3_660

    /// Whether support is open at `date`.
    public func isOpen(at date: Date) -> Bool {
        let calendar = calendar
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday else {
            return false
        }
        if let local = try? Day(year: year, month: month, day: day), holidays.contains(local) { return false }
        let dayStart = calendar.startOfDay(for: date)
        for (start, end) in periods(on: dayStart, weekday: weekday, calendar: calendar) where start <= date && date < end {
            return true
        }
        return false
    }

    /// The open periods of the local day starting at `dayStart`, as absolute moments.
    private func periods(on dayStart: Date, weekday: Int, calendar: Calendar) -> [(Date, Date)] {
        guard let intervals = weekly[weekday], !intervals.isEmpty else { return [] }
        let parts = calendar.dateComponents([.year, .month, .day], from: dayStart)
        if let y = parts.year, let m = parts.month, let d = parts.day, let local = try? Day(year: y, month: m, day: d),
            holidays.contains(local)
        {
            return []
        }
        let nextDay = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart.addingTimeInterval(86_400)
        func moment(_ minutes: Int) -> Date {
            if minutes >= 1440 { return nextDay }
            return calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: dayStart)
                ?? dayStart.addingTimeInterval(TimeInterval(minutes * 60))
        }
        return intervals.sorted { $0.start < $1.start }.map { (moment($0.start), moment($0.end)) }
            .filter { $0.0 < $0.1 }
    }

    /// Calls `body` with each open period from the local day containing `start` onwards,
    /// until it returns `false` or the horizon is reached.
    private func walk(from start: Date, _ body: (Date, Date) -> Bool) {
        let calendar = calendar
        var dayStart = calendar.startOfDay(for: start)
        for _ in 0..<Self.horizonDays {
            let weekday = calendar.component(.weekday, from: dayStart)
            for (open, close) in periods(on: dayStart, weekday: weekday, calendar: calendar) {
                if !body(open, close) { return }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: dayStart) else { return }
            dayStart = next
        }
    }

    /// Business seconds between two moments (zero when `end` is not after `start`).
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        walk(from: start) { open, close in
            if open >= end { return false }
            let overlap = min(close, end).timeIntervalSince(max(open, start))
            if overlap > 0 { total += overlap }
            return true
        }
        return total
    }

    /// The moment `seconds` business seconds after `start`; `nil` if the hours never open
    /// within the horizon.
    public func deadline(adding seconds: TimeInterval, to start: Date) -> Date? {
        if seconds <= 0 { return start }
        var remaining = seconds
        var result: Date?
        walk(from: start) { open, close in
            let from = max(open, start)
            let length = close.timeIntervalSince(from)
            guard length > 0 else { return true }
            if remaining <= length {
                result = from.addingTimeInterval(remaining)
                return false
            }
            remaining -= length
            return true
        }
        return result
    }
}
