import CommunityModel
import CommunityEngagement

/// `community.searchLogSettings`: each site's search query log retention (how many days the
/// log keeps who searched), and a form that changes one site's window (the
/// `setSearchLogRetention` action). Shown only to viewers the ``ManagementConsoleProvider``
/// lets see KPIs.
public struct SearchLogSettingsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    /// The form action that sets a site's retention window.
    public static let action = "setSearchLogRetention"
    public static let type: ComponentType = "community.searchLogSettings"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Search log privacy", length: 0...200, summary: "Heading"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let console = context.service((any ManagementConsoleProvider).self) else { return Markup.unavailable(context) }
        guard console.mayView(viewer: context.viewer) else { return Markup.section(properties.title, [.el("p", text: context.text("kpi.noAccess"))]) }
        let sites = console.sites(viewer: context.viewer)
        let rows = sites.map { site in
            HTMLNode.el("tr", [], [
                .el("th", [HTMLAttribute("scope", "row")], text: site.name),
                .el("td", text: context.text("kpi.retention.days", ["days": String(console.searchLogRetention(site: site.id))])),
            ])
        }
        let table = HTMLNode.el("table", [.class("ck-table")], [
            .el("thead", [], [.el("tr", [], [.el("th", [HTMLAttribute("scope", "col")], text: context.text("kpi.range.site")),
                                               .el("th", [HTMLAttribute("scope", "col")], text: context.text("kpi.retention.window"))])]),
            .el("tbody", [], rows),
        ])
        let form = Markup.form(Self.action, context: context, [
            Markup.field("site", label: context.text("kpi.range.site"), action: Self.action, context: context, required: true,
                         options: sites.map(\.id), labels: Dictionary(sites.map { ($0.id, $0.name) }) { a, _ in a }),
            Markup.field("days", label: context.text("kpi.retention.window"), action: Self.action, context: context, required: true,
                         type: "number", help: context.text("kpi.retention.help")),
        ], submit: context.text("kpi.retention.save"))
        return Markup.section(properties.title, [.el("p", text: context.text("kpi.retention.explain")), table, form])
    }
}
