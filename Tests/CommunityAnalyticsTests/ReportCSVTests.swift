import CommunityAccess
import CommunityAnalytics
import CommunityModel
import Foundation
import Testing

@Suite("Report CSV")
struct ReportCSVTests {
    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"), ("", ""),
    ])
    func fieldsAreQuotedAndFormulaEscaped(_ text: String, _ expected: String) {
        #expect(ReportCSV.field(text) == expected)
    }

    @Test func tabularExportHasAHeaderAndCRLFLines() throws {
        let f = try ReportFixture()
        let result = try f.engine.run(ReportDefinition(object: "Case", columns: ["Subject", "Status"], filter: .condition(.init("Status", .equals, ["Escalated"]))),
                                      as: "admin", in: f.access.snapshot)
        #expect(ReportCSV.export(result) == "Subject,Status\r\n\"Case c5 with \"\"quotes\"\", commas\",Escalated\r\n")
    }

    @Test func summaryExportHasOneLinePerGroupAndATotal() throws {
        let f = try ReportFixture()
        let result = try f.engine.run(ReportDefinition(object: "Opportunity", rowGroupings: [.init("StageName")], summaries: [.init(.sum, of: "Amount")]),
                                      as: "bo", in: f.access.snapshot)
        #expect(ReportCSV.export(result) == "StageName,count,sum(Amount)\r\nClosed Won,1,5000\r\nQualification,1,22000\r\n,2,27000\r\n")
    }
}
