import CommunityModel
import CommunityAnalytics

/// `community.reportDashboard`: a saved dashboard's grid of tiles (metric, gauge, bar, stacked
/// bar, line, donut, table), each fed by a saved report and run as the dashboard's running user
/// or, when it has none, as the viewer. The management console and home pages place it.
public struct ReportDashboardComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The saved dashboard's id.
        public var dashboard: String
        /// The heading; the dashboard's name when empty.
        public var title: String
    }

    public static let type: ComponentType = "community.reportDashboard"
    public static let propertySchema = PropertySchema([
        .init("dashboard", .string, required: true, length: 1...64, pattern: .identifier, summary: "Saved dashboard id"),
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let library = context.service(ReportLibrary.self), let user = context.viewer.user?.id,
              let id = try? ID<SavedDashboard>(parsing: properties.dashboard)
        else { return .empty }
        let markup = ReportMarkup(context: context)
        let result: DashboardResult
        do {
            result = try library.run(dashboard: id, as: user)
        } catch .notFound {
            return .empty
        } catch {
            return Markup.section(context.localized(properties.title), [markup.errorNotice(error)])
        }
        let title = properties.title.isEmpty ? result.dashboard.name : context.localized(properties.title)
        var tiles: [HTMLNode] = []
        for (i, tile) in result.tiles.enumerated() {
            let heading = tile.tile.title.isEmpty ? (tile.report?.name ?? "") : context.localized(tile.tile.title)
            let body: HTMLNode
            switch tile.outcome {
            case .success(let report):
                body = markup.chart(report, kind: tile.tile.kind, summary: tile.tile.summary, title: heading,
                                    id: "dashboard-\(properties.dashboard)-\(i)", maximum: tile.tile.maximum)
            case .failure(let error):
                body = markup.errorNotice(error)
            }
            tiles.append(.el("div", [.class("ck-dashboard-tile ck-span-\(min(max(tile.tile.span, 1), 4))")], [.el("h3", text: heading), body]))
        }
        var children: [HTMLNode] = []
        if result.dashboard.runningUser != nil, let runner = context.service(RecordReader.self)?.ownerName(result.runningUser.rawValue) {
            children.append(.el("p", [.class("ck-meta")], text: context.text("report.runningUser", ["name": runner])))
        }
        children.append(.el("div", [.class("ck-dashboard-grid ck-columns-\(min(max(result.dashboard.columns, 1), 4))")], tiles))
        return Markup.section(title, children)
    }
}
