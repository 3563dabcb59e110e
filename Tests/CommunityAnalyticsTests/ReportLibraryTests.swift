import CommunityAccess
import CommunityAnalytics
import CommunityModel
import Foundation
import Testing

@Suite("Saved reports, folders and dashboards")
struct ReportLibraryTests {
    static let pipeline = ReportDefinition(object: "Opportunity", rowGroupings: [.init("StageName")], summaries: [.init(.sum, of: "Amount")])

    @Test func aPrivateReportIsTheOwnersOnly() throws {
        let f = try ReportFixture()
        let saved = try f.library.save(SavedReport(id: "r1", name: "Pipeline", definition: Self.pipeline, owner: "alex"), by: "alex")
        #expect(saved.owner == "alex")
        #expect(try f.library.report("r1", for: "alex").name == "Pipeline")
        #expect(throws: ReportError.notFound(kind: "report", id: "r1")) { try f.library.report("r1", for: "pat") }
        #expect(f.library.reports(readableBy: "pat").isEmpty)
    }

    @Test func foldersAreSharedLikeRecords() throws {
        let f = try ReportFixture()
        let folder = try f.library.createFolder(named: "Partner reports", by: "admin")
        f.access.apply([])
        try f.library.save(SavedReport(id: "r2", name: "Pipeline", definition: Self.pipeline, owner: "admin", folderID: folder.id), by: "admin")
        #expect(throws: ReportError.notFound(kind: "report", id: "r2")) { try f.library.report("r2", for: "alex") }
        // A manual share of the folder to Acme's executive role lets Alex read and run what is in it.
        try f.store.write { tx in
            _ = try tx.put(RecordShare(id: "share-folder", object: "ReportFolder", recordID: folder.id.rawValue, sharedWith: .role("acme-exec"), accessLevel: .read))
        }
        #expect(try f.library.report("r2", for: "alex").name == "Pipeline")
        #expect(f.library.folders(readableBy: "alex").map(\.name) == ["Partner reports"])
        let run = try f.library.run(report: "r2", as: "alex")
        #expect(run.result.total.values == [90_000])
        // Reading is not editing: Alex may not save into the folder or change the report.
        #expect(throws: ReportError.notPermitted(kind: "report", id: "r2", reason: "neither the owner nor an editor of its folder")) {
            try f.library.save(SavedReport(id: "r2", name: "Mine now", definition: Self.pipeline, owner: "alex"), by: "alex")
        }
        #expect(throws: ReportError.notPermitted(kind: "folder", id: folder.id.rawValue, reason: "the user may not save into it")) {
            try f.library.save(SavedReport(id: "r3", name: "Mine", definition: Self.pipeline, owner: "alex", folderID: folder.id), by: "alex")
        }
    }

    @Test func savingChecksTheDefinitionForTheSaver() throws {
        let f = try ReportFixture()
        let hidden = ReportDefinition(object: "Opportunity", rowGroupings: [.init("Margin__c")])
        #expect(throws: ReportError.fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "group")) {
            try f.library.save(SavedReport(id: "r4", name: "Margins", definition: hidden, owner: "alex"), by: "alex")
        }
    }

    @Test func malformedImportsGetATypedError() throws {
        let f = try ReportFixture()
        #expect(throws: ReportError.malformedDefinition("The given data was not valid JSON.")) {
            try f.library.importReport(Data("{not json".utf8), by: "admin")
        }
        #expect(throws: ReportError.malformedDefinition("missing \"definition\"")) {
            try f.library.importReport(Data(#"{"id":"x","name":"n","owner":"admin","chart":"bar","updatedAt":0}"#.utf8), by: "admin")
        }
        let exported = SavedReport(id: "r5", name: "Pipeline", definition: Self.pipeline, owner: "admin").encoded()
        let imported = try f.library.importReport(exported, by: "alex")
        #expect(imported.owner == "alex")
        #expect(imported.definition == Self.pipeline)
    }

    @Test func dashboardsRunAsTheRunningUserOrTheViewer() throws {
        let f = try ReportFixture()
        try f.library.save(SavedReport(id: "pipe", name: "Pipeline", definition: Self.pipeline, owner: "admin"), by: "admin")
        let tiles = [DashboardTile(reportID: "pipe", kind: .metric), DashboardTile(reportID: "pipe", kind: .gauge, maximum: 500_000),
                     DashboardTile(reportID: "pipe", kind: .bar), DashboardTile(reportID: "pipe", kind: .donut)]
        try f.library.save(SavedDashboard(id: "d1", name: "Mine", owner: "admin", tiles: tiles), by: "admin")
        let asViewer = try f.library.run(dashboard: "d1", as: "admin")
        #expect(asViewer.runningUser == "admin")
        #expect(asViewer.tiles.count == 4)
        #expect(try asViewer.tiles[0].outcome.get().total.values == [207_000])
        // Alex may not choose someone else as the running user.
        try f.library.save(SavedReport(id: "alex-pipe", name: "Pipeline", definition: Self.pipeline, owner: "alex"), by: "alex")
        #expect(throws: ReportError.notPermitted(kind: "dashboard", id: "d2", reason: "choosing another running user needs manageDashboards")) {
            try f.library.save(SavedDashboard(id: "d2", name: "Sneaky", owner: "alex", runningUser: "admin", tiles: [DashboardTile(reportID: "alex-pipe", kind: .bar)]), by: "alex")
        }
        #expect(throws: ReportError.invalid(field: "dashboard", reason: "SavedDashboard.columns: out of range (9 not in 1...4)")) {
            try f.library.save(SavedDashboard(id: "d3", name: "Wide", owner: "admin", columns: 9, tiles: []), by: "admin")
        }
    }
}
