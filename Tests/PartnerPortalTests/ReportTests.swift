import CommunityKit
@testable import PartnerPortalKit
import Foundation
import Testing

/// Reports and dashboards on Partner Central: the Korean seed document's example built through
/// the report builder page (`community.handle`), saved, reopened and exported; the home page's
/// "my account's pipeline" as each partner sees it; the dashboard; errors and translations.
@Suite struct ReportTests {
    /// Undoes the escaping of an attribute value.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return unescape(String(html[range.upperBound...].prefix { $0 != "\"" }))
    }

    static func query(of location: String) -> (path: String, query: [String: String]) {
        let parts = location.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [String: String] = [:]
        for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if kv.count == 2 { query[kv[0]] = kv[1] }
        }
        return (parts[0], query)
    }

    @Test func theSeedExampleIsBuiltThroughTheReportBuilderPage() throws {
        let portal = try Portal()
        // Opportunities, grouped by stage, filtered by close date, summed and drawn as a bar chart.
        let builder: [String: String] = [
            "object": "Opportunity", "g1": "StageName", "f1.field": "CloseDate", "f1.op": "equals", "f1.value": "this year",
            "s": "sum", "s.field": "Amount", "chart": "bar",
        ]
        let start = portal.get("/partners/reports", as: "cara")
        #expect(start.status == 200)
        #expect(start.body.contains("Report builder"))
        let page = portal.get("/partners/reports", as: "cara", query: builder)
        #expect(page.status == 200)
        #expect(page.body.contains("ck-chart-bar"))
        #expect(page.body.contains("Sum of Amount"))
        #expect(page.body.contains("Proposal"))
        #expect(page.body.contains("/partners/_reports/export.csv?"))
        let definition = try #require(Self.hiddenValue("definition", in: page.body))
        #expect(definition.contains("\"CloseDate\""))
        let saved = portal.post(ReportBuilderComponent.saveAction, from: "/partners/reports", as: "cara", form: [
            "definition": definition, "name": "Pipeline by stage closing this year", "chart": "bar", "page": "/partners/reports",
        ])
        #expect(saved.status == 303)
        let location = try #require(saved.headers["Location"])
        let (path, query) = Self.query(of: location)
        let id = try #require(query["report"])
        #expect(path == "/partners/reports")
        let reopened = portal.get(path, as: "cara", query: query)
        #expect(reopened.status == 200)
        #expect(reopened.body.contains("The report was saved."))
        #expect(reopened.body.contains("Pipeline by stage closing this year"))
        #expect(reopened.body.contains("ck-chart-bar"))
        // The saved report is Cara's, with the builder's definition.
        let report = try portal.community.reports.report(ID(id), for: "cara")
        #expect(report.definition.rowGroupings == [ReportGrouping("StageName")])
        #expect(report.definition.filter == .condition(ReportCondition("CloseDate", .equals, ["this year"])))
        // CSV export of the saved report.
        let csv = portal.get("/partners/_reports/export.csv", as: "cara", query: ["report": id])
        #expect(csv.status == 200)
        #expect(csv.headers["Content-Type"]?.hasPrefix("text/csv") == true)
        #expect(csv.body.hasPrefix("StageName,count,sum(Amount)\r\n"))
        #expect(csv.body.contains("Proposal,2,66500\r\n"))
    }

    @Test func aPartnerExecutiveSeesOnlyTheirAccountsNumbers() throws {
        let portal = try Portal()
        let community = portal.community
        let alex = try community.runReport(PortalReports.pipelineReportID, as: portal.viewer("alex"))
        let acme = try community.store.snapshot().all(Opportunity.self).map(\.value).filter { $0.accountID == "acme" || $0.partnerAccountID == "acme" }
        #expect(alex.total.count == acme.count)
        #expect(alex.total.values[1] == acme.compactMap(\.amount).reduce(0.0) { $0 + NSDecimalNumber(decimal: $1).doubleValue })
        let bo = try community.runReport(PortalReports.pipelineReportID, as: portal.viewer("bo"))
        #expect(bo.total.values[1] == 22_000)
        let home = portal.get("/partners/", as: "alex")
        #expect(home.status == 200)
        #expect(home.body.contains("My account&#39;s pipeline by stage") || home.body.contains("My account's pipeline by stage"))
        #expect(home.body.contains("48,000"))
        #expect(!home.body.contains("22,000"))
        #expect(!home.body.contains("35,000"))
        // The chart draws the amount, and its numbers appear once: in the report's table (with
        // the total), not also in a second data table under the chart.
        let captions = home.body.components(separatedBy: "<caption>My account&#39;s pipeline by stage</caption>").count
            + home.body.components(separatedBy: "<caption>My account's pipeline by stage</caption>").count - 2
        #expect(captions == 1)
        #expect(home.body.contains(#"<th scope="col" class="ck-num">Sum of Amount</th>"#))
        let boHome = portal.get("/partners/", as: "bo")
        #expect(boHome.body.contains("22,000"))
        #expect(!boHome.body.contains("48,000"))
    }

    @Test func theDashboardShowsSixComponents() throws {
        let portal = try Portal()
        let page = portal.get("/partners/reports", as: "cara")
        #expect(page.status == 200)
        #expect(page.body.components(separatedBy: "class=\"ck-dashboard-tile").count - 1 == 6)
        for kind in ["metric", "gauge", "bar", "donut", "line"] { #expect(page.body.contains("ck-chart-\(kind)"), "\(kind)") }
        #expect(page.body.contains("ck-report-table"))
        let result = try portal.community.runDashboard(PortalReports.dashboardID, as: portal.viewer("cara"))
        #expect(result.tiles.count == 6)
        #expect(result.tiles.allSatisfy { (try? $0.outcome.get()) != nil })
    }

    @Test func aFieldHiddenByFieldLevelSecurityCannotBeGroupedBy() throws {
        let portal = try Portal()
        let page = portal.get("/partners/reports", as: "alex", query: ["object": "Opportunity", "g1": "Margin__c"])
        #expect(page.status == 200)
        #expect(page.body.contains("field-level security hides Opportunity.Margin__c"))
        #expect(!page.body.contains("report-builder-title"))
        #expect(throws: ReportError.fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "group")) {
            try portal.community.runReport(ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("Margin__c")]), as: portal.viewer("alex"))
        }
        let csv = portal.get("/partners/_reports/export.csv", as: "alex", query: ["object": "Opportunity", "g1": "Margin__c"])
        #expect(csv.status == 400)
    }

    @Test func guestsAndStrangersGetNoReports() throws {
        let portal = try Portal()
        #expect(throws: ReportError.notPermitted(kind: "report", id: "-", reason: "guests do not run reports")) {
            try portal.community.runReport(ReportDefinition(object: "Opportunity"), as: .guest)
        }
        #expect(portal.get("/partners/_reports/export.csv", as: nil, query: ["report": PortalReports.pipelineReportID.rawValue]).status == 403)
        #expect(portal.get("/partners/_reports/export.csv", as: "cara", query: ["report": "nope"]).status == 404)
        #expect(portal.get("/partners/_reports/export.csv", as: "cara").status == 400)
        #expect(throws: ReportError.malformedDefinition("The given data was not valid JSON.")) {
            try portal.community.importReport(Data("[".utf8), as: portal.viewer("cara"))
        }
    }

    @Test func theBuilderSpeaksTheViewersLanguage() throws {
        let portal = try Portal()
        #expect(portal.get("/partners/reports", as: "ines").body.contains("Berichtsgenerator"))
        #expect(portal.get("/partners/reports", as: "jisoo").body.contains("보고서 작성기"))
    }
}
