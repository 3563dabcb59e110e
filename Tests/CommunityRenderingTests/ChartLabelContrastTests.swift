import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// A bar's value label drawn over the bar reads against the bar: light on a dark bar, dark on a
/// light one, for plain and stacked bars; and the stylesheet does not repaint it.
@Suite struct ChartLabelContrastTests {
    /// The `fill` and text of every `<text>` that has its own fill.
    static func filledLabels(_ svg: String) -> [(fill: String, text: String)] {
        svg.matches(of: #/<text [^>]*fill="(#[0-9a-f]{6})"[^>]*>([^<]*)</text>/#).map { (String($0.output.1), String($0.output.2)) }
    }

    static func bars(_ kind: Chart.Kind, values: [Double]) -> Chart {
        Chart(id: "deals", kind: kind, title: "Pipeline by stage", categories: values.indices.map { "Stage \($0)" }, categoryLabel: "Stage",
              series: [Chart.Series(name: "Amount", values: values)], format: .currency(code: "USD"))
    }

    static func theme(primary: String, onPrimary: String) throws -> Theme {
        var theme = Theme.partner
        theme.primary = try #require(ThemeColor(hex: primary))
        theme.onPrimary = try #require(ThemeColor(hex: onPrimary))
        return theme
    }

    /// The largest bar fills the plot, so its value cannot go beside it and is drawn on it.
    @Test(arguments: [("#114f33", "#ffffff"), ("#1b1f24", "#ffffff"), ("#ffd33d", "#1b1f24"), ("#e6f0ff", "#0b5cab"),
                      // A theme whose onPrimary is wrong for its primary: the label must still read.
                      ("#1b1f24", "#24292f"), ("#fff8c5", "#ffffff")])
    func theLabelOnABarContrastsWithTheBar(primary: String, onPrimary: String) throws {
        let theme = try Self.theme(primary: primary, onPrimary: onPrimary)
        let svg = ChartRenderer(theme: theme, formatter: LocaleFormatter(locale: "en_US")).render(Self.bars(.bar, values: [48_000, 1_000])).render()
        let onBar = try #require(Self.filledLabels(svg).first { $0.text.contains("48,000") }, "no value label on the bar")
        let label = try #require(ThemeColor(hex: onBar.fill))
        #expect(label.contrast(with: theme.primary) >= 4.5, "\(onBar.fill) on \(primary): \(label.contrast(with: theme.primary))")
        // The short bar's value stays beside it, in the page's text colour (no fill of its own).
        #expect(!Self.filledLabels(svg).contains { $0.text.contains("1,000") })
    }

    @Test func aStackedBarsLabelReadsOnEverySegmentUnderIt() throws {
        let theme = try Self.theme(primary: "#114f33", onPrimary: "#ffffff")
        let renderer = ChartRenderer(theme: theme, formatter: LocaleFormatter(locale: "en_US"))
        let chart = Chart(id: "s", kind: .stackedBar, title: "Stacked", categories: ["Proposal"], categoryLabel: "Stage",
                          series: [Chart.Series(name: "A", values: [10_000]), Chart.Series(name: "B", values: [90_000])], format: .currency(code: "USD"))
        let svg = renderer.render(chart).render()
        let onBar = try #require(Self.filledLabels(svg).first { $0.text.contains("100,000") })
        let label = try #require(ThemeColor(hex: onBar.fill))
        // The label sits at the end of the bar, over the second series' colour.
        let under = try #require(ThemeColor(hex: renderer.color(1)))
        #expect(label.contrast(with: under) >= 4.5)
    }

    @Test func withoutBarsTheLabelColourIsTheText() {
        let renderer = ChartRenderer(theme: .partner, formatter: LocaleFormatter(locale: "en_US"))
        #expect(renderer.labelColor(over: []) == Theme.partner.text.description)
        #expect(renderer.labelColor(over: ["not a colour"]) == Theme.partner.text.description)
    }

    @Test func theStylesheetLeavesAnExplicitLabelColourAlone() {
        let css = Stylesheet.css(for: .partner) + Stylesheet.forms
        #expect(!css.contains("svg.ck-chart text{"))
        #expect(css.contains("svg.ck-chart text:not([fill]){fill:var(--ck-text)}"))
    }
}
