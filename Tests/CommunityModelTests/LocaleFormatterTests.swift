import CommunityModel
import Foundation
import Testing

/// Amounts, numbers, dates, times and relative times in English, German and Korean.
@Suite struct LocaleFormatterTests {
    @Test(arguments: [("en_US", "$120,000.00"), ("de_DE", "120.000,00\u{A0}$"), ("ko_KR", "US$120,000.00")])
    func dollarsReadAsTheLocaleWrites(locale: String, expected: String) {
        #expect(LocaleFormatter(locale: locale).currency(120_000) == expected)
    }

    @Test func theRecordsCurrencyWinsOverTheOrgDefault() {
        let german = LocaleFormatter(locale: "de_DE", currencyCode: "USD")
        #expect(german.currency(18_500, code: "EUR") == "18.500,00\u{A0}€")
        #expect(german.currency(-5, code: "eur") == "-5,00\u{A0}€")
        #expect(LocaleFormatter(locale: "en_US", currencyCode: "EUR").currency(1) == "€1.00")
        // A malformed code is ignored rather than shown.
        #expect(LocaleFormatter(locale: "en_US").currency(1, code: "US$") == "$1.00")
        #expect(LocaleFormatter(locale: "en_US", currencyCode: "<b>").currencyCode == "USD")
    }

    @Test func valuesThatCannotBeShownReadAsADash() {
        let f = LocaleFormatter(locale: "en_US")
        #expect(f.currency(.nan) == "—")
        #expect(f.number(.nan) == "—" && f.number(.infinity) == "—" && f.compactNumber(-.infinity) == "—")
        #expect(f.percent(.nan) == "—" && f.compactCurrency(.nan) == "—")
        #expect(f.dateTime(Date(timeIntervalSinceReferenceDate: .nan)) == "—")
        #expect(f.relative(Date(timeIntervalSinceReferenceDate: .infinity), to: Date()) == "—")
        #expect(!f.number(1e300).isEmpty && !f.currency(Decimal(string: "1e15") ?? 0).isEmpty)
    }

    @Test(arguments: [("en_US", "1,234,567.89"), ("de_DE", "1.234.567,89"), ("ko_KR", "1,234,567.89")])
    func numbersUseTheLocalesSeparators(locale: String, expected: String) {
        #expect(LocaleFormatter(locale: locale).number(1_234_567.891) == expected)
    }

    @Test(arguments: [("en_US", "Dec 15, 2026"), ("de_DE", "15. Dez. 2026"), ("ko_KR", "2026년 12월 15일")])
    func daysReadInTheLocale(locale: String, expected: String) throws {
        #expect(LocaleFormatter(locale: locale).date(try Day(year: 2026, month: 12, day: 15)) == expected)
    }

    @Test func timesAreShownInTheViewersTimeZone() {
        let moment = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 11:06:40 UTC
        #expect(LocaleFormatter(locale: "en_US").time(moment) == "11:06\u{202F}AM")
        #expect(LocaleFormatter(locale: "de_DE", timeZone: "Europe/Berlin").time(moment) == "12:06")
        #expect(LocaleFormatter(locale: "ko_KR", timeZone: "Asia/Seoul").time(moment) == "오후 8:06")
        #expect(LocaleFormatter(locale: "de_DE", timeZone: "Nowhere/Atlantis").timeZone.secondsFromGMT() == 0)
    }

    @Test(arguments: [("en_US", "3 hours ago"), ("de_DE", "vor 3 Stunden"), ("ko_KR", "3시간 전")])
    func relativeTimesReadInTheLocale(locale: String, expected: String) {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(LocaleFormatter(locale: locale).relative(now.addingTimeInterval(-3 * 3600), to: now) == expected)
    }

    @Test func futureMomentsReadAsFuture() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(LocaleFormatter(locale: "en_US").relative(now.addingTimeInterval(5 * 3600), to: now) == "in 5 hours")
    }
}
