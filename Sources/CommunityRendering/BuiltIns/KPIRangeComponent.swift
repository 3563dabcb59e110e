import CommunityModel
import CommunityEngagement

/// `community.kpiRange`: the management console's plain GET form (no script) that chooses the
/// date range (`from`, `to`) and the site (`site`, empty for all sites) the page's
/// ``KPIDashboardComponent``s show. Shown only to viewers the ``ManagementConsoleProvider`` lets
/// see KPIs. With `showPeriod` off it chooses only the site (the console's reports page, whose
/// report builder limits reports to it).
public struct KPIRangeComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// Whether the form offers the period (`from`, `to`) as well as the site; `nil` means yes.
        public var showPeriod: Bool?
    }

    public static let type: ComponentType = "community.kpiRange"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Period and site", length: 0...200, summary: "Heading"),
        .init("showPeriod", .boolean, default: true, summary: "Offer the period as well as the site"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let console = context.service((any ManagementConsoleProvider).self) else { return Markup.unavailable(context) }
        let showPeriod = properties.showPeriod ?? true
        // The heading in the viewer's language: the site's translation, else the library's text
        // when it is still the built-in English one (the management strings' table).
        let key: UIStringKey = showPeriod ? "kpi.range.title" : "kpi.range.site"
        let authored = context.localized(properties.title)
        let title = authored == properties.title && properties.title == UIStrings.managementEnglish[key] ? context.text(key) : authored
        guard console.mayView(viewer: context.viewer) else { return Markup.section(title, [.el("p", text: context.text("kpi.noAccess"))]) }
        let choice = KPIConsoleQuery(context.query, today: KPIDay.number(of: context.clock.now()))
        let action = context.url(page: context.page.id) ?? context.site.homeURL
        func input(_ name: String, _ label: UIStringKey, _ value: String) -> HTMLNode {
            .el("div", [.class("ck-field")], [
                .el("label", [HTMLAttribute("for", "ck-kpi-" + name)], text: context.text(label)),
                .el("input", [HTMLAttribute("id", "ck-kpi-" + name), HTMLAttribute("type", "date"), HTMLAttribute("name", name),
                              HTMLAttribute("value", value)])])
        }
        var options = [option("", context.text("kpi.range.allSites"), selected: choice.site == nil)]
        for site in console.sites(viewer: context.viewer) { options.append(option(site.id, site.name, selected: choice.site == site.id)) }
        var children: [HTMLNode] = []
        if showPeriod, let problem = choice.problem {
            children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: context.text(problem)))
        }
        var controls: [HTMLNode] = []
        if showPeriod {
            controls.append(input("from", "kpi.range.from", KPIDay.day(choice.days.lowerBound).description))
            controls.append(input("to", "kpi.range.to", KPIDay.day(choice.days.upperBound).description))
        }
        controls.append(.el("div", [.class("ck-field")], [
            .el("label", [HTMLAttribute("for", "ck-kpi-site")], text: context.text("kpi.range.site")),
            .el("select", [HTMLAttribute("id", "ck-kpi-site"), HTMLAttribute("name", "site")], options)]))
        controls.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("kpi.range.apply")))
        children.append(.el("form", [.class("ck-refine ck-kpi-range"), HTMLAttribute("method", "get"), HTMLAttribute("action", url: action)], controls))
        return Markup.section(title, children)
    }

    private func option(_ value: String, _ label: String, selected: Bool) -> HTMLNode {
        var attributes = [HTMLAttribute("value", value)]
        if selected { attributes.append(HTMLAttribute("selected", "selected")) }
        return .el("option", attributes, text: label)
    }
}
