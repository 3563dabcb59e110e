import CommunityModel
import CommunityEngagement

/// The management console's choices, read from a page's query: `from` and `to` (YYYY-MM-DD,
/// UTC) and `site` (a site id, or empty for all sites). Missing values default to the last 30
/// days and all sites; bad ones are reported in ``problem`` and replaced by the defaults.
struct KPIConsoleQuery: Sendable {
    /// The longest range the console shows, in days.
    static let maximumDays: Int32 = 366
    /// The default range, in days.
    static let defaultDays: Int32 = 30

    var days: ClosedRange<Int32>
    var site: String?
    var problem: UIStringKey?

    init(_ query: [String: String], today: Int32) {
        let fallback = (today - Self.defaultDays + 1)...today
        site = query["site"].flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        func parse(_ name: String) -> Int32?? {
            guard let raw = query[name], !raw.isEmpty else { return .some(nil) }
            guard let day = try? Day(parsing: String(raw.prefix(10))), raw.count == 10 else { return nil }
            return .some(KPIDay.number(of: day))
        }
        guard let from = parse("from"), let to = parse("to") else {
            days = fallback
            problem = "kpi.range.invalid"
            return
        }
        let end = to ?? today
        let start = from ?? (end - Self.defaultDays + 1)
        guard start <= end else {
            days = fallback
            problem = "kpi.range.reversed"
            return
        }
        guard Int64(end) - Int64(start) < Int64(Self.maximumDays) else {
            days = (end - Self.maximumDays + 1)...end
            problem = "kpi.range.tooLong"
            return
        }
        days = start...end
        problem = nil
    }
}
