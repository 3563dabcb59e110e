import CommunityKit
import Foundation

/// Reports and dashboards on Partner Central: a "Reports" page with the channel pipeline
/// dashboard and the report builder, and "My account's pipeline by stage" on the home page. The
/// reports live in the "Partner reports" folder, which Cara owns and shares read-only with every
/// partner user (a manual share of the folder record); each runs as the viewer, so a partner
/// executive sees their own account's numbers and nobody else's.
enum PortalReports {
    static let folderID: ID<ReportFolder> = "partner-reports"
    static let pipelineReportID: ID<SavedReport> = "my-pipeline-by-stage"
    static let dashboardID: ID<SavedDashboard> = "pipeline-dashboard"

    /// Adds the Reports page (members only) and the home page's pipeline report.
    static func extend(_ site: inout Site) throws {
        guard var layout = site.page("deals")?.layout else { return }
        for r in layout.regions.indices where layout.regions[r].name == "main" {
            layout.regions[r].rows = [Row(columns: [Column(components: [
                ComponentInstance(id: "pipeline-dashboard", type: ReportDashboardComponent.type, properties: ["dashboard": .string(dashboardID.rawValue)]),
                ComponentInstance(id: "builder", type: ReportBuilderComponent.type, properties: ["title": "Report builder"]),
            ])])]
        }
        try site.addPage(Page(id: "reports", title: "Reports", slug: "reports", visibility: .members, layout: layout))
        for index in site.menus.indices where site.menus[index].id == "main" {
            site.menus[index].items.append(.init("Reports", .page("reports")))
        }
        guard var home = site.page("home") else { return }
        let report = ComponentInstance(id: "my-pipeline", type: ReportComponent.type, properties: [
            "report": .string(pipelineReportID.rawValue), "title": "My account's pipeline by stage", "showTable": true, "summary": 1,
        ])
        func insert(_ layout: inout PageLayout) {
            guard let main = layout.regions.firstIndex(where: { $0.name == "main" }) else { return }
            layout.regions[main].rows.insert(Row(columns: [Column(components: [report])]), at: min(1, layout.regions[main].rows.count))
        }
        insert(&home.layout)
        for v in home.variations.indices { insert(&home.variations[v].layout) }
        try site.updatePage(home)
    }

    /// First run only: folder sharing, the saved reports, and the six-tile pipeline dashboard
    /// (run as the viewer).
    static func seed(_ community: Community) throws {
        try community.store.write { tx in
            _ = try tx.put(OrgWideDefault(object: ReportFolder.entityType, internalAccess: .publicRead, externalAccess: .private))
            _ = try tx.put(ReportFolder(id: folderID, name: "Partner reports", owner: .user("cara")))
            _ = try tx.put(RecordShare(id: "partner-reports-to-partners", object: ReportFolder.entityType, recordID: folderID.rawValue,
                                       sharedWith: .allPartnerUsers, accessLevel: .read))
        }
        let cara = community.viewer("cara")
        let amount = ReportSummary(.sum, of: "Amount")
        func save(_ id: ID<SavedReport>, _ name: String, _ definition: ReportDefinition, _ chart: DashboardTile.Kind) throws {
            try community.saveReport(SavedReport(id: id, name: name, definition: definition, chart: chart, owner: "cara", folderID: folderID), as: cara)
        }
        try save(pipelineReportID, "My account's pipeline by stage",
                 ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("StageName")], summaries: [.count, amount]), .bar)
        try save("pipeline-by-region", "Pipeline by region",
                 ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("Region")], summaries: [amount]), .donut)
        try save("pipeline-by-month", "Pipeline by close month",
                 ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("CloseDate", bucket: .month)], summaries: [amount]), .line)
        try save("pipeline-by-partner", "Pipeline by partner account",
                 ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("PartnerAccount.Name"), ReportGrouping("StageName")],
                                  summaries: [.count, amount]), .table)
        try community.saveDashboard(SavedDashboard(id: dashboardID, name: "Pipeline", owner: "cara", folderID: folderID, columns: 3, tiles: [
            DashboardTile(title: "Open pipeline", reportID: pipelineReportID, kind: .metric, summary: 1),
            DashboardTile(title: "Pipeline against the 250,000 target", reportID: pipelineReportID, kind: .gauge, summary: 1, maximum: 250_000),
            DashboardTile(title: "By stage", reportID: pipelineReportID, kind: .bar, summary: 1),
            DashboardTile(title: "By region", reportID: "pipeline-by-region", kind: .donut),
            DashboardTile(title: "By close month", reportID: "pipeline-by-month", kind: .line),
            DashboardTile(title: "By partner account", reportID: "pipeline-by-partner", kind: .table, span: 3),
        ]), as: cara)
    }
}
