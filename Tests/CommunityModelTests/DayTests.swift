import CommunityModel
import Foundation
import Testing

@Suite struct DayTests {
    @Test(arguments: ["2026-01-01", "2024-02-29", "2000-02-29", "0001-12-31", "9999-12-31", "2026-04-30"])
    func parsesRealDays(_ text: String) throws {
        #expect(try Day(parsing: text).description == text)
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01"])
    func rejectsDaysThatDoNotExist(_ text: String) {
        #expect(throws: ValidationError.self) { try Day(parsing: text) }
    }

    @Test(arguments: ["", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-01-01T00:00", "abcd-ef-gh", "2026--1-01", "+026-01-01"])
    func rejectsMalformedText(_ text: String) {
        #expect {
            try Day(parsing: text)
        } throws: { error in
            guard let error = error as? ValidationError, case .invalidValue = error.reason else { return false }
            return error.field == "date"
        }
    }

    @Test func validatesComponents() throws {
        #expect(throws: ValidationError(field: "date", reason: .invalidValue("2026-2-30 is not a day"))) {
            try Day(year: 2026, month: 2, day: 30)
        }
        #expect(throws: ValidationError.self) { try Day(year: 10_000, month: 1, day: 1) }
        let day = try Day(year: 2026, month: 7, day: 5)
        #expect(day.description == "2026-07-05")
        #expect((day.year, day.month, day.day) == (2026, 7, 5))
    }

    @Test func comparesChronologically() throws {
        let days = try ["2026-01-02", "2025-12-31", "2026-01-01", "2025-01-31"].map { try Day(parsing: $0) }
        #expect(days.sorted().map(\.description) == ["2025-01-31", "2025-12-31", "2026-01-01", "2026-01-02"])
    }

    @Test func takesTheUTCDayOfAMoment() {
        #expect(Day(Date(timeIntervalSince1970: 1_767_225_599)).description == "2025-12-31")
        #expect(Day(Date(timeIntervalSince1970: 1_767_225_600)).description == "2026-01-01")
    }

    @Test func codesAsText() throws {
        let day = try Day(parsing: "2026-03-09")
        #expect(String(decoding: try JSONEncoder().encode([day]), as: UTF8.self) == #"["2026-03-09"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: Data(#"["2026-03-09"]"#.utf8)) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }
}
