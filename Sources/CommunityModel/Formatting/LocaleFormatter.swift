public import Foundation

/// Formats amounts, numbers, dates, times and relative times for one locale through
/// Foundation's format styles: `120000` in US dollars reads `$120,000.00` in `en_US`,
/// `120.000,00 $` in `de_DE` and `US$120,000.00` in `ko_KR`.
///
/// Stored values are not trusted: NaN and infinite values format as `—`, a malformed
/// currency code falls back to the default one, and nothing traps.
public struct LocaleFormatter: Sendable, Hashable {
    /// The locale identifier (`de_DE`).
    public let locale: String
    /// The ISO 4217 code used when a value names none (the org's currency, `USD`).
    public let currencyCode: String
    /// The time zone dates and times are shown in.
    public let timeZone: TimeZone

    private var foundationLocale: Locale { Locale(identifier: locale) }

    /// What a value that cannot be shown (NaN, infinite) reads as.
    public static let unknown = "—"

    /// A formatter; a malformed `currencyCode` becomes `USD`, an unknown `timeZone` UTC.
    public init(locale: String, currencyCode: String = "USD", timeZone: String? = nil) {
        self.locale = locale
        self.currencyCode = Self.isCurrencyCode(currencyCode) ? currencyCode.uppercased() : "USD"
        self.timeZone = timeZone.flatMap { TimeZone(identifier: $0) } ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// Whether `code` looks like an ISO 4217 code: three ASCII letters.
    public static func isCurrencyCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (65...90).contains($0) || (97...122).contains($0) }
    }

    /// An amount in `code` (a record's `CurrencyIsoCode`), else in ``currencyCode``.
    public func currency(_ amount: Decimal, code: String? = nil) -> String {
        guard amount.isFinite else { return Self.unknown }
        let code = code.flatMap { Self.isCurrencyCode($0) ? $0.uppercased() : nil } ?? currencyCode
        return amount.formatted(.currency(code: code).locale(foundationLocale))
    }

    /// An amount in `code`, else in ``currencyCode``, in short form for chart axes (`$120K`).
    public func compactCurrency(_ amount: Double, code: String? = nil) -> String {
        guard amount.isFinite else { return Self.unknown }
        let code = code.flatMap { Self.isCurrencyCode($0) ? $0.uppercased() : nil } ?? currencyCode
        return amount.formatted(.currency(code: code).locale(foundationLocale).notation(.compactName).precision(.significantDigits(1...3)))
    }

    /// A number with the locale's grouping and decimal separators, at most `maximumFractionDigits` decimals.
    public func number(_ value: Double, maximumFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return Self.unknown }
        let digits = min(max(maximumFractionDigits, 0), 6)
        return value.formatted(.number.locale(foundationLocale).precision(.fractionLength(0...digits)))
    }

    /// A number in short form for chart axes (`12K`, `1.2M`, `12만`).
    public func compactNumber(_ value: Double) -> String {
        guard value.isFinite else { return Self.unknown }
        return value.formatted(.number.locale(foundationLocale).notation(.compactName).precision(.significantDigits(1...3)))
    }

    /// A fraction as a percentage (`0.31` → `31%`, `31 %`).
    public func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return Self.unknown }
        return fraction.formatted(.percent.locale(foundationLocale).precision(.fractionLength(0...1)))
    }

    /// A calendar day (`Dec 15, 2026`, `15. Dez. 2026`, `2026년 12월 15일`); days carry no time zone.
    public func date(_ day: Day) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(secondsFromGMT: 0) ?? timeZone
        calendar.timeZone = utc
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else { return day.description }
        return date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: foundationLocale, calendar: calendar, timeZone: utc))
    }

    /// A moment's date in ``timeZone``.
    public func date(_ moment: Date) -> String {
        guard moment.timeIntervalSinceReferenceDate.isFinite else { return Self.unknown }
        return moment.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: foundationLocale, timeZone: timeZone))
    }

    /// A moment's date and time in ``timeZone``.
    public func dateTime(_ moment: Date) -> String {
        guard moment.timeIntervalSinceReferenceDate.isFinite else { return Self.unknown }
        return moment.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, locale: foundationLocale, timeZone: timeZone))
    }

    /// A moment's time of day in ``timeZone`` (`3:06 PM`, `15:06`, `오후 3:06`).
    public func time(_ moment: Date) -> String {
        guard moment.timeIntervalSinceReferenceDate.isFinite else { return Self.unknown }
        return moment.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: foundationLocale, timeZone: timeZone))
    }

    /// A moment relative to `now` (`2 days ago`, `vor 2 Tagen`, `2일 전`, `in 3 hours`).
    public func relative(_ moment: Date, to now: Date) -> String {
        guard moment.timeIntervalSinceReferenceDate.isFinite, now.timeIntervalSinceReferenceDate.isFinite else { return Self.unknown }
        // The anchored style formats its anchor relative to the date it is given.
        var style = Date.AnchoredRelativeFormatStyle(anchor: moment, presentation: .named, unitsStyle: .wide)
        style.locale = foundationLocale
        return style.format(now)
    }
}
