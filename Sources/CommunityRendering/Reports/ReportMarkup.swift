import CommunityModel
import CommunityAnalytics
import Foundation

/// How report results read on a page: field labels (`Account › Partner tier` for a related
/// field), group keys as picklist labels, periods and amounts in the viewer's locale, the
/// result as a chart (``ChartRenderer``) and as a table.
struct ReportMarkup {
    let context: RenderContext

    var presenter: RecordPresenter { context.presenter }
    var schemas: SchemaCatalog { presenter.presentation.schemas }

    // MARK: Labels

    func fieldLabel(_ path: String, object: EntityType) -> String {
        guard let field = try? ReportField.resolve(path, object: object, schemas: schemas) else { return path }
        guard let related = field.related else { return presenter.label(of: path, object: object) }
        return presenter.label(of: field.base, object: object) + " › " + presenter.label(of: related.field, object: related.object)
    }

    func valueText(_ value: FieldValue, path: String, object: EntityType) -> String {
        if let field = try? ReportField.resolve(path, object: object, schemas: schemas), let related = field.related {
            return presenter.text(value, field: related.field, object: related.object)
        }
        return presenter.text(value, field: path, object: object)
    }

    func keyLabel(_ key: ReportKey, path: String, object: EntityType) -> String {
        switch key {
        case .empty: return "—"
        case .period: return key.description
        case .value(let value): return valueText(value, path: path, object: object)
        }
    }

    func summaryLabel(_ summary: ReportSummary, object: EntityType) -> String {
        guard summary.function != .count else { return context.text("report.summary.count") }
        return context.text(UIStringKey("report.summary." + summary.function.rawValue), ["field": fieldLabel(summary.field, object: object)])
    }

    func fieldType(_ path: String, object: EntityType) -> FieldType? {
        (try? ReportField.resolve(path, object: object, schemas: schemas))?.type
    }

    func format(of summary: ReportSummary, object: EntityType) -> Chart.ValueFormat {
        guard summary.function != .count, summary.function != .uniqueCount, case .currency? = fieldType(summary.field, object: object) else { return .number }
        return .currency(code: nil)
    }

    func summaryText(_ value: Double?, _ summary: ReportSummary, object: EntityType) -> String {
        guard let value, value.isFinite else { return "—" }
        if summary.function == .minimum || summary.function == .maximum {
            switch fieldType(summary.field, object: object) {
            case .date?:
                guard let n = Int(exactly: value.rounded()), abs(n) < 3_000_000 else { return "—" }
                let c = DayNumber.civil(n)
                guard let day = try? Day(year: c.year, month: c.month, day: c.day) else { return "—" }
                return presenter.formatter.date(day)
            case .dateTime?: return presenter.formatter.dateTime(Date(timeIntervalSince1970: value))
            default: break
            }
        }
        return context.chartRenderer.text(value, format: format(of: summary, object: object))
    }

    // MARK: Charts

    /// The summaries a result draws: its own, or the record count when it has none.
    static func summaries(_ definition: ReportDefinition) -> [ReportSummary] {
        definition.summaries.isEmpty ? [.count] : definition.summaries
    }

    static func value(_ aggregates: ReportAggregates, _ index: Int, _ definition: ReportDefinition) -> Double {
        guard !definition.summaries.isEmpty else { return Double(aggregates.count) }
        guard aggregates.values.indices.contains(index) else { return 0 }
        return aggregates.values[index] ?? 0
    }

    /// The result drawn as a chart of one summary, or as a table for ``DashboardTile/Kind/table``.
    /// With `dataTable` false the figure leaves out its own data table, because the caller shows
    /// ``table(_:caption:)`` right after it.
    func chart(_ result: ReportResult, kind: DashboardTile.Kind, summary requested: Int, title: String, id: String, maximum: Double? = nil,
               dataTable: Bool = true) -> HTMLNode {
        if kind == .table { return table(result, caption: title) }
        let definition = result.definition
        let object = definition.object
        let summaries = Self.summaries(definition)
        let index = summaries.indices.contains(requested) ? requested : summaries.count - 1
        let summary = summaries[index]
        let seriesName = summaryLabel(summary, object: object)
        let format = format(of: summary, object: object)
        let chartKind: Chart.Kind
        switch kind {
        case .metric: chartKind = .metric
        case .gauge: chartKind = .gauge
        case .bar, .table: chartKind = .bar
        case .stackedBar: chartKind = .stackedBar
        case .line: chartKind = .line
        case .donut: chartKind = .donut
        }
        if chartKind == .metric || chartKind == .gauge || result.groups.isEmpty {
            let value = Self.value(result.total, index, definition)
            return context.chartRenderer.render(Chart(id: id, kind: chartKind == .gauge ? .gauge : result.groups.isEmpty ? .metric : chartKind, title: title,
                                                      categories: [seriesName], categoryLabel: seriesName,
                                                      series: [Chart.Series(name: seriesName, values: [value])], format: format, maximum: maximum),
                                                dataTable: dataTable)
        }
        let first = definition.rowGroupings.first?.field ?? ""
        let categories = result.groups.map { keyLabel($0.key, path: first, object: object) }
        var series: [Chart.Series] = []
        if chartKind == .stackedBar, !result.columnKeys.isEmpty, let across = definition.columnGrouping {
            series = result.columnKeys.enumerated().map { c, key in
                Chart.Series(name: keyLabel(key, path: across.field, object: object),
                             values: result.groups.map { $0.columns.indices.contains(c) ? Self.value($0.columns[c], index, definition) : 0 })
            }
        } else if chartKind == .stackedBar, definition.rowGroupings.count == 2 {
            let second = definition.rowGroupings[1].field
            let keys = Array(Set(result.groups.flatMap { $0.children.map(\.key) })).sorted()
            series = keys.map { key in
                Chart.Series(name: keyLabel(key, path: second, object: object), values: result.groups.map { group in
                    group.children.first { $0.key == key }.map { Self.value($0.aggregates, index, definition) } ?? 0
                })
            }
        } else {
            series = [Chart.Series(name: seriesName, values: result.groups.map { Self.value($0.aggregates, index, definition) })]
        }
        return context.chartRenderer.render(Chart(id: id, kind: chartKind, title: title, categories: categories,
                                                  categoryLabel: fieldLabel(first, object: object), series: series, format: format),
                                            dataTable: dataTable)
    }

