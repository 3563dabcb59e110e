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
        var byStage: [String: RecordSummary.Group] = [:]
        for group in result.summary.groups { byStage[group.key?.description ?? "—"] = group }
        let order = properties.stages.filter { byStage[$0] != nil } + byStage.keys.filter { !properties.stages.contains($0) }.sorted()
        let listed = Markup.clamp(properties.dealsPerStage ?? 5, to: 0...50)
        let columns: [HTMLNode] = order.map { stage in
            let group = byStage[stage]
            let count = group?.count ?? 0
            let total = result.measureHidden ? "" : " · " + (group?.sum.map { "\($0)" } ?? "—")
            let deals = listed == 0 || group?.key == nil ? [] : reader.records(
                of: "Opportunity", viewer: context.viewer, fields: ["Name"], where: "StageName", equals: group?.key, limit: listed)
            return .el("section", [.class("ck-stage"), HTMLAttribute("aria-label", context.text("pipeline.stageSummary", ["stage": context.localized(stage), "count": "\(count)"]))], [
                .el("h3", text: "\(context.localized(stage)) (\(count))" + total),
                Markup.list(deals.map { deal in
                    Markup.link(deal.value(of: "Name")?.description ?? deal.id, context.url(objectType: "Opportunity", id: deal.id))
                }),
            ])
        }
        return Markup.section(title, [.el("div", [.class("ck-pipeline")], columns)])
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
