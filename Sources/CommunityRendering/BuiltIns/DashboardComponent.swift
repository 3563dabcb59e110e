import Foundation
import CommunityModel
import CommunityAccess

/// `community.dashboard`: a chart (bar, stacked bar, line, donut or single metric) of the
/// records the viewer may read, grouped by a field (count, or sum of a number or currency field),
/// drawn by ``ChartRenderer`` with labels, picklist labels and amounts in the viewer's locale and
/// the data as a table beside it.
public struct DashboardComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// The object.
        public var object: String
        /// The field to group by.
        public var groupBy: String
        /// `count`, or a number or currency field to sum.
        public var measure: String
        /// The chart kind (`bar`, `stackedBar`, `line`, `donut`, `metric`); `bar` when absent.
        public var chart: String?
    }

    public static let type: ComponentType = "community.dashboard"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
        .init("object", .string, required: true, length: 1...80, pattern: .apiName, summary: "Object API name"),
        .init("groupBy", .string, required: true, length: 1...80, pattern: .apiName, summary: "Field to group by"),
        .init("measure", .string, default: "count", length: 1...80, pattern: .apiName, summary: "count or a field to sum"),
        .init("chart", .string, default: "bar", allowed: Chart.Kind.allCases.map { JSONValue.string($0.rawValue) }, summary: "Chart kind"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let object = EntityType(properties.object)
        let presenter = context.presenter
        let counting = properties.measure == "count"
        let measureLabel = counting ? presenter.objectLabel(object, plural: true) : presenter.label(of: properties.measure, object: object)
        let groupLabel = presenter.label(of: properties.groupBy, object: object)
        let title = properties.title.isEmpty ? "\(measureLabel) · \(groupLabel)" : context.localized(properties.title)
        let result: RecordReader.Summary
        do {
            result = try reader.summary(of: object, viewer: context.viewer, groupBy: properties.groupBy, measure: counting ? nil : properties.measure)
        } catch {
            return Markup.section(title, [Markup.unavailable(context)])
        }
        guard counting || !result.measureHidden else { return Markup.section(title, [Markup.unavailable(context)]) }
        let totals = Self.totals(of: result.summary, counting: counting)
        guard !totals.isEmpty else { return Markup.section(title, [Markup.empty(context)]) }
        let bars = Self.ordered(totals, field: properties.groupBy, object: object, presenter: presenter)
        var currency: String?
        var isCurrency = false
        if !counting, case .currency? = presenter.presentation.schemas.definition(of: properties.measure, object: object)?.type {
            isCurrency = true
            if let codes = try? reader.summary(of: object, viewer: context.viewer, groupBy: RecordPresenter.currencyField),
               codes.summary.groups.count == 1, case .text(let code)? = codes.summary.groups.first?.key, LocaleFormatter.isCurrencyCode(code) {
                currency = code
            }
        }
        let chart = Chart(
            id: "dashboard-\(properties.object)-\(properties.groupBy)-\(properties.measure)",
            kind: properties.chart.flatMap(Chart.Kind.init(rawValue:)) ?? .bar, title: title,
            categories: bars.map { $0.key == "—" ? "—" : presenter.text(.picklist($0.key), field: properties.groupBy, object: object) },
            categoryLabel: groupLabel, series: [Chart.Series(name: measureLabel, values: bars.map(\.value))],
            format: isCurrency ? .currency(code: currency) : .number)
        return Markup.section(title, [context.chartRenderer.render(chart)])
    }

    /// Groups in the picklist's declared order when the field is a picklist, else by key.
    static func ordered(_ totals: [String: Double], field: String, object: EntityType, presenter: RecordPresenter) -> [(key: String, value: Double)] {
        let declared = presenter.picklistOptions(field, object: object).map(\.value)
        return totals.sorted { a, b in
            let i = declared.firstIndex(of: a.key) ?? Int.max, j = declared.firstIndex(of: b.key) ?? Int.max
            return i != j ? i < j : a.key < b.key
        }
    }

    /// The bar values by group: a count, or the sum of a number or currency field. Stored values
    /// are not trusted: NaN and infinite amounts are skipped, and a sum that overflows saturates at
    /// ±`Double.greatestFiniteMagnitude`, so every total is finite.
    static func totals(of records: [RecordRow], groupBy: String, measure: String) -> [String: Double] {
        var totals: [String: Double] = [:]
        for record in records {
            guard !record.hiddenFields.contains(groupBy) else { continue }
            let key = record.value(of: groupBy)?.description ?? "—"
            let amount: Double
            if measure == "count" {
                amount = 1
            } else {
                switch record.value(of: measure) {
                case .number(let n)?: amount = n
                case .currency(let d)?: amount = d.isNaN ? 0 : NSDecimalNumber(decimal: d).doubleValue
                default: amount = 0
                }
            }
            let sum = totals[key, default: 0] + (amount.isFinite ? amount : 0)
            totals[key] = sum.isFinite ? sum : (sum < 0 ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude)
        }
        return totals
    }

    /// The bar values by group from an aggregate: the count, or the sum (saturating at
    /// ±`Double.greatestFiniteMagnitude`; a sum that cannot be shown counts as 0).
    static func totals(of summary: RecordSummary, counting: Bool) -> [String: Double] {
        var totals: [String: Double] = [:]
        for group in summary.groups {
            let key = group.key?.description ?? "—"
            let value = counting ? Double(group.count) : group.sum.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0
            let sum = totals[key, default: 0] + (value.isFinite ? value : 0)
            totals[key] = sum.isFinite ? sum : (sum < 0 ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude)
        }
        return totals
    }

    /// A value as text: whole numbers without decimals, others with two; never traps.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), let whole = Int64(exactly: value) { return String(whole) }
        return String(format: "%.2f", value)
    }

    /// The width in points of a bar of `value` when the longest bar is `maximum` points wide for
    /// `scale`: always within `1...maximumWidth`, whatever the values (NaN, infinite, negative, huge).
    static func barWidth(_ value: Double, scale: Double, maximumWidth: Int) -> Int {
        guard maximumWidth > 1 else { return 1 }
        guard value.isFinite, scale.isFinite, scale > 0 else { return 1 }
        let fraction = value / scale
        guard fraction.isFinite else { return value > 0 ? maximumWidth : 1 }
        let points = (fraction * Double(maximumWidth)).rounded(.down)
        guard points >= 1 else { return 1 }
        guard points < Double(maximumWidth) else { return maximumWidth }
        return Int(exactly: points) ?? maximumWidth
    }

    static func chart(title: String, bars: [(key: String, value: Double)]) -> HTMLNode {
        let width = 400, barHeight = 24, gap = 8, labelWidth = 140
        let height = bars.count * (barHeight + gap) + gap
        let scale = max(bars.map(\.value).filter(\.isFinite).max() ?? 1, 1)
        var shapes: [HTMLNode] = [.el("title", text: title)]
        for (i, bar) in bars.enumerated() {
            let y = gap + i * (barHeight + gap)
            let w = barWidth(bar.value, scale: scale, maximumWidth: width - labelWidth - 60)
            shapes.append(.el("text", [HTMLAttribute("x", "0"), HTMLAttribute("y", "\(y + 17)")], text: String(bar.key.prefix(20))))
            shapes.append(.el("rect", [HTMLAttribute("x", "\(labelWidth)"), HTMLAttribute("y", "\(y)"), HTMLAttribute("width", "\(w)"),
                                       HTMLAttribute("height", "\(barHeight)"), HTMLAttribute("fill", "currentColor")]))
            shapes.append(.el("text", [HTMLAttribute("x", "\(labelWidth + w + 4)"), HTMLAttribute("y", "\(y + 17)")], text: format(bar.value)))
        }
        return .el("svg", [HTMLAttribute("xmlns", "http://www.w3.org/2000/svg"), HTMLAttribute("viewbox", "0 0 \(width) \(height)"),
                           HTMLAttribute("role", "img"), HTMLAttribute("aria-label", title), .class("ck-chart")], shapes)
    }

    static func table(_ bars: [(key: String, value: Double)]) -> HTMLNode {
        .el("table", [.class("ck-chart-data")], [
            .el("tbody", [], bars.map { bar in .el("tr", [], [.el("th", [HTMLAttribute("scope", "row")], text: bar.key), .el("td", text: format(bar.value))]) }),
        ])
    }
}
