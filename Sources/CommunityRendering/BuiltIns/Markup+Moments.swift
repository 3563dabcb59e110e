import Foundation
import CommunityModel

/// Statuses and moments in the viewer's language.
extension Markup {
    /// A request's or claim's status (`submitted`, `approved`…) in the viewer's language; a
    /// status the tables do not know is shown as stored.
    static func status(_ raw: String, context: RenderContext) -> String {
        context.strings.textIfPresent(UIStringKey("status." + raw), locale: context.locale) ?? raw
    }

    /// When something happened, relative to now in the viewer's language ("3 hours ago",
    /// "vor 3 Stunden", "3시간 전"), as a `time` element whose `datetime` is the exact moment
    /// (ISO 8601, UTC) and whose `title` is the absolute date and time in the viewer's locale
    /// and time zone. Nothing for a missing or out-of-range moment.
    static func moment(_ date: Date?, context: RenderContext) -> HTMLNode {
        guard let date, let machine = machineReadable(date) else { return .empty }
        let formatter = LocaleFormatter(locale: context.locale, timeZone: context.viewer.user?.timeZone)
        return .el("time", [HTMLAttribute("datetime", machine), HTMLAttribute("title", formatter.dateTime(date))],
                   text: formatter.relative(date, to: context.clock.now()))
    }

    /// The moment as `2026-12-07T03:04:05Z`, or `nil` outside the years 1 to 9999 (stored data is not trusted).
    static func machineReadable(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds > -62_135_596_800, seconds < 253_402_300_800 else { return nil }
        return date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }
}
