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
        /// The page where leads are registered, linked from the empty state.
        public var leadsPage: String
        /// How many deals each stage lists under its count and amount (5 when absent).
        public var dealsPerStage: Int?
    }

    public static let type: ComponentType = "community.dealPipeline"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Deal pipeline", length: 0...200, summary: "Heading"),
        .init("stages", .array, default: ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
              length: 0...50, summary: "Stage order"),
        .init("leadsPage", .string, default: "leads", length: 1...64, pattern: .identifier, summary: "Id of the page where leads are registered"),
        .init("dealsPerStage", .integer, default: 5, range: 0...50, summary: "Deals listed per stage"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        // A guest can read no deals: the card would always be empty.
        guard !context.viewer.isGuest else { return Markup.nothing }
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title, default: "pipeline.title")
        // Counts and amounts come from an aggregate over every readable deal; only the first
        // few deals of each stage are listed.
        let result: RecordReader.Summary
        do {
            result = try reader.summary(of: "Opportunity", viewer: context.viewer, groupBy: "StageName", measure: "Amount")
        } catch {
            return Markup.section(title, [Markup.unavailable(context)])
        }
        guard result.summary.count > 0 else {
            let leads = context.site.pages.first { $0.id == properties.leadsPage }.flatMap { context.url(page: $0.id) }
            return Markup.section(title, [Markup.empty(context.text("empty.noDeals"), action: leads.map { (context.text("lead.title"), $0) })])
        }
        let presenter = context.presenter
        // The deals' currency: the one every readable deal names, else the org's (an aggregate too).
        var currency: String?
        if let codes = try? reader.summary(of: "Opportunity", viewer: context.viewer, groupBy: RecordPresenter.currencyField),
           codes.summary.groups.count == 1, case .text(let code)? = codes.summary.groups.first?.key, LocaleFormatter.isCurrencyCode(code) {
            currency = code
        }
        var byStage: [String: RecordSummary.Group] = [:]
        for group in result.summary.groups { byStage[group.key?.description ?? "—"] = group }
        let order = properties.stages.filter { byStage[$0] != nil } + byStage.keys.filter { !properties.stages.contains($0) }.sorted()
        let listed = Markup.clamp(properties.dealsPerStage ?? 5, to: 0...50)
        // The first deals of every stage, from one pass over the viewer's listing; a summary of
        // the current snapshot says how many each stage has, so the pass ends when none can grow.
        let keys = order.compactMap { byStage[$0]?.key }
        let fresh = result.summary.asOf == reader.engine.snapshot.sequence
        let expected = fresh ? Dictionary(order.compactMap { byStage[$0] }.compactMap { g in g.key.map { ($0, g.count) } },
                                          uniquingKeysWith: { a, _ in a }) : [:]
        let dealsByStage = listed == 0 ? [:] : reader.records(
            of: "Opportunity", viewer: context.viewer, fields: ["Name"], groupedBy: "StageName", values: keys, limit: listed,
            expectedCounts: expected)
        func label(_ stage: String) -> String { presenter.text(.picklist(stage), field: "StageName", object: "Opportunity") }
        let columns: [HTMLNode] = order.map { stage in
            let group = byStage[stage]
            let count = group?.count ?? 0
            var heading: [HTMLNode] = [.el("span", [.class("ck-stage-name")], text: label(stage)), .el("span", [.class("ck-count")], text: "(\(count))")]
            if !result.measureHidden {
                heading.append(.el("span", [.class("ck-amount")], text: group?.sum.map { presenter.formatter.currency($0, code: currency) } ?? LocaleFormatter.unknown))
            }
            let deals = group?.key.flatMap { dealsByStage[$0] } ?? []
            return .el("section", [.class("ck-stage"), HTMLAttribute("aria-label", context.text("pipeline.stageSummary", count: count, ["stage": label(stage)]))], [
                .el("h3", [], heading),
                Markup.list(deals.map { deal in
                    Markup.link(deal.value(of: "Name")?.description ?? presenter.objectLabel("Opportunity"),
                                context.url(objectType: "Opportunity", id: deal.id))
                }),
            ])
        }
        var children: [HTMLNode] = []
        if !result.measureHidden {
            let amount = presenter.label(of: "Amount", object: "Opportunity")
            children.append(context.chartRenderer.render(Chart(
                id: "pipeline", kind: .bar, title: "\(title): \(amount)", categories: order.map(label),
                categoryLabel: presenter.label(of: "StageName", object: "Opportunity"),
                series: [Chart.Series(name: amount, values: order.map { byStage[$0]?.sum.map { NSDecimalNumber(decimal: $0).doubleValue } ?? .nan })],
                format: .currency(code: currency))))
        }
        children.append(.el("div", [.class("ck-pipeline")], columns))
        return Markup.section(title, children)
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
