import CommunityEngagement
import CommunityModel
import CommunityTesting
import Foundation
import Testing

@Suite("Business hours")
struct ServiceBusinessHoursTests {
    /// The plain reference: step through quarter hours (every interval and DST change in these
    /// tests falls on a quarter hour) and check each against the weekly table directly.
    static func referenceSeconds(_ hours: BusinessHours, from start: Date, to end: Date) -> TimeInterval {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: hours.timeZone)!
        var t = start
        var total: TimeInterval = 0
        while t < end {
            let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: t)
            let minute = c.hour! * 60 + c.minute!
            let holiday = hours.holidays.contains(try! Day(year: c.year!, month: c.month!, day: c.day!))
            if !holiday, (hours.weekly[c.weekday!] ?? []).contains(where: { $0.start <= minute && minute < $0.end }) {
                total += min(900, end.timeIntervalSince(t))
            }
            t += 900
        }
        return total
    }

    static let monday = Date(timeIntervalSince1970: 1_767_571_200)  // 2026-01-05 00:00 UTC

    @Test func weekdayHoursInUTC() throws {
        let hours = BusinessHours.weekdays(from: 9, to: 17, timeZone: "UTC")
        let mon9 = Self.monday + 9 * 3600
        #expect(hours.businessSeconds(from: Self.monday, to: Self.monday + 86_400) == 8 * 3600)
        #expect(hours.businessSeconds(from: mon9 + 1800, to: mon9 + 3600) == 1800)
        // Friday 16:00 to Monday 10:00: one hour Friday, one hour Monday.
        let fri16 = Self.monday + 4 * 86_400 + 16 * 3600
        let nextMon10 = Self.monday + 7 * 86_400 + 10 * 3600
        #expect(hours.businessSeconds(from: fri16, to: nextMon10) == 2 * 3600)
        #expect(hours.deadline(adding: 2 * 3600, to: fri16) == nextMon10)
        #expect(hours.deadline(adding: 0, to: fri16) == fri16)
        #expect(hours.businessSeconds(from: nextMon10, to: fri16) == 0)
    }

    @Test func holidaysHaveNoHours() throws {
        let tuesday = try Day(year: 2026, month: 1, day: 6)
        let hours = BusinessHours.weekdays(from: 9, to: 17, timeZone: "UTC", holidays: [tuesday])
        #expect(hours.businessSeconds(from: Self.monday, to: Self.monday + 3 * 86_400) == 16 * 3600)
        #expect(!hours.isOpen(at: Self.monday + 86_400 + 10 * 3600))
        // 8 hours from Monday 17:00 skips the holiday and lands on Wednesday 17:00.
        #expect(hours.deadline(adding: 8 * 3600, to: Self.monday + 17 * 3600) == Self.monday + 2 * 86_400 + 17 * 3600)
    }

    @Test func localHoursFollowTheTimeZoneAcrossDaylightSaving() throws {
        // Berlin switches to summer time on 2026-03-29 (Sunday); Monday 9:00 is then 07:00 UTC.
        let hours = BusinessHours(
            timeZone: "Europe/Berlin", weekly: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [.hours(9, 17)]) }))
        let saturday = Date(timeIntervalSince1970: 1_774_742_400)  // 2026-03-29 00:00 UTC is Sunday; minus one day
            - 86_400
        #expect(hours.isOpen(at: saturday + 8 * 3600))  // 09:00 CET
        let mondayUTC = saturday + 2 * 86_400
        #expect(hours.isOpen(at: mondayUTC + 7 * 3600))  // 09:00 CEST
        #expect(!hours.isOpen(at: mondayUTC + 6 * 3600 + 59 * 60))
    }

    @Test(arguments: [
        ("UTC", 0), ("Europe/Berlin", 1), ("Asia/Seoul", 2), ("America/New_York", 3), ("Europe/Berlin", 4),
    ])
    func matchesQuarterHourReference(timeZone: String, seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let holidays: Set<Day> = [try Day(year: 2026, month: 3, day: 30), try Day(year: 2026, month: 4, day: 3)]
        let hours = BusinessHours(
            timeZone: timeZone,
            weekly: [
                2: [.hours(8, 12), .hours(13, 17)], 3: [.hours(9, 17)], 4: [Interval(start: 0, end: 1440)],
                5: [.hours(9, 17)], 6: [Interval(start: 510, end: 990)], 7: [.hours(10, 14)],
            ], holidays: holidays)
        try hours.validate()
        // Windows around the European and American DST changes of March 2026.
        let base = Date(timeIntervalSince1970: 1_773_100_800)  // 2026-03-10 00:00 UTC
        for _ in 0..<12 {
            let startMinute = Int(random.next() % UInt64(30 * 96)) * 15
            let length = Int(random.next() % UInt64(4 * 96)) * 15
            let start = base + TimeInterval(startMinute * 60)
            let end = start + TimeInterval(length * 60)
            let expected = Self.referenceSeconds(hours, from: start, to: end)
            #expect(hours.businessSeconds(from: start, to: end) == expected, "\(timeZone) \(start) +\(length)m")
            // The deadline is the inverse: the first moment at which that much business time has passed.
            if expected > 0, let deadline = hours.deadline(adding: expected, to: start) {
                #expect(hours.businessSeconds(from: start, to: deadline) == expected)
                #expect(deadline <= end)
            }
        }
    }

    typealias Interval = BusinessHours.Interval

    @Test func invalidHoursAreRejected() {
        #expect(throws: ValidationError.self) { try BusinessHours(timeZone: "Mars/Olympus", weekly: [:]).validate() }
        #expect(throws: ValidationError.self) {
            try BusinessHours(timeZone: "UTC", weekly: [8: [.hours(9, 17)]]).validate()
        }
        #expect(throws: ValidationError.self) {
            try BusinessHours(timeZone: "UTC", weekly: [2: [.hours(9, 17), .hours(16, 18)]]).validate()
        }
        #expect(throws: ValidationError.self) {
            try BusinessHours(timeZone: "UTC", weekly: [2: [Interval(start: 600, end: 1500)]]).validate()
        }
        #expect(BusinessHours(timeZone: "UTC", weekly: [:]).deadline(adding: 60, to: Self.monday) == nil)
    }
}
