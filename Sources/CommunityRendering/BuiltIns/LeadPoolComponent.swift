import CommunityModel

/// `community.leadPool`: for a channel manager (an internal user), the leads waiting in the lead
/// pool, each with a form that offers it to one of the partner accounts they manage
/// (`offerLead`: `lead`, `account`). The partner answers on `community.leadOffers`.
public struct LeadPoolComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many leads to list.
        public var limit: Int
    }

    /// The action that offers a pooled lead to a partner account.
    public static let action = "offerLead"
    public static let type: ComponentType = "community.leadPool"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Lead pool", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...100, summary: "Leads shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .internal, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any ChannelProgramProvider).self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title, default: "leadPool.title")
        let leads = try provider.pooledLeads(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...100))
        var top: [HTMLNode] = []
        if let state = context.form, state.action == Self.action, let error = state.errors[""],
           !leads.contains(where: { $0.id == state.values["lead"] }) {
            top.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        let partners = try provider.managedPartners(period: FundRequestsComponent.quarter(of: context.clock.now()), viewer: context.viewer)
        guard !leads.isEmpty, !partners.isEmpty else { return Markup.section(title, top + [Markup.empty(context.text("leadPool.empty"))]) }
        return Markup.section(title, top + [Markup.list(leads.map { lead in
            let id = "f-\(Self.action)-\(lead.id)-account"
            var children: [HTMLNode] = [
                Markup.link(lead.company, context.url(objectType: "Lead", id: lead.id)),
                .el("span", [.class("ck-meta")], text: lead.details.isEmpty ? "" : " · " + lead.details),
            ]
            if let error = Markup.itemError(action: Self.action, item: lead.id, itemField: "lead", context: context) { children.append(error) }
            children.append(.el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(Self.action))], [
                Markup.hidden("_csrf", context.csrfToken), Markup.hidden("_return", context.currentPath), Markup.hidden("lead", lead.id),
                .el("div", [.class("ck-field")], [
                    .el("label", [HTMLAttribute("for", id)], text: context.text("leadPool.partner")),
                    .el("select", [HTMLAttribute("id", id), HTMLAttribute("name", "account")], partners.map {
                        .el("option", [HTMLAttribute("value", $0.id)], text: $0.name)
                    }),
                ]),
                .el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("leadPool.offer")),
            ]))
            return .fragment(children)
        }, label: title)])
    }
}
