public import CommunityModel
import Foundation

/// Draws a ``Chart`` as inline SVG with a fixed `viewbox`, intrinsic width and height (so it
/// never stretches) and text no smaller than ``minimumFontSize`` units, in the theme's colours,
/// inside a `figure` with the data as a table next to it. The SVG has `role="img"` and is named
/// by its `title` and `desc`; every text element is placed and shortened to stay inside the
/// view box, whatever the values (NaN, negative, huge).
public struct ChartRenderer: Sendable {
    /// The theme whose colours draw the chart.
    public let theme: Theme
    /// Formats values in the viewer's locale.
    public let formatter: LocaleFormatter

    /// The view box width in SVG units; the drawing scales down with its container. About the
    /// width of a phone's content column (311 px at 375), so text keeps its size there.
    public static let width: Double = 320
    /// The smallest font size any text uses, in SVG units.
    public static let minimumFontSize: Double = 13
    /// The most categories drawn (the table lists them all).
    public static let maximumCategories = 24

    static let fontSize: Double = 14
    static let padding: Double = 8

    /// A renderer.
    public init(theme: Theme, formatter: LocaleFormatter) {
        self.theme = theme
        self.formatter = formatter
    }

    /// The chart's figure: the SVG and its data table.
    public func render(_ chart: Chart) -> HTMLNode { render(chart, dataTable: true) }

    /// The chart's figure; without its data table when `dataTable` is false, for a caller that
    /// shows the same numbers (and more) in a table of its own right after the figure, such as a
    /// report with its result table.
    public func render(_ chart: Chart, dataTable: Bool) -> HTMLNode {
        let id = Self.safeID(chart.id)
        let drawing: Drawing
        switch chart.kind {
        case .bar: drawing = bars(chart, stacked: false)
        case .stackedBar: drawing = bars(chart, stacked: true)
        case .line: drawing = line(chart)
        case .donut: drawing = donut(chart)
        case .metric: drawing = metric(chart)
        case .gauge: drawing = gauge(chart)
        }
        var svgChildren: [HTMLNode] = [.el("title", [HTMLAttribute("id", id + "-title")], text: chart.title)]
        var labelledBy = id + "-title"
        // A single figure needs no table: its value (and a gauge's share of its maximum) is the
        // image's description, read with its title. With more categories or series than the one
        // it draws, the table keeps the rest.
        let single = (chart.kind == .metric || chart.kind == .gauge) && chart.categories.count <= 1 && chart.series.count <= 1
        let description = chart.summary.isEmpty && single ? valueDescription(chart) : chart.summary
        if !description.isEmpty {
            svgChildren.append(.el("desc", [HTMLAttribute("id", id + "-desc")], text: description))
            labelledBy += " " + id + "-desc"
        }
        svgChildren += drawing.nodes
        let height = Self.number(max(drawing.height, 40))
        let svg = HTMLNode.el("svg", [
            HTMLAttribute("xmlns", "http://www.w3.org/2000/svg"), HTMLAttribute("viewbox", "0 0 \(Self.number(Self.width)) \(height)"),
            HTMLAttribute("width", Self.number(Self.width)), HTMLAttribute("height", height), HTMLAttribute("role", "img"),
            HTMLAttribute("aria-labelledby", labelledBy), .class("ck-chart ck-chart-\(chart.kind.rawValue)"),
            HTMLAttribute("font-size", Self.number(Self.fontSize)), HTMLAttribute("fill", theme.text.description),
        ], svgChildren)
        return .el("figure", [.class("ck-chart-figure")], dataTable && !single ? [svg, table(chart)] : [svg])
    }

    /// A metric's or gauge's value in words for its description: "Sum of Amount: $123,500.00",
    /// and for a gauge also its share of the maximum ("49.4% of $250,000.00").
    func valueDescription(_ chart: Chart) -> String {
        let raw = value(chart, series: 0, category: 0)
        let name = chart.categories.first ?? chart.series.first?.name ?? ""
        var words = (name.isEmpty ? "" : name + ": ") + text(raw, format: chart.format)
        if chart.kind == .gauge {
            let scale = Self.clean(chart.maximum ?? 0) > 0 ? Self.clean(chart.maximum ?? 0) : max(raw, 1)
            words += " · " + formatter.percent(min(max(raw / scale, 0), 1)) + " · " + text(scale, format: chart.format)
        }
        return words
    }

