import Foundation
import CommunityModel
import CommunityEngagement

/// `community.kpiDashboard`: the community KPIs of one group (or all) for the range and site the
/// page's query chose (``KPIRangeComponent``): figure cards, charts of the daily series (each
/// with its data table, through ``ChartRenderer``) and top lists. Shown only to viewers the
/// ``ManagementConsoleProvider`` lets see KPIs; everyone else reads that they may not.
public struct KPIDashboardComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading (empty: the group's name).
        public var title: String
        /// The ``KPIGroup`` shown, or `all`.
        public var group: String
        /// Whether to draw the charts.
        public var charts: Bool
        /// Whether to list the rankings.
        public var topLists: Bool
    }

    public static let type: ComponentType = "community.kpiDashboard"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "", length: 0...200, summary: "Heading (empty: the group's name)"),
        .init("group", .string, default: "all", allowed: (["all"] + KPIGroup.allCases.map(\.rawValue)).map { .string($0) },
              summary: "KPI group shown"),
        .init("charts", .boolean, default: true, summary: "Draw charts"),
        .init("topLists", .boolean, default: true, summary: "List the top members, groups, topics, queries"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let heading = properties.title.isEmpty ? nil : properties.title
        guard let console = context.service((any ManagementConsoleProvider).self) else { return Markup.unavailable(context) }
        guard console.mayView(viewer: context.viewer) else { return Markup.section(heading, [.el("p", text: context.text("kpi.noAccess"))]) }
        let choice = KPIConsoleQuery(context.query, today: KPIDay.number(of: context.clock.now()))
        let kpis: CommunityKPIs
        do {
            kpis = try console.kpis(viewer: context.viewer, site: choice.site, days: choice.days)
        } catch {
            return Markup.section(heading, [.el("p", [.class("ck-error")], text: context.text("kpi.unknownSite"))])
        }
        let groups = KPIGroup(rawValue: properties.group).map { [$0] } ?? KPIGroup.allCases
        let sections = groups.compactMap { kpis.section($0) }.map { render($0, context: context) }
        return .el("div", [.class("ck-kpi-dashboard")], heading.map { [.el("h2", text: $0)] + sections } ?? sections)
    }

    private func render(_ section: KPISection, context: RenderContext) -> HTMLNode {
        let title = context.text(UIStringKey("kpi.group." + section.group.rawValue))
        var children: [HTMLNode] = [.el("dl", [.class("ck-kpi-cards")], section.figures.map { figure in
            .el("div", [.class("ck-kpi-card")], [
                .el("dt", text: context.text(UIStringKey("kpi." + figure.id))),
                .el("dd", text: Self.text(figure.value, figure.format, context: context)),
            ])
        })]
        if properties.charts {
            let renderer = context.chartRenderer
            for series in section.series where !series.periods.isEmpty {
                let chart = Chart(
                    id: "kpi-" + series.id.replacingOccurrences(of: ".", with: "-"), kind: series.periods.count > 1 ? .line : .bar,
                    title: context.text(UIStringKey("kpi." + series.id)), categories: series.periods.map { KPIDay.day($0).description },
                    categoryLabel: context.text("kpi.period"),
                    series: zip(series.lineIDs, series.lineValues).map { Chart.Series(name: context.text(UIStringKey("kpi." + $0)), values: $1) })
                children.append(renderer.render(chart))
            }
        }
        if properties.topLists {
            for list in section.topLists {
                let name = context.text(UIStringKey("kpi." + list.id))
                children.append(.el("h3", text: name))
                children.append(list.entries.isEmpty ? Markup.empty(context) : .el("ol", [.class("ck-kpi-top"), HTMLAttribute("aria-label", name)],
                    list.entries.map { entry in
                        .el("li", [], [.el("span", text: Self.label(entry, list: list.id, context: context)), .text(" "),
                                       .el("span", [.class("ck-meta")], text: Self.text(entry.value, list.format, context: context))])
                    }))
            }
        }
        return Markup.section(title, children)
    }

    /// A top-list entry's name: stages and partner tiers are picklist values, read as the schema
    /// labels them in the viewer's language (`gold` → "Gold", `Proposal` → "Angebot"); other
    /// entries carry their name.
    static func label(_ entry: KPITopList.Entry, list: String, context: RenderContext) -> String {
        let presenter = context.presenter
        switch list {
        case "partner.pipelineByStage": return presenter.text(.picklist(entry.key), field: "StageName", object: "Opportunity")
        case "partner.pipelineByTier":
            return entry.key == "none" ? context.text("kpi.partner.noTier") : presenter.text(.picklist(entry.key), field: "PartnerTier", object: "Account")
        default: return entry.label
        }
    }

    /// A figure's value as its format reads, in the viewer's locale.
    static func text(_ value: Double?, _ format: KPIFigure.Format, context: RenderContext) -> String {
        guard let value, value.isFinite else { return LocaleFormatter.unknown }
        let formatter = context.chartRenderer.formatter
        switch format {
        case .count: return formatter.number(value, maximumFractionDigits: 0)
        case .percent: return formatter.percent(value)
        case .score: return formatter.number(value, maximumFractionDigits: 1)
        case .cents: return formatter.currency(Decimal(value.rounded()) / 100)
        case .seconds:
            let seconds = max(0, min(value, 1e12)).rounded()
            let days = (seconds / 86_400).rounded(.down), hours = (seconds.truncatingRemainder(dividingBy: 86_400) / 3600).rounded(.down)
            let minutes = (seconds.truncatingRemainder(dividingBy: 3600) / 60).rounded(.down)
            func part(_ amount: Double, _ unit: UIStringKey) -> String { formatter.number(amount, maximumFractionDigits: 0) + " " + context.text(unit) }
            if days >= 1 { return part(days, "kpi.unit.days") + " " + part(hours, "kpi.unit.hours") }
            if hours >= 1 { return part(hours, "kpi.unit.hours") + " " + part(minutes, "kpi.unit.minutes") }
            if minutes >= 1 { return part(minutes, "kpi.unit.minutes") }
            return part(seconds, "kpi.unit.seconds")
        }
    }
}
