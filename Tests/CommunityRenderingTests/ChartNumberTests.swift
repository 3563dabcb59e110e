import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// Dashboard and pipeline arithmetic on amounts nobody validated: NaN, infinities and huge values
/// next to small ones render without trapping.
@Suite struct ChartNumberTests {
    static let hostileAmounts: [FieldValue] = [
        .currency(.nan), .currency(Decimal(-1e30)), .currency(Decimal(1e30)), .currency(.greatestFiniteMagnitude),
        .currency(-Decimal.greatestFiniteMagnitude), .number(.nan), .number(.infinity), .number(-.infinity),
        .number(-1e30), .number(1e30), .number(.greatestFiniteMagnitude), .currency(12.5), .number(3),
    ]

    func rows(_ values: [FieldValue], stage: (Int) -> String = { "S\($0 % 3)" }) -> [RecordRow] {
        values.enumerated().map { i, value in
            RecordRow(id: "o\(i)", values: ["StageName": .picklist(stage(i)), "Amount": value], hiddenFields: [])
        }
    }

    @Test func dashboardTotalsStayFiniteAndTheChartRenders() {
        for value in Self.hostileAmounts {
            let records = rows([value, .currency(1), .number(2)], stage: { _ in "Open" })
            let totals = DashboardComponent.totals(of: records, groupBy: "StageName", measure: "Amount")
            #expect(totals.values.allSatisfy { $0.isFinite }, "\(value)")
            let bars = totals.sorted { $0.key < $1.key }
            let html = Self.render(bars)
            #expect(html.contains("<svg") && html.contains("ck-chart-data"))
        }
        let all = DashboardComponent.totals(of: rows(Self.hostileAmounts), groupBy: "StageName", measure: "Amount")
        let bars = all.sorted { $0.key < $1.key }
        let html = Self.render(bars + [("nan", .nan), ("inf", .infinity), ("-inf", -.infinity)])
        #expect(!html.contains("nan\"") && !html.contains("inf\""))
    }

    static func render(_ bars: [(key: String, value: Double)]) -> String {
        let chart = Chart(id: "t", kind: .bar, title: "t", categories: bars.map(\.key),
                          series: [Chart.Series(name: "Amount", values: bars.map(\.value))], format: .currency(code: nil))
        return ChartRenderer(theme: .standard, formatter: LocaleFormatter(locale: "en_US")).render(chart).render()
    }

    @Test func pipelineTotalsSkipNaNAndReportOverflowAsUnknown() {
        #expect(DealPipelineComponent.total([.nan, 5, 7]) == 12)
        #expect(DealPipelineComponent.total([Decimal(-1e30), Decimal(string: "0.01") ?? 0]) != nil)
        #expect(DealPipelineComponent.total([.greatestFiniteMagnitude, .greatestFiniteMagnitude]) == nil)
        #expect(DealPipelineComponent.total([]) == 0)
    }
}
