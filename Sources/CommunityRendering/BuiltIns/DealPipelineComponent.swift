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
        .init("title", .string, default: "Deal pipeline", summary: "Heading"),
        .init("stages", .array, default: ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
              summary: "Stage order"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let deals = reader.records(of: "Opportunity", viewer: context.viewer, fields: ["Name", "StageName", "Amount"], limit: 1000)
        guard !deals.isEmpty else { return Markup.section(properties.title, [Markup.empty(context)]) }
        var byStage: [String: [RecordRow]] = [:]
        for deal in deals { byStage[deal.value(of: "StageName")?.description ?? "—", default: []].append(deal) }
        let order = properties.stages.filter { byStage[$0] != nil } + byStage.keys.filter { !properties.stages.contains($0) }.sorted()
        let columns: [HTMLNode] = order.map { stage in
            let items = byStage[stage] ?? []
            var total = Decimal(0)
            var amountsHidden = false
            for item in items {
                if item.hiddenFields.contains("Amount") { amountsHidden = true }
                if case .currency(let d)? = item.value(of: "Amount") { total += d }
            }
            return .el("section", [.class("ck-stage"), HTMLAttribute("aria-label", stage)], [
                .el("h3", text: "\(stage) (\(items.count))" + (amountsHidden ? "" : " · \(total)")),
                Markup.list(items.map { deal in
                    Markup.link(deal.value(of: "Name")?.description ?? deal.id, context.url(objectType: "Opportunity", id: deal.id))
                }),
            ])
        }
        return Markup.section(properties.title, [.el("div", [.class("ck-pipeline")], columns)])
    }
}
