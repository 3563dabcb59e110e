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
        let records = reader.records(
            of: object, viewer: context.viewer, fields: [properties.groupBy, properties.measure, RecordPresenter.currencyField], limit: 10_000)
        let totals = Self.totals(of: records, groupBy: properties.groupBy, measure: properties.measure)
        let measureLabel = properties.measure == "count"
            ? presenter.objectLabel(object, plural: true) : presenter.label(of: properties.measure, object: object)
        let groupLabel = presenter.label(of: properties.groupBy, object: object)
        let title = properties.title.isEmpty ? "\(measureLabel) · \(groupLabel)" : properties.title
        guard !totals.isEmpty else { return Markup.section(title, [Markup.empty(context)]) }
        let bars = Self.ordered(totals, field: properties.groupBy, object: object, presenter: presenter)
        var isCurrency = false
        if properties.measure != "count", case .currency? = presenter.presentation.schemas.definition(of: properties.measure, object: object)?.type {
            isCurrency = true
        }
        if records.contains(where: { if case .currency? = $0.value(of: properties.measure) { true } else { false } }) { isCurrency = true }
        let chart = Chart(
            id: "dashboard-\(properties.object)-\(properties.groupBy)-\(properties.measure)",
            kind: properties.chart.flatMap(Chart.Kind.init(rawValue:)) ?? .bar, title: title,
            categories: bars.map { presenter.text(.picklist($0.key), field: properties.groupBy, object: object) },
            categoryLabel: groupLabel, series: [Chart.Series(name: measureLabel, values: bars.map(\.value))],
            format: isCurrency ? .currency(code: presenter.commonCurrency(of: records)) : .number)
        return Markup.section(title, [context.chartRenderer.render(chart)])
    }

    /// Groups in the picklist's declared order when the field is a picklist, else by label.
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
}
