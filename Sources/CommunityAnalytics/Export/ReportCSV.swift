import CommunityModel
import Foundation

/// A report as CSV text following RFC 4180: comma-separated fields, CRLF line ends, fields
/// with a comma, quote, CR or LF enclosed in double quotes with inner quotes doubled.
///
/// Spreadsheets run cells that start with `=`, `+`, `-` or `@` (and tab or CR) as formulas, so
/// such a cell is prefixed with a single quote (`'=HYPERLINK(…)`) and read as text (OWASP's
/// advice against CSV injection). Numbers the engine computed are written unprefixed, so a
/// negative total stays a number.
public enum ReportCSV {
    /// The detail rows (a tabular report) or one line per group with its aggregates (summary
    /// and matrix reports), under a header line. `headers` names the columns when given (the
    /// report builder passes translated labels); otherwise the field paths are used.
    public static func export(_ result: ReportResult, headers: [String]? = nil) -> String {
        var lines: [[Cell]] = []
        let definition = result.definition
        // The record count is always the first figure; a `count` summary would repeat it.
        let measured = definition.summaries.enumerated().filter { $0.element.function != .count }
        let summaryNames = measured.map { "\($0.element.function.rawValue)(\($0.element.field))" }
        if definition.format == .tabular || (definition.rowGroupings.isEmpty && definition.columnGrouping == nil) {
            lines.append((headers ?? definition.columns).map(Cell.text))
            for row in result.rows { lines.append(row.map { $0.map(cell) ?? .text("") }) }
        } else {
            var header = definition.rowGroupings.map(\.field)
            if let column = definition.columnGrouping { header.append(column.field) }
            header += ["count"] + summaryNames
            lines.append((headers ?? header).map(Cell.text))
            func emit(_ keys: [String], _ column: String?, _ aggregates: ReportAggregates) {
                var line = keys.map(Cell.text)
                while line.count < definition.rowGroupings.count { line.append(.text("")) }
                if definition.columnGrouping != nil { line.append(.text(column ?? "")) }
                line.append(.number(Double(aggregates.count)))
                line += measured.map { s, _ in (s < aggregates.values.count ? aggregates.values[s] : nil).map(Cell.number) ?? .text("") }
                lines.append(line)
            }
            func visit(_ group: ReportGroup, _ prefix: [String]) {
                let keys = prefix + [group.key.description]
                for (c, key) in result.columnKeys.enumerated() where c < group.columns.count {
                    if group.children.isEmpty { emit(keys, key.description, group.columns[c]) }
                }
                if group.children.isEmpty || definition.columnGrouping == nil { emit(keys, nil, group.aggregates) }
                for child in group.children { visit(child, keys) }
            }
            for group in result.groups { visit(group, []) }
            emit([], nil, result.total)
        }
        var out = ""
        for line in lines {
            out += line.map(\.encoded).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// One cell: text (escaped against formulas) or a computed number.
    enum Cell {
        case text(String)
        case number(Double)

        var encoded: String {
            switch self {
            case .number(let n): return ReportCSV.number(n)
            case .text(let s): return ReportCSV.field(s)
            }
        }
    }

    static func cell(_ value: FieldValue) -> Cell {
        switch value {
        case .number(let n): .number(n)
        default: .text(value.description)
        }
    }

    /// A text field: formula-escaped, then quoted when it needs to be.
    public static func field(_ text: String) -> String {
        var s = text
        if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ n: Double) -> String {
        guard n.isFinite else { return "" }
        if n == n.rounded(), abs(n) < 1e15, let whole = Int64(exactly: n) { return String(whole) }
        return String(n)
    }
}
