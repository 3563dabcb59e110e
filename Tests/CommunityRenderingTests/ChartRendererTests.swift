import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// Charts: sized SVG with a view box, readable text inside it, an accessible name, the data as a
/// table, every kind, and values nobody validated.
@Suite struct ChartRendererTests {
    static let renderer = ChartRenderer(theme: .partner, formatter: LocaleFormatter(locale: "en_US"))

    static func chart(_ kind: Chart.Kind, values: [Double] = [48_000, 22_000, 35_000], categories: [String]? = nil) -> Chart {
        Chart(id: "pipe line!", kind: kind, title: "Pipeline by stage", summary: "Amount per stage",
              categories: categories ?? ["Proposal", "Qualification", "Negotiation"].prefix(values.count).map { $0 },
              categoryLabel: "Stage", series: [
                  Chart.Series(name: "Amount", values: values), Chart.Series(name: "Weighted", values: values.map { $0 / 2 }),
              ], format: .currency(code: nil))
    }

    /// Each `<text>`: position, anchor, size and content.
    struct Label { var x: Double, y: Double, anchor: String, size: Double, text: String }

    static func labels(_ svg: String) -> [Label] {
        let pattern = #/<text x="([-0-9.]+)" y="([-0-9.]+)" font-size="([0-9.]+)"((?: [a-z-]+="[^"]*")*)>([^<]*)</text>/#
        return svg.matches(of: pattern).map { m in
            let extra = String(m.output.4)
            let anchor = extra.firstMatch(of: #/text-anchor="([a-z]+)"/#).map { String($0.output.1) } ?? "start"
            return Label(x: Double(m.output.1) ?? .nan, y: Double(m.output.2) ?? .nan, anchor: anchor, size: Double(m.output.3) ?? 0,
                         text: String(m.output.5).replacingOccurrences(of: "&amp;", with: "&"))
        }
    }

    static func viewBox(_ svg: String) -> (width: Double, height: Double)? {
        guard let m = svg.firstMatch(of: #/viewbox="0 0 ([0-9.]+) ([0-9.]+)"/#) else { return nil }
        return (Double(m.output.1) ?? 0, Double(m.output.2) ?? 0)
    }

    /// Every text lies inside the view box (by the renderer's own width estimate) and is readable.
    static func expectInside(_ html: String, _ note: String) {
        guard let box = viewBox(html) else {
            Issue.record("no view box: \(note)")
            return
        }
        let labels = labels(html)
        #expect(!labels.isEmpty, "\(note)")
        for label in labels {
            let width = ChartRenderer.textWidth(label.text, fontSize: label.size)
            let left = label.anchor == "start" ? label.x : label.anchor == "end" ? label.x - width : label.x - width / 2
            #expect(left >= -0.5 && left + width <= box.width + 0.5, "\(note): \(label.text) at \(label.x) overflows \(box.width)")
            #expect(label.y - label.size >= -0.5 && label.y <= box.height + 0.5, "\(note): \(label.text) at y \(label.y)")
            #expect(label.size >= ChartRenderer.minimumFontSize, "\(note): \(label.size)")
        }
    }

    @Test func aSingleFigureSaysItsValueInsteadOfATable() {
        let metric = Chart(id: "open", kind: .metric, title: "Open pipeline", categories: ["Sum of Amount"], categoryLabel: "Sum of Amount",
                           series: [Chart.Series(name: "Sum of Amount", values: [123_500])], format: .currency(code: nil))
        let html = Self.renderer.render(metric).render()
        #expect(!html.contains("<table"))
        #expect(html.contains(#"aria-labelledby="ck-chart-open-title ck-chart-open-desc""#))
        #expect(html.contains("<desc id=\"ck-chart-open-desc\">Sum of Amount: $123,500.00</desc>"))
        var gauge = metric
        gauge.kind = .gauge
        gauge.maximum = 250_000
        let dial = Self.renderer.render(gauge).render()
        #expect(!dial.contains("<table"))
        #expect(dial.contains("Sum of Amount: $123,500.00 · 49.4% · $250,000.00</desc>"))
        // An author's own summary stays the description.
        gauge.summary = "Against the yearly target"
        #expect(Self.renderer.render(gauge).render().contains(">Against the yearly target</desc>"))
    }

    @Test(arguments: Chart.Kind.allCases)
    func everyKindIsASizedAccessibleSVGWithItsDataTable(kind: Chart.Kind) throws {
        let html = Self.renderer.render(Self.chart(kind)).render()
        let box = try #require(Self.viewBox(html))
        #expect(box.width == ChartRenderer.width && box.height > 0)
        #expect(html.contains(#"width="320""#) && html.contains(#"height="\#(ChartRenderer.number(box.height))""#))
        #expect(html.contains(#"role="img""#))
        #expect(html.contains(#"aria-labelledby="ck-chart-pipeline-title ck-chart-pipeline-desc""#))
        #expect(html.contains(#"<title id="ck-chart-pipeline-title">Pipeline by stage</title>"#))
        #expect(html.contains(#"<desc id="ck-chart-pipeline-desc">Amount per stage</desc>"#))
        #expect(html.contains("<caption>Pipeline by stage</caption>"))
        for category in ["Proposal", "Qualification", "Negotiation"] { #expect(html.contains(#"<th scope="row">\#(category)</th>"#)) }
        #expect(html.contains("$48,000.00") && html.contains("$24,000.00"))
        #expect(html.contains("#0f5132"), "the theme's primary colour draws the first series")
        Self.expectInside(html, "\(kind)")
    }

    @Test func theBarChartHasACurrencyAxis() {
        let html = Self.renderer.render(Self.chart(.bar)).render()
        let texts = Self.labels(html).map(\.text)
        #expect(texts.contains("$0") && texts.contains("$48K"))
    }

    @Test(arguments: Chart.Kind.allCases)
    func hostileValuesNeverBreakTheDrawing(kind: Chart.Kind) {
        let values: [[Double]] = [
            [.nan, .infinity, -.infinity], [-48_000, 22_000, -1], [1e308, -1e308, 1e300], [.greatestFiniteMagnitude, 1, 0],
            [0, 0, 0], [], [-5, -7, -9],
        ]
        for set in values {
            let chart = Self.chart(kind, values: set, categories: ["A", "B", "C"])
            let html = Self.renderer.render(chart).render()
            #expect(!html.contains("nan\"") && !html.contains("inf\"") && !html.contains("=\"-nan"), "\(kind) \(set)")
            #expect(!html.contains(#"width="-"#) && !html.contains(#"height="-"#), "\(kind) \(set)")
            Self.expectInside(html, "\(kind) \(set)")
        }
    }

    @Test(arguments: Chart.Kind.allCases)
    func longAndWideLabelsAreShortenedToFit(kind: Chart.Kind) {
        let long = String(repeating: "Negotiation and review ", count: 8)
        let chart = Self.chart(kind, values: [1_234_567_890_123, 5, 7], categories: [long, "한빛 소프트 주식회사 파트너 계약 갱신 협상 단계 최종 검토", "Ω"])
        let html = ChartRenderer(theme: .standard, formatter: LocaleFormatter(locale: "ko_KR")).render(chart).render()
        Self.expectInside(html, "\(kind)")
        #expect(html.contains("…"))
        #expect(html.contains(long), "the table keeps the full label")
    }

    @Test func manyCategoriesAreCappedInTheDrawingButListedInTheTable() {
        let categories = (0..<60).map { "Month \($0)" }
        let chart = Chart(id: "m", kind: .line, title: "Trend", categories: categories,
                          series: [Chart.Series(name: "Leads", values: (0..<60).map(Double.init))])
        let html = Self.renderer.render(chart).render()
        #expect(html.contains("<th scope=\"row\">Month 59</th>"))
        #expect(Self.labels(html).filter { $0.text.hasPrefix("Month") }.count <= ChartRenderer.maximumCategories)
        Self.expectInside(html, "line")
    }

    @Test func textIsEscapedAndIDsAreSanitized() {
        let chart = Chart(id: "\"><script>", kind: .metric, title: "<b>Total</b>", categories: ["<i>x</i>"],
                          series: [Chart.Series(name: "n", values: [3])])
        let html = Self.renderer.render(chart).render()
        #expect(!html.contains("<script>") && !html.contains("<b>") && html.contains("&lt;b&gt;Total"))
        #expect(html.contains(#"id="ck-chart-script-title""#))
    }

    @Test func germanAndKoreanAxesUseTheirFormats() {
        let german = ChartRenderer(theme: .standard, formatter: LocaleFormatter(locale: "de_DE")).render(Self.chart(.bar)).render()
        #expect(german.contains("48.000,00\u{A0}$"))
        let korean = ChartRenderer(theme: .standard, formatter: LocaleFormatter(locale: "ko_KR")).render(Self.chart(.bar)).render()
        #expect(korean.contains("US$48,000.00"))
    }
}
