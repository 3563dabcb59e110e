import CommunityModel
import CommunityAnalytics
import CommunityRendering
import Foundation

/// The report builder's `saveReport` action: saves the definition the builder ran, under a
/// name, privately or into a folder the viewer may edit, and goes back to the builder showing it.
enum ReportActions {
    static func install(into actions: inout FormActionRegistry, library: ReportLibrary) {
        actions.register(ReportBuilderComponent.saveAction) { request in
            guard let user = request.viewer.user?.id else { return .forbidden }
            guard let name = request.field("name") else { return .invalid(["name": request.text("report.nameRequired")]) }
            guard let json = request.form["definition"], json.utf8.count <= 65_536,
                  let definition = try? JSONDecoder().decode(ReportDefinition.self, from: Data(json.utf8))
            else {
                return .invalid(["": request.text("report.error", ["reason": ReportError.malformedDefinition("the builder's definition").description])])
            }
            var folder: ID<ReportFolder>?
            if let raw = request.field("folder") {
                guard let id = try? ID<ReportFolder>(parsing: raw) else { return .invalid(["folder": request.text("report.error", ["reason": raw])]) }
                folder = id
            }
            let existing = request.field("report").flatMap { try? ID<SavedReport>(parsing: $0) }
            let report = SavedReport(id: existing ?? .generate(prefix: "rep"), name: name, definition: definition,
                                     chart: request.field("chart").flatMap(DashboardTile.Kind.init(rawValue:)) ?? .bar, owner: user, folderID: folder)
            let saved: SavedReport
            do {
                saved = try library.save(report, by: user)
            } catch let error as ReportError {
                if case .notPermitted = error { return .forbidden }
                return .invalid(["": request.text("report.error", ["reason": error.description])])
            }
            let page = request.field("page").flatMap(SafeURL.init).flatMap { url -> SafeURL? in
                url.isLocalPath && (url.string.hasPrefix(request.site.urlPrefix + "/") || url.string == request.site.urlPrefix) && !url.string.contains("?") ? url : nil
            } ?? SafeURL.path([], prefix: request.site.urlPrefix)
            return .redirect(SafeURL(page.string + "?report=" + saved.id.rawValue + "&saved=1") ?? page)
        }
    }
}
