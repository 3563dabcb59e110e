import CommunityModel
import CommunityAnalytics

/// `community.report`: a saved report run as the viewer, drawn as a chart (bar, stacked bar,
/// line, donut, metric, gauge) or a table, with a link, when the site has a `reports` page, to
/// the report in the report builder (which exports it as CSV). A partner executive's home page places one to show
/// "my account's pipeline by stage": only the records the viewer may read are counted.
public struct ReportComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The saved report's id.
        public var report: String
        /// The heading; the report's name when empty.
        public var title: String
        /// How it is drawn; the report's own chart when absent.
        public var chart: String?
        /// Which summary is drawn (0 is the first).
        public var summary: Int
        /// Whether the table is shown under the chart.
        public var showTable: Bool
    }

    public static let type: ComponentType = "community.report"
    public static let propertySchema = PropertySchema([
        .init("report", .string, required: true, length: 1...64, pattern: .identifier, summary: "Saved report id"),
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
        .init("chart", .string, default: "", allowed: [.string("")] + DashboardTile.Kind.allCases.map { JSONValue.string($0.rawValue) }, summary: "Chart kind"),
        .init("summary", .integer, default: 0, range: 0...9, summary: "Summary drawn"),
        .init("showTable", .boolean, default: false, summary: "Show the table"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let library = context.service(ReportLibrary.self), let user = context.viewer.user?.id, let id = try? ID<SavedReport>(parsing: properties.report)
        else { return .empty }
        let markup = ReportMarkup(context: context)
        let run: (report: SavedReport, result: ReportResult)
        do {
            run = try library.run(report: id, as: user)
        } catch .notFound {
            return .empty
        } catch {
            return Markup.section(context.localized(properties.title), [markup.errorNotice(error)])
        }
        let title = properties.title.isEmpty ? run.report.name : context.localized(properties.title)
        let kind = properties.chart.flatMap(DashboardTile.Kind.init(rawValue:)) ?? run.report.chart
        // With the result table shown, the chart leaves out its own (smaller) data table: the
        // numbers appear once, with subtotals and the grand total.
        let withTable = properties.showTable && kind != .table
        var children: [HTMLNode] = [markup.chart(run.result, kind: kind, summary: properties.summary, title: title, id: "report-" + properties.report,
                                                 dataTable: !withTable)]
        if withTable { children.append(markup.table(run.result, caption: title)) }
        // The builder page has the CSV export; a home page links only to pages.
        var links: [HTMLNode] = []
        if let builder = context.url(page: "reports"), let open = SafeURL(builder.string + "?report=" + ReportBuilderQuery.encode(properties.report)) {
            links.append(Markup.link(context.text("report.openInBuilder"), open))
        }
        if !links.isEmpty { children.append(.el("p", [.class("ck-report-links")], links)) }
        return Markup.section(title, children)
    }
}
