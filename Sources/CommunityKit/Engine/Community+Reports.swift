public import CommunityModel
public import CommunityAnalytics
public import CommunityRendering
public import Foundation

/// Reports and dashboards as a viewer: define, run, save, share through folders, export as CSV,
/// import, and run dashboards. Everything runs with the viewer's record access and field-level
/// security (``ReportEngine``); the site's report builder, report and dashboard components use
/// the same ``reports`` library.
extension Community {
    /// Saved reports, folders and dashboards over this community's store and access engine, with
    /// the configuration's schemas (custom fields included) and clock.
    public var reports: ReportLibrary {
        services.get(ReportLibrary.self)
            ?? ReportLibrary(store: store, access: access, engine: ReportEngine(schemas: recordPresentation.schemas, clock: clock))
    }

    /// The signed-in user a report runs as.
    static func reportUser(_ viewer: Viewer) throws(ReportError) -> ID<User> {
        guard let user = viewer.user?.id else { throw .notPermitted(kind: "report", id: "-", reason: "guests do not run reports") }
        return user
    }

    /// Runs a report definition as the viewer.
    public func runReport(_ definition: ReportDefinition, as viewer: Viewer) throws(ReportError) -> ReportResult {
        try reports.run(definition, as: Self.reportUser(viewer))
    }

    /// Runs a saved report the viewer may read, as the viewer.
    public func runReport(_ id: ID<SavedReport>, as viewer: Viewer) throws(ReportError) -> ReportResult {
        try reports.run(report: id, as: Self.reportUser(viewer)).result
    }

    /// Saves a report as the viewer (see ``ReportLibrary/save(_:by:)`` for who may save what).
    @discardableResult
    public func saveReport(_ report: SavedReport, as viewer: Viewer) throws(ReportError) -> SavedReport {
        try reports.save(report, by: Self.reportUser(viewer))
    }

    /// Creates a report folder owned by the viewer; share it like a record (``RecordShare`` on
    /// `ReportFolder`, sharing rules, the org-wide default).
    @discardableResult
    public func createReportFolder(named name: String, as viewer: Viewer) throws(ReportError) -> ReportFolder {
        try reports.createFolder(named: name, by: Self.reportUser(viewer))
    }

    /// A saved report as RFC 4180 CSV, run as the viewer, formula-escaped (``ReportCSV``).
    public func exportReportCSV(_ id: ID<SavedReport>, as viewer: Viewer) throws(ReportError) -> String {
        ReportCSV.export(try runReport(id, as: viewer))
    }

    /// A definition's result as CSV, run as the viewer.
    public func exportReportCSV(_ definition: ReportDefinition, as viewer: Viewer) throws(ReportError) -> String {
        ReportCSV.export(try runReport(definition, as: viewer))
    }

    /// Imports a report exported as JSON (``SavedReport/encoded()``) as the viewer's.
    ///
    /// - Throws: ``ReportError/malformedDefinition(_:)`` for JSON that is not a saved report.
    @discardableResult
    public func importReport(_ data: Data, as viewer: Viewer) throws(ReportError) -> SavedReport {
        try reports.importReport(data, by: Self.reportUser(viewer))
    }

    /// Saves a dashboard as the viewer.
    @discardableResult
    public func saveDashboard(_ dashboard: SavedDashboard, as viewer: Viewer) throws(ReportError) -> SavedDashboard {
        try reports.save(dashboard, by: Self.reportUser(viewer))
    }

    /// Runs a dashboard the viewer may read, as its running user or the viewer.
    public func runDashboard(_ id: ID<SavedDashboard>, as viewer: Viewer) throws(ReportError) -> DashboardResult {
        try reports.run(dashboard: id, as: Self.reportUser(viewer))
    }

    /// Answers `<prefix>/_reports/export.csv` (``ReportExportRoute``) for a site's member, or `nil`
    /// for any other path.
    func reportExportResponse(_ request: SiteRequest, site: Site) -> SiteResponse? {
        guard request.path == ReportExportRoute.path(prefix: site.urlPrefix) else { return nil }
        guard request.method == .get || request.method == .head else { return Self.text(405, "Method Not Allowed") }
        guard request.viewer.user != nil, site.isMember(request.viewer) else { return Self.text(403, "Sign in as a member of this site to export reports.") }
        do {
            try (site.limits ?? .standard).check(request)
        } catch {
            return Self.text(error.status, error.description)
        }
        let csv: String
        do {
            if let raw = request.query["report"] {
                guard let id = try? ID<SavedReport>(parsing: raw) else { return Self.text(404, "No such report.") }
                csv = try exportReportCSV(id, as: request.viewer)
            } else if let definition = try ReportBuilderQuery.definition(from: request.query) {
                // A builder limited to a site (the console's choice) exports that site's records.
                let site = request.query["site"].flatMap { $0.isEmpty ? nil : $0 }
                csv = try exportReportCSV(site.map { definition.limited(toSite: $0) } ?? definition, as: request.viewer)
            } else {
                return Self.text(400, "Choose an object or a saved report.")
            }
        } catch .notFound(let kind, let id) {
            return Self.text(404, ReportError.notFound(kind: kind, id: id).description)
        } catch {
            return Self.text(400, error.description)
        }
        return SiteResponse(status: 200, headers: [
            "Content-Type": "text/csv; charset=utf-8; header=present",
            "Content-Disposition": "attachment; filename=\"report.csv\"",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
        ], body: request.method == .head ? "" : csv)
    }
}
