import CommunityModel

/// `community.caseWork`: on a case page, the agent's panel for the case named by the page's
/// parameter: its status and owner, a form to move it to a status the lifecycle allows, and a
/// button to take it when a queue the agent belongs to owns it. Internal users only; replies
/// go through `community.caseActivity` (public or internal comments).
public struct CaseWorkComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page parameter that holds the case id.
        public var parameter: String
    }

    /// The action that moves a case to another status (`case`, `status`).
    public static let statusAction = "changeCaseStatus"
    /// The action that takes a queue-owned case (`case`).
    public static let pickAction = "pickCase"
    public static let type: ComponentType = "community.caseWork"
    public static let propertySchema = PropertySchema([
        .init("parameter", .string, default: "id", length: 1...64, pattern: .identifier, summary: "Page parameter with the case id"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .internal, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any CaseWorkProvider).self) else { return Markup.unavailable(context) }
        guard let caseID = context.parameters[properties.parameter],
              let work = try provider.caseWork(caseID: caseID, viewer: context.viewer) else { return .empty }
        var children: [HTMLNode] = [
            .el("p", [.class("ck-meta")], text: context.text("caseWork.status", ["status": work.status])
                + " · " + context.text("caseWork.owner", ["owner": work.owner])),
        ]
        // A refused pick (someone else took the case meanwhile) is shown even when the button is gone.
        if !work.canPick, let state = context.form, state.action == Self.pickAction, let error = state.errors[""] {
            children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        if work.canPick {
            children.append(Markup.form(Self.pickAction, context: context, [Markup.hidden("case", work.id)], submit: context.text("caseWork.pick")))
        }
        if work.nextStatuses.isEmpty {
            children.append(.el("p", [.class("ck-empty")], text: context.text("caseWork.noTransitions")))
        } else {
            children.append(Markup.form(Self.statusAction, context: context, [
                Markup.hidden("case", work.id),
                Markup.field("status", label: context.text("caseWork.newStatus"), action: Self.statusAction, context: context,
                             required: true, options: work.nextStatuses, defaultValue: work.nextStatuses.first ?? ""),
            ], submit: context.text("caseWork.changeStatus")))
        }
        return Markup.section(context.text("caseWork.title"), children)
    }
}
