import Foundation
import CommunityModel
import CommunityAccess

/// `community.dashboard`: a bar chart, as inline SVG with a text table for screen readers,
/// of the records the viewer may read, grouped by a field (count, or sum of a number field).
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
    }

    public static let type: ComponentType = "community.dashboard"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "", summary: "Heading"),
        .init("object", .string, required: true, summary: "Object API name"),
        .init("groupBy", .string, required: true, summary: "Field to group by"),
        .init("measure", .string, default: "count", summary: "count or a field to sum"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let records = reader.records(
            of: EntityType(properties.object), viewer: context.viewer, fields: [properties.groupBy, properties.measure], limit: 10_000)
        var totals: [String: Double] = [:]
        for record in records {
            guard !record.hiddenFields.contains(properties.groupBy) else { continue }
            let key = record.value(of: properties.groupBy)?.description ?? "—"
            if properties.measure == "count" {
                totals[key, default: 0] += 1
            } else {
                switch record.value(of: properties.measure) {
                case .number(let n)?: totals[key, default: 0] += n
                case .currency(let d)?: totals[key, default: 0] += NSDecimalNumber(decimal: d).doubleValue
                default: totals[key, default: 0] += 0
                }
            }
        }
        let title = properties.title.isEmpty ? "\(properties.object) by \(properties.groupBy)" : properties.title
        guard !totals.isEmpty else { return Markup.section(title, [Markup.empty(context)]) }
        let bars = totals.sorted { $0.key < $1.key }
        return Markup.section(title, [Self.chart(title: title, bars: bars), Self.table(bars)])
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value)
    }

    static func chart(title: String, bars: [(key: String, value: Double)]) -> HTMLNode {
        let width = 400, barHeight = 24, gap = 8, labelWidth = 140
        let height = bars.count * (barHeight + gap) + gap
        let maximum = max(bars.map(\.value).max() ?? 1, 1)
        var shapes: [HTMLNode] = [.el("title", text: title)]
        for (i, bar) in bars.enumerated() {
            let y = gap + i * (barHeight + gap)
            let w = Int((bar.value / maximum) * Double(width - labelWidth - 60))
            shapes.append(.el("text", [HTMLAttribute("x", "0"), HTMLAttribute("y", "\(y + 17)")], text: String(bar.key.prefix(20))))
            shapes.append(.el("rect", [HTMLAttribute("x", "\(labelWidth)"), HTMLAttribute("y", "\(y)"), HTMLAttribute("width", "\(max(w, 1))"),
                                       HTMLAttribute("height", "\(barHeight)"), HTMLAttribute("fill", "currentColor")]))
            shapes.append(.el("text", [HTMLAttribute("x", "\(labelWidth + max(w, 1) + 4)"), HTMLAttribute("y", "\(y + 17)")], text: format(bar.value)))
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
