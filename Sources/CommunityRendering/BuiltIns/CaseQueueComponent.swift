import CommunityModel

/// `community.caseQueue`: the open cases waiting in the queues the signed-in agent belongs to,
/// oldest first, each linking to its case page with a button to take it (`pickCase`).
/// Internal users only.
public struct CaseQueueComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many cases to list.
        public var limit: Int
    }

    public static let type: ComponentType = "community.caseQueue"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Cases waiting in your queues", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...100, summary: "Cases shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .internal, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any CaseWorkProvider).self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title, default: "caseQueue.title")
        let cases = try provider.queuedCases(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...100))
        var top: [HTMLNode] = []
        if let state = context.form, state.action == CaseWorkComponent.pickAction, let error = state.errors[""] {
            top.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        guard !cases.isEmpty else { return Markup.section(title, top + [Markup.empty(context.text("caseQueue.empty"))]) }
        return Markup.section(title, top + [Markup.list(cases.map { item in
            .fragment([
                Markup.link(item.subject, context.url(objectType: "Case", id: item.id)),
                .el("span", [.class("ck-meta")], text: " · \(item.queue) · \(Self.priority(item.priority, context: context)) · "
                    + Markup.date(item.opened, locale: context.locale)),
                Markup.buttonForm(CaseWorkComponent.pickAction, context: context, hidden: [("case", item.id)], submit: context.text("caseWork.pick")),
            ])
        }, label: title)])
    }

    /// A priority in the viewer's language where the tables have it (`case.priority.high`), else as stored.
    static func priority(_ value: String, context: RenderContext) -> String {
        let key = UIStringKey("case.priority." + value)
        let text = context.text(key)
        return text == key.rawValue ? value : text
    }
}
