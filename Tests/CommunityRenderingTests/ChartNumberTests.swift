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
            let html = DashboardComponent.chart(title: "t", bars: bars).render() + DashboardComponent.table(bars).render()
            #expect(html.contains("<svg"))
        }
        let all = DashboardComponent.totals(of: rows(Self.hostileAmounts), groupBy: "StageName", measure: "Amount")
        let bars = all.sorted { $0.key < $1.key }
        _ = DashboardComponent.chart(title: "t", bars: bars + [("nan", .nan), ("inf", .infinity), ("-inf", -.infinity)]).render()
    }

    @Test func barWidthsAndLabelsNeverTrap() {
        let values: [Double] = [.nan, .infinity, -.infinity, -1e30, 1e30, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0, 1, 1e-300]
        for value in values {
            for scale in values {
                let width = DashboardComponent.barWidth(value, scale: scale, maximumWidth: 200)
                #expect((1...200).contains(width))
            }
            _ = DashboardComponent.format(value)
        }
        #expect(DashboardComponent.barWidth(50, scale: 100, maximumWidth: 200) == 100)
        #expect(DashboardComponent.barWidth(1e30, scale: 1e30, maximumWidth: 200) == 200)
        #expect(DashboardComponent.format(.nan) == "—")
        #expect(DashboardComponent.format(1e30) == String(format: "%.2f", 1e30))
        #expect(DashboardComponent.format(42) == "42")
    }

    @Test func pipelineTotalsSkipNaNAndReportOverflowAsUnknown() {
        #expect(DealPipelineComponent.total([.nan, 5, 7]) == 12)
        #expect(DealPipelineComponent.total([Decimal(-1e30), Decimal(string: "0.01") ?? 0]) != nil)
        #expect(DealPipelineComponent.total([.greatestFiniteMagnitude, .greatestFiniteMagnitude]) == nil)
        #expect(DealPipelineComponent.total([]) == 0)
    }
}