    // MARK: Tables

    /// The result as a table: detail rows for a tabular report; groups, subtotals and the grand
    /// total for a summary report; rows × columns with totals for a matrix.
    func table(_ result: ReportResult, caption: String) -> HTMLNode {
        let definition = result.definition
        let object = definition.object
        func th(_ text: String, scope: String = "col", numeric: Bool = false) -> HTMLNode {
            .el("th", [HTMLAttribute("scope", scope)] + (numeric ? [.class("ck-num")] : []), text: text)
        }
        func td(_ text: String, numeric: Bool = true) -> HTMLNode { .el("td", numeric ? [.class("ck-num")] : [], text: text) }
        var head: [HTMLNode] = []
        var body: [HTMLNode] = []
        let summaries = Self.summaries(definition)
        func cells(_ aggregates: ReportAggregates) -> [HTMLNode] {
            summaries.enumerated().map { s, summary in
                td(definition.summaries.isEmpty ? context.chartRenderer.text(Double(aggregates.count), format: .number)
                   : summaryText(aggregates.values.indices.contains(s) ? aggregates.values[s] : nil, summary, object: object))
            }
        }
        let levels = definition.rowGroupings
        let total = context.text("report.total")
        if levels.isEmpty, definition.columnGrouping == nil {
            if definition.columns.isEmpty {
                head = summaries.map { th(summaryLabel($0, object: object), numeric: true) }
                body = [.el("tr", [], cells(result.total))]
            } else {
                head = definition.columns.map { th(fieldLabel($0, object: object)) }
                body = result.rows.map { row in
                    .el("tr", [], zip(definition.columns, row).map { path, value in
                        td(value.map { valueText($0, path: path, object: object) } ?? "", numeric: false)
                    })
                }
            }
        } else if let across = definition.columnGrouping {
            let index = summaries.count > 1 ? 1 : 0
            let summary = summaries[index]
            func cell(_ a: ReportAggregates) -> HTMLNode {
                td(definition.summaries.isEmpty ? String(a.count) : summaryText(a.values.indices.contains(index) ? a.values[index] : nil, summary, object: object))
            }
            head = levels.map { th(fieldLabel($0.field, object: object)) }
                + result.columnKeys.map { th(keyLabel($0, path: across.field, object: object), numeric: true) } + [th(total, numeric: true)]
            for group in result.groups {
                let label = keyLabel(group.key, path: levels.first?.field ?? "", object: object)
                var first: [HTMLNode] = [th(label, scope: "row")]
                if levels.count == 2 { first.append(td("", numeric: false)) }
                body.append(.el("tr", [.class("ck-report-subtotal")], first + group.columns.map(cell) + [cell(group.aggregates)]))
                for child in group.children {
                    let row: [HTMLNode] = [td("", numeric: false), th(keyLabel(child.key, path: levels[1].field, object: object), scope: "row")]
                    body.append(.el("tr", [], row + child.columns.map(cell) + [cell(child.aggregates)]))
                }
            }
            var last: [HTMLNode] = [th(total, scope: "row")]
            if levels.count == 2 { last.append(td("", numeric: false)) }
            if levels.isEmpty { last = [] }
            body.append(.el("tr", [.class("ck-report-total")], last + result.columnTotals.map(cell) + [cell(result.total)]))
            if levels.isEmpty { head = result.columnKeys.map { th(keyLabel($0, path: across.field, object: object), numeric: true) } + [th(total, numeric: true)] }
        } else {
            head = levels.map { th(fieldLabel($0.field, object: object)) } + summaries.map { th(summaryLabel($0, object: object), numeric: true) }
            for group in result.groups {
                var row: [HTMLNode] = [th(keyLabel(group.key, path: levels[0].field, object: object), scope: "row")]
                if levels.count == 2 { row.append(td("", numeric: false)) }
                body.append(.el("tr", [.class("ck-report-subtotal")], row + cells(group.aggregates)))
                for child in group.children {
                    let childRow: [HTMLNode] = [td("", numeric: false), th(keyLabel(child.key, path: levels[1].field, object: object), scope: "row")]
                    body.append(.el("tr", [], childRow + cells(child.aggregates)))
                }
            }
            var last: [HTMLNode] = [th(total, scope: "row")]
            if levels.count == 2 { last.append(td("", numeric: false)) }
            body.append(.el("tr", [.class("ck-report-total")], last + cells(result.total)))
        }
        return Markup.scrollable(.el("table", [.class("ck-report-table")], [
            .el("caption", text: caption), .el("thead", [], [.el("tr", [], head)]), .el("tbody", [], body),
        ]), label: caption)
    }

    /// A short note for a result cut off at its row limit.
    func truncationNotice(_ result: ReportResult) -> HTMLNode? {
        guard let t = result.truncation else { return nil }
        return .el("p", [.class("ck-notice"), HTMLAttribute("role", "status")],
                   text: context.text("report.truncated", ["shown": String(t.limit), "matched": String(t.matched)]))
    }

    /// An error as the viewer reads it.
    func errorNotice(_ error: ReportError) -> HTMLNode {
        .el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: context.text("report.error", ["reason": error.description]))
    }
}
