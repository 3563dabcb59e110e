import Foundation
import CommunityModel
import CommunityAccess

/// `community.dealPipeline`: the opportunities the viewer may read, by stage, with counts and amounts.
public struct DealPipelineComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// Stages in order; stages not listed follow alphabetically.
        public var stages: [String]
    }

    public static let type: ComponentType = "community.dealPipeline"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Deal pipeline", length: 0...200, summary: "Heading"),
        .init("stages", .array, default: ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
              length: 0...50, summary: "Stage order"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let presenter = context.presenter
        let deals = reader.records(of: "Opportunity", viewer: context.viewer, fields: ["Name", "StageName", "Amount", RecordPresenter.currencyField], limit: 1000)
        guard !deals.isEmpty else { return Markup.section(properties.title, [Markup.empty(context)]) }
        var byStage: [String: [RecordRow]] = [:]
        for deal in deals { byStage[deal.value(of: "StageName")?.description ?? "—", default: []].append(deal) }
        let order = properties.stages.filter { byStage[$0] != nil } + byStage.keys.filter { !properties.stages.contains($0) }.sorted()
        let amountsHidden = deals.contains { $0.hiddenFields.contains("Amount") }
        let currency = presenter.commonCurrency(of: deals)
        var totals: [Decimal?] = []
        let columns: [HTMLNode] = order.map { stage in
            let items = byStage[stage] ?? []
            let total = Self.total(items.compactMap { item in
                if case .currency(let d)? = item.value(of: "Amount") { d } else { nil }
            })
            totals.append(total)
            let label = presenter.text(.picklist(stage), field: "StageName", object: "Opportunity")
            var heading: [HTMLNode] = [.el("span", [.class("ck-stage-name")], text: label), .el("span", [.class("ck-count")], text: "(\(items.count))")]
            if !amountsHidden {
                heading.append(.el("span", [.class("ck-amount")], text: total.map { presenter.formatter.currency($0, code: currency) } ?? LocaleFormatter.unknown))
            }
            return .el("section", [.class("ck-stage"), HTMLAttribute("aria-label", label)], [
                .el("h3", [], heading),
                Markup.list(items.map { deal in
                    Markup.link(deal.value(of: "Name")?.description ?? presenter.objectLabel("Opportunity"),
                                context.url(objectType: "Opportunity", id: deal.id))
                }),
            ])
        }
        var children: [HTMLNode] = []
        if !amountsHidden {
            let amount = presenter.label(of: "Amount", object: "Opportunity")
            let stageLabel = presenter.label(of: "StageName", object: "Opportunity")
            children.append(context.chartRenderer.render(Chart(
                id: "pipeline", kind: .bar, title: "\(properties.title): \(amount)",
                categories: order.map { presenter.text(.picklist($0), field: "StageName", object: "Opportunity") }, categoryLabel: stageLabel,
                series: [Chart.Series(name: amount, values: totals.map { $0.map { NSDecimalNumber(decimal: $0).doubleValue } ?? .nan })],
                format: .currency(code: currency))))
        }
        children.append(.el("div", [.class("ck-pipeline")], columns))
        return Markup.section(properties.title, children)
    }

    /// The sum of a stage's amounts, or `nil` when it cannot be shown: stored amounts are not
    /// trusted, so a NaN amount is skipped and a sum that overflows `Decimal` (which yields NaN)
    /// shows as unknown rather than as a wrong number.
    static func total(_ amounts: [Decimal]) -> Decimal? {
        var total = Decimal(0)
        for amount in amounts where !amount.isNaN {
            var sum = Decimal()
            var left = total, right = amount
            let outcome = NSDecimalAdd(&sum, &left, &right, .plain)
            guard outcome == .noError || outcome == .lossOfPrecision, !sum.isNaN else { return nil }
            total = sum
        }
        return total
    }
}