    // MARK: Values

    /// A value made safe to draw: NaN and infinite become zero, magnitudes above 10³⁰⁰ are clamped.
    static func clean(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return min(max(value, -1e300), 1e300)
    }

    func value(_ chart: Chart, series: Int, category: Int) -> Double {
        guard chart.series.indices.contains(series), chart.series[series].values.indices.contains(category) else { return 0 }
        return Self.clean(chart.series[series].values[category])
    }

    /// A value as the chart's format reads it.
    public func text(_ value: Double, format: Chart.ValueFormat, compact: Bool = false) -> String {
        guard value.isFinite else { return LocaleFormatter.unknown }
        switch format {
        case .number: return compact ? formatter.compactNumber(value) : formatter.number(value)
        case .percent: return formatter.percent(value)
        case .currency(let code):
            // Decimal holds about 38 digits; amounts this large read better short anyway.
            if compact || abs(value) >= 1e15 { return formatter.compactCurrency(value, code: code) }
            return formatter.currency(Decimal(value), code: code)
        }
    }

    // MARK: Text geometry

    /// An upper estimate of a text's width at a font size: wide (CJK, Hangul) characters count a
    /// full em, others 0.62 em.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { ems += 0.3 } else { ems += scalar.value >= 0x1100 ? 1.0 : 0.62 }
        }
        return ems * fontSize
    }

    /// The text shortened with an ellipsis to fit `width` at `fontSize`.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        guard textWidth(text, fontSize: fontSize) > width else { return text }
        var out = ""
        for character in text {
            let next = out + String(character)
            if textWidth(next + "…", fontSize: fontSize) > width { break }
            out = next
        }
        return out.isEmpty ? "" : out + "…"
    }

    /// A text element at a point; `anchor` is `start`, `middle` or `end`.
    static func label(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = fontSize, fill: String? = nil,
                      weight: String? = nil) -> HTMLNode {
        var attributes = [HTMLAttribute("x", number(x)), HTMLAttribute("y", number(y)), HTMLAttribute("font-size", number(size))]
        if anchor != "start" { attributes.append(HTMLAttribute("text-anchor", anchor)) }
        if let fill { attributes.append(HTMLAttribute("fill", fill)) }
        if let weight { attributes.append(HTMLAttribute("font-weight", weight)) }
        return .el("text", attributes, text: text)
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> HTMLNode {
        .el("rect", [HTMLAttribute("x", number(x)), HTMLAttribute("y", number(y)), HTMLAttribute("width", number(max(width, 0))),
                     HTMLAttribute("height", number(max(height, 0))), HTMLAttribute("fill", fill)])
    }

    /// A coordinate with at most one decimal, never `nan` or `inf`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), let whole = Int(exactly: rounded) { return String(whole) }
        return String(format: "%.1f", rounded)
    }

    static func safeID(_ id: String) -> String {
        let kept = String(id.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }.map(Character.init))
        return "ck-chart-" + (kept.isEmpty ? "x" : String(kept.prefix(40)))
    }

    /// The colour of the n-th series or slice: the theme's primary, then a fixed palette that
    /// stays readable on white.
    func color(_ index: Int) -> String {
        let palette = [theme.primary.description, "#b35900", "#1a7f37", "#8250df", "#bf3989", "#0a7ea4", "#6e7781"]
        return palette[((index % palette.count) + palette.count) % palette.count]
    }

    /// The colour for text drawn over bars of the given colours: the theme's `onPrimary` when it
    /// reaches 4.5:1 against every one of them, otherwise whichever of `onPrimary`, `text`,
    /// `background`, white and black contrasts best with the least contrasting bar, so a value
    /// never reads dark on a dark bar (or light on a light one).
    func labelColor(over fills: [String]) -> String {
        let bars = fills.compactMap(ThemeColor.init(hex:))
        guard !bars.isEmpty else { return theme.text.description }
        func worst(_ candidate: ThemeColor) -> Double { bars.map { $0.contrast(with: candidate) }.min() ?? 0 }
        if worst(theme.onPrimary) >= 4.5 { return theme.onPrimary.description }
        let candidates = [theme.onPrimary, theme.text, theme.background, ThemeColor("#ffffff"), ThemeColor("#000000")]
        return (candidates.max { worst($0) < worst($1) } ?? theme.text).description
    }

    // MARK: Kinds

    struct Drawing {
        var nodes: [HTMLNode]
        var height: Double
    }

    /// A legend of coloured squares and names, wrapped into lines that fit the width.
    func legend(_ names: [String], top: Double) -> Drawing {
        var nodes: [HTMLNode] = []
        var x = Self.padding, y = top
        let size = Self.minimumFontSize
        for (i, name) in names.enumerated() {
            let text = Self.fit(name, width: Self.width - 2 * Self.padding - 18, fontSize: size)
            let itemWidth = 18 + Self.textWidth(text, fontSize: size) + 12
            if x > Self.padding, x + itemWidth > Self.width - Self.padding {
                x = Self.padding
                y += 20
            }
            nodes.append(Self.rect(x: x, y: y + 2, width: 12, height: 12, fill: color(i)))
            nodes.append(Self.label(text, x: x + 18, y: y + 13, size: size))
            x += itemWidth
        }
        return Drawing(nodes: nodes, height: names.isEmpty ? top : y + 24)
    }

    func bars(_ chart: Chart, stacked: Bool) -> Drawing {
        let count = min(chart.categories.count, Self.maximumCategories)
        let seriesCount = stacked ? max(chart.series.count, 1) : 1
        var totals: [Double] = []
        for c in 0..<count {
            if stacked {
                totals.append((0..<seriesCount).reduce(0) { Self.clean($0 + max(value(chart, series: $1, category: c), 0)) })
            } else {
                totals.append(value(chart, series: 0, category: c))
            }
        }
        let low = min(totals.min() ?? 0, 0), high = max(totals.max() ?? 0, 0)
        let span = Self.clean(high - low) > 0 ? Self.clean(high / 2 - low / 2) * 2 : 1
        let left = Self.padding, right = Self.width - Self.padding
        let plot = right - left
        func x(_ v: Double) -> Double {
            let fraction = (Self.clean(v) / 2 - low / 2) * 2 / span
            return left + (fraction.isFinite ? min(max(fraction, 0), 1) : 0) * plot
        }
        var nodes: [HTMLNode] = []
        var top = Self.padding
        if stacked, chart.series.count > 1 {
            let legend = legend(chart.series.map(\.name), top: top)
            nodes += legend.nodes
            top = legend.height + 4
        }
        let rowHeight = 46.0
        for c in 0..<count {
            let y = top + Double(c) * rowHeight
            nodes.append(Self.label(Self.fit(chart.categories[c], width: plot, fontSize: Self.fontSize), x: left, y: y + 14))
            let barY = y + 20, barHeight = 18.0
            // Each drawn segment's span and colour, to colour a value label drawn over them.
            var segments: [(from: Double, to: Double, fill: String)] = []
            if stacked {
                var start = 0.0
                for s in 0..<seriesCount {
                    let v = max(value(chart, series: s, category: c), 0)
                    let end = Self.clean(start + v)
                    nodes.append(Self.rect(x: x(start), y: barY, width: x(end) - x(start), height: barHeight, fill: color(s)))
                    if x(end) > x(start) { segments.append((x(start), x(end), color(s))) }
                    start = end
                }
            } else {
                let v = totals[c]
                let from = x(min(v, 0)), to = x(max(v, 0))
                nodes.append(Self.rect(x: from, y: barY, width: max(to - from, v == 0 ? 0 : 1), height: barHeight, fill: color(0)))
                segments.append((from, to, color(0)))
            }
            let valueText = text(totals[c], format: chart.format)
            let size = Self.minimumFontSize
            let valueWidth = Self.textWidth(valueText, fontSize: size)
            let end = x(max(totals[c], 0))
            if end + 6 + valueWidth <= right {
                nodes.append(Self.label(valueText, x: end + 6, y: barY + 14, size: size))
            } else {
                let fitted = Self.fit(valueText, width: max(end - left - 6, 0), fontSize: size)
                let labelEnd = max(end - 6, left), labelStart = labelEnd - Self.textWidth(fitted, fontSize: size)
                let under = segments.filter { $0.to > labelStart && $0.from < labelEnd }.map(\.fill)
                nodes.append(Self.label(fitted, x: labelEnd, y: barY + 14, anchor: "end", size: size,
                                        fill: labelColor(over: under), weight: "600"))
            }
        }
        var height = top + Double(count) * rowHeight
        // The value axis: zero, the middle and the largest value, inside the edges.
        nodes.append(.el("line", [HTMLAttribute("x1", Self.number(left)), HTMLAttribute("x2", Self.number(right)),
                                  HTMLAttribute("y1", Self.number(height)), HTMLAttribute("y2", Self.number(height)),
                                  HTMLAttribute("stroke", "#6e7781"), HTMLAttribute("stroke-width", "1")]))
        let ticks: [(Double, String)] = [(low, "start"), ((low + high) / 2, "middle"), (high, "end")]
        for (v, anchor) in ticks {
            let tick = Self.fit(text(v, format: chart.format, compact: true), width: plot / 3, fontSize: Self.minimumFontSize)
            nodes.append(Self.label(tick, x: anchor == "start" ? left : anchor == "end" ? right : x(v), y: height + 18,
                                    anchor: anchor, size: Self.minimumFontSize))
        }
        height += 26
        return Drawing(nodes: nodes, height: height)
    }

    func line(_ chart: Chart) -> Drawing {
        let count = min(chart.categories.count, Self.maximumCategories)
        var nodes: [HTMLNode] = []
        var top = Self.padding
        if chart.series.count > 1 {
            let legend = legend(chart.series.map(\.name), top: top)
            nodes += legend.nodes
            top = legend.height + 4
        }
        let all = chart.series.indices.flatMap { s in (0..<count).map { value(chart, series: s, category: $0) } }
        let low = min(all.min() ?? 0, 0), high = max(all.max() ?? 0, 0)
        let span = Self.clean(high - low) > 0 ? Self.clean(high / 2 - low / 2) * 2 : 1
        let ticks = [high, (low + high) / 2, low].map { ($0, text($0, format: chart.format, compact: true)) }
        let axisWidth = min(ticks.map { Self.textWidth($0.1, fontSize: Self.minimumFontSize) }.max() ?? 0, Self.width / 3)
        let left = Self.padding + axisWidth + 6, right = Self.width - Self.padding
        let plotTop = top + 8, plotHeight = 180.0
        func y(_ v: Double) -> Double {
            let fraction = (Self.clean(v) / 2 - low / 2) * 2 / span
            return plotTop + plotHeight - (fraction.isFinite ? min(max(fraction, 0), 1) : 0) * plotHeight
        }
        func x(_ c: Int) -> Double { count <= 1 ? (left + right) / 2 : left + Double(c) * (right - left) / Double(count - 1) }
        for (v, label) in ticks {
            nodes.append(.el("line", [HTMLAttribute("x1", Self.number(left)), HTMLAttribute("x2", Self.number(right)),
                                      HTMLAttribute("y1", Self.number(y(v))), HTMLAttribute("y2", Self.number(y(v))),
                                      HTMLAttribute("stroke", "#d0d7de"), HTMLAttribute("stroke-width", "1")]))
            nodes.append(Self.label(Self.fit(label, width: axisWidth, fontSize: Self.minimumFontSize), x: left - 6, y: y(v) + 4,
                                    anchor: "end", size: Self.minimumFontSize))
        }
        for s in chart.series.indices {
            let points = (0..<count).map { "\(Self.number(x($0))),\(Self.number(y(value(chart, series: s, category: $0))))" }
            nodes.append(.el("polyline", [HTMLAttribute("points", points.joined(separator: " ")), HTMLAttribute("fill", "none"),
                                          HTMLAttribute("stroke", color(s)), HTMLAttribute("stroke-width", "2.5")]))
            for c in 0..<count {
                nodes.append(.el("circle", [HTMLAttribute("cx", Self.number(x(c))), HTMLAttribute("cy", Self.number(y(value(chart, series: s, category: c)))),
                                            HTMLAttribute("r", "3.5"), HTMLAttribute("fill", color(s))]))
            }
        }
        // Category labels: as many as fit, each shortened to its share of the width.
        let slot = count <= 1 ? right - left : (right - left) / Double(count - 1)
        let ratio = (70 / max(slot, 1)).rounded(.up)
        let step = max(1, ratio.isFinite && ratio <= 1000 ? Int(exactly: ratio) ?? 1 : 1)
        let baseline = plotTop + plotHeight + 20
        for c in stride(from: 0, to: count, by: step) {
            let anchor = count <= 1 ? "middle" : c == 0 ? "start" : c == count - 1 ? "end" : "middle"
            let width = min(slot * Double(step), right - left) - 4
            let label = Self.fit(chart.categories[c], width: anchor == "middle" ? width : width / 2 + 20, fontSize: Self.minimumFontSize)
            nodes.append(Self.label(label, x: x(c), y: baseline, anchor: anchor, size: Self.minimumFontSize))
        }
        return Drawing(nodes: nodes, height: baseline + 10)
    }

    func donut(_ chart: Chart) -> Drawing {
        let count = min(chart.categories.count, Self.maximumCategories)
        let values = (0..<count).map { max(value(chart, series: 0, category: $0), 0) }
        let total = values.reduce(0) { Self.clean($0 + $1) }
        let radius = 70.0, stroke = 28.0, cx = Self.width / 2, cy = Self.padding + radius + stroke / 2
        let circumference = 2 * Double.pi * radius
        var nodes: [HTMLNode] = [
            .el("circle", [HTMLAttribute("cx", Self.number(cx)), HTMLAttribute("cy", Self.number(cy)), HTMLAttribute("r", Self.number(radius)),
                           HTMLAttribute("fill", "none"), HTMLAttribute("stroke", "#eaeef2"), HTMLAttribute("stroke-width", Self.number(stroke))]),
        ]
        var offset = 0.0
        if total > 0 {
            for (i, v) in values.enumerated() where v > 0 {
                let length = v / total * circumference
                guard length.isFinite else { continue }
                nodes.append(.el("circle", [
                    HTMLAttribute("cx", Self.number(cx)), HTMLAttribute("cy", Self.number(cy)), HTMLAttribute("r", Self.number(radius)),
                    HTMLAttribute("fill", "none"), HTMLAttribute("stroke", color(i)), HTMLAttribute("stroke-width", Self.number(stroke)),
                    HTMLAttribute("stroke-dasharray", "\(Self.number(length)) \(Self.number(circumference - length))"),
                    HTMLAttribute("stroke-dashoffset", Self.number(-offset)), HTMLAttribute("transform", "rotate(-90 \(Self.number(cx)) \(Self.number(cy)))"),
                ]))
                offset += length
            }
        }
        let centre = Self.fit(text(total, format: chart.format, compact: true), width: 2 * (radius - stroke / 2) - 8, fontSize: 16)
        nodes.append(Self.label(centre, x: cx, y: cy + 6, anchor: "middle", size: 16, weight: "600"))
        let legend = legend((0..<count).map { c in
            let share = total > 0 ? values[c] / total : 0
            return "\(chart.categories[c]) (\(formatter.percent(share)))"
        }, top: cy + radius + stroke / 2 + 12)
        nodes += legend.nodes
        return Drawing(nodes: nodes, height: legend.height)
    }

    func metric(_ chart: Chart) -> Drawing {
        let rawText = chart.series.first?.values.first.map { text($0, format: chart.format) } ?? LocaleFormatter.unknown
        let available = Self.width - 2 * Self.padding
        var size = 40.0
        while size > 20, Self.textWidth(rawText, fontSize: size) > available { size -= 2 }
        let shown = Self.fit(rawText, width: available, fontSize: size)
        var nodes = [Self.label(shown, x: Self.width / 2, y: Self.padding + size, anchor: "middle", size: size, fill: color(0), weight: "700")]
        let caption = Self.fit(chart.categories.first ?? chart.series.first?.name ?? "", width: available, fontSize: Self.fontSize)
        nodes.append(Self.label(caption, x: Self.width / 2, y: Self.padding + size + 24, anchor: "middle"))
        return Drawing(nodes: nodes, height: Self.padding + size + 36)
    }

    /// A half ring filled in proportion to the value's share of the maximum (clamped to 0…1),
    /// with the value in the middle and "of <maximum>" under it.
    func gauge(_ chart: Chart) -> Drawing {
        let raw = value(chart, series: 0, category: 0)
        let scale = Self.clean(chart.maximum ?? 0) > 0 ? Self.clean(chart.maximum ?? 0) : max(raw, 1)
        let fraction = min(max(raw / scale, 0), 1)
        let radius = 90.0, stroke = 24.0, cx = Self.width / 2, cy = Self.padding + radius + stroke / 2
        let arc = "M \(Self.number(cx - radius)) \(Self.number(cy)) A \(Self.number(radius)) \(Self.number(radius)) 0 0 1 \(Self.number(cx + radius)) \(Self.number(cy))"
        let length = Double.pi * radius
        var nodes: [HTMLNode] = [
            .el("path", [HTMLAttribute("d", arc), HTMLAttribute("fill", "none"), HTMLAttribute("stroke", "#eaeef2"),
                         HTMLAttribute("stroke-width", Self.number(stroke))]),
        ]
        if fraction > 0 {
            nodes.append(.el("path", [
                HTMLAttribute("d", arc), HTMLAttribute("fill", "none"), HTMLAttribute("stroke", color(0)), HTMLAttribute("stroke-width", Self.number(stroke)),
                HTMLAttribute("stroke-dasharray", "\(Self.number(fraction * length)) \(Self.number(length))"),
            ]))
        }
        let shown = Self.fit(text(raw, format: chart.format, compact: true), width: 2 * (radius - stroke / 2) - 8, fontSize: 22)
        nodes.append(Self.label(shown, x: cx, y: cy - 8, anchor: "middle", size: 22, weight: "700"))
        let share = Self.fit("\(formatter.percent(fraction)) · \(text(scale, format: chart.format, compact: true))", width: Self.width - 2 * Self.padding,
                             fontSize: Self.fontSize)
        nodes.append(Self.label(share, x: cx, y: cy + 24, anchor: "middle"))
        let caption = Self.fit(chart.categories.first ?? chart.series.first?.name ?? "", width: Self.width - 2 * Self.padding, fontSize: Self.fontSize)
        nodes.append(Self.label(caption, x: cx, y: cy + 44, anchor: "middle"))
        return Drawing(nodes: nodes, height: cy + 56)
    }

    // MARK: Table

    /// The data as a table: one row per category, one column per series, every value in full.
    func table(_ chart: Chart) -> HTMLNode {
        let header: [HTMLNode] = [.el("th", [HTMLAttribute("scope", "col")], text: chart.categoryLabel)]
            + chart.series.map { .el("th", [HTMLAttribute("scope", "col"), .class("ck-num")], text: $0.name) }
        let rows: [HTMLNode] = chart.categories.indices.map { c in
            .el("tr", [], [.el("th", [HTMLAttribute("scope", "row")], text: chart.categories[c])] + chart.series.map { series in
                let raw = series.values.indices.contains(c) ? series.values[c] : 0
                return .el("td", [.class("ck-num")], text: text(raw, format: chart.format))
            })
        }
        return Markup.scrollable(.el("table", [.class("ck-chart-data")], [
            .el("caption", text: chart.title), .el("thead", [], [.el("tr", [], header)]), .el("tbody", [], rows),
        ]), label: chart.title)
    }
}
