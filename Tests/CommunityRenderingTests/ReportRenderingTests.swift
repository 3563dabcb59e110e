import CommunityAnalytics
import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// The report builder's parameters, the gauge chart, and the report components' registration.
@Suite struct ReportRenderingTests {
    static let renderer = ChartRenderer(theme: .partner, formatter: LocaleFormatter(locale: "en_US"))

    @Test func builderParametersDescribeADefinition() throws {
        let query = [
            "object": "Opportunity", "col.Name": "1", "col.Amount": "1", "f1.field": "CloseDate", "f1.op": "equals", "f1.value": "this quarter",
            "f2.field": "StageName", "f2.op": "isIn", "f2.value": "Proposal, Negotiation", "logic": "any",
            "g1": "StageName", "across": "CloseDate", "across.bucket": "month", "s": "sum", "s.field": "Amount", "limit": "50",
        ]
        let definition = try #require(try ReportBuilderQuery.definition(from: query))
        #expect(definition.object == "Opportunity")
        #expect(definition.columns == ["Amount", "Name"])
        #expect(definition.filter == .or([
            .condition(ReportCondition("CloseDate", .equals, ["this quarter"])), .condition(ReportCondition("StageName", .isIn, ["Proposal", "Negotiation"])),
        ]))
        #expect(definition.rowGroupings == [ReportGrouping("StageName")])
        #expect(definition.columnGrouping == ReportGrouping("CloseDate", bucket: .month))
        #expect(definition.summaries == [.count, ReportSummary(.sum, of: "Amount")])
        #expect(definition.rowLimit == 50)
        // The parameters of the definition describe it again.
        #expect(try ReportBuilderQuery.definition(from: ReportBuilderQuery.parameters(of: definition)) == definition)
        #expect(try ReportBuilderQuery.definition(from: [:]) == nil)
    }

    @Test(arguments: [
        (["object": "Case", "f1.field": "Status", "f1.op": "resembles"], ReportError.invalid(field: "f1.op", reason: "unknown operator resembles")),
        (["object": "Case", "g1": "CreatedDate", "g1.bucket": "fortnight"], ReportError.invalid(field: "g1.bucket", reason: "unknown period fortnight")),
        (["object": "Case", "s": "median"], ReportError.invalid(field: "s", reason: "unknown summary median")),
        (["object": "Case", "limit": "-3"], ReportError.invalid(field: "limit", reason: "not a positive whole number")),
        (["object": "Case", "f1.field": "Status", "logic": "xor"], ReportError.invalid(field: "logic", reason: "unknown logic xor")),
    ])
    func builderParametersTheFormDoesNotOfferAreRejected(_ query: [String: String], _ error: ReportError) {
        #expect(throws: error) { try ReportBuilderQuery.definition(from: query) }
    }

    @Test func exportLinksCarryOnlyBuilderParameters() throws {
        let url = try #require(ReportExportRoute.url(prefix: "/partners", parameters: ["object": "Case", "f1.value": "a&b c", "evil": "x"]))
        #expect(url.string == "/partners/_reports/export.csv?f1.value=a%26b%20c&object=Case")
    }

    @Test(arguments: [(120_000.0, 250_000.0), (0, 100), (-5, 10), (.nan, 10), (500, 0), (1e308, .infinity)])
    func gaugesDrawTheirShareOfTheMaximum(_ value: Double, _ maximum: Double) {
        let chart = Chart(id: "gauge", kind: .gauge, title: "Pipeline against target", categories: ["Pipeline"],
                          series: [Chart.Series(name: "Amount", values: [value])], format: .currency(code: "USD"), maximum: maximum)
        let html = Self.renderer.render(chart).render()
        #expect(html.contains("ck-chart-gauge"))
        #expect(!html.contains("nan") && !html.contains("inf"))
        if value == 120_000 { #expect(html.contains("48%")) }
    }

    @Test func theReportComponentsAreBuiltIn() {
        let registry = ComponentRegistry.standard
        for type in [ReportBuilderComponent.type, ReportComponent.type, ReportDashboardComponent.type] {
            #expect(registry.types.contains(type), "\(type)")
        }
    }
}
