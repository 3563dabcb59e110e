import CommunityModel
public import CommunityAnalytics
import Foundation

/// The report builder's form as query parameters, so the page works without JavaScript: every
/// choice is a GET parameter, the page runs what they describe, and the same parameters make
/// the CSV export's link.
///
/// `object`; `col.<path>=1` per detail column; `f1.field`, `f1.op`, `f1.value` (to `f3.…`,
/// several values comma-separated for `isIn` and `notIn`) and `logic` (`all`, `any` or `none`);
/// `g1`, `g1.bucket`, `g2`, `g2.bucket` for row groupings and `across`, `across.bucket` for a
/// matrix's columns; `s` (a summary function) and `s.field`; `chart`; `limit`.
public enum ReportBuilderQuery {
    /// How many filter rows the form has.
    public static let filterRows = 3

    /// Every parameter name the builder reads (and the export link carries).
    public static func isBuilderParameter(_ name: String) -> Bool {
        if name.hasPrefix("col.") { return name.utf8.count <= 120 }
        if ["object", "logic", "g1", "g1.bucket", "g2", "g2.bucket", "across", "across.bucket", "s", "s.field", "chart", "limit", "report"].contains(name) {
            return true
        }
        return (1...filterRows).contains { i in ["f\(i).field", "f\(i).op", "f\(i).value"].contains(name) }
    }

    /// The definition the parameters describe; `nil` when no object is chosen.
    ///
    /// - Throws: ``ReportError/invalid(field:reason:)`` naming a parameter with a value the
    ///   builder does not offer (an unknown operator, bucket, function or logic).
    public static func definition(from query: [String: String]) throws(ReportError) -> ReportDefinition? {
        guard let objectName = value(query, "object") else { return nil }
        let object = EntityType(objectName)
        let columns = query.keys.filter { $0.hasPrefix("col.") && query[$0] != nil && $0.utf8.count <= 120 }.map { String($0.dropFirst(4)) }.sorted()
        var conditions: [ReportFilter] = []
        for i in 1...filterRows {
            guard let field = value(query, "f\(i).field") else { continue }
            let opName = value(query, "f\(i).op") ?? ReportOperator.equals.rawValue
            guard let op = ReportOperator(rawValue: opName) else { throw .invalid(field: "f\(i).op", reason: "unknown operator \(opName.prefix(40))") }
            let raw = query["f\(i).value"] ?? ""
            var values: [String]
            switch op {
            case .isEmpty, .isNotEmpty: values = []
            case .isIn, .notIn: values = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: values = [raw.trimmingCharacters(in: .whitespaces)]
            }
            if values.count > ReportEngine.maximumValues { values = Array(values.prefix(ReportEngine.maximumValues + 1)) }
            conditions.append(.condition(ReportCondition(field, op, values)))
        }
        var filter: ReportFilter?
        if !conditions.isEmpty {
            switch value(query, "logic") ?? "all" {
            case "all": filter = conditions.count == 1 ? conditions[0] : .and(conditions)
            case "any": filter = conditions.count == 1 ? conditions[0] : .or(conditions)
            case "none": filter = .not(.or(conditions))
            case let other: throw .invalid(field: "logic", reason: "unknown logic \(other.prefix(40))")
            }
        }
        func grouping(_ key: String) throws(ReportError) -> ReportGrouping? {
            guard let field = value(query, key) else { return nil }
            guard let bucketName = value(query, key + ".bucket") else { return ReportGrouping(field) }
            guard let bucket = DateBucket(rawValue: bucketName) else { throw .invalid(field: key + ".bucket", reason: "unknown period \(bucketName.prefix(40))") }
            return ReportGrouping(field, bucket: bucket)
        }
        var rows: [ReportGrouping] = []
        if let g1 = try grouping("g1") { rows.append(g1) }
        if let g2 = try grouping("g2") { rows.append(g2) }
        var summaries: [ReportSummary] = [.count]
        if let name = value(query, "s"), name != ReportSummary.Function.count.rawValue {
            guard let function = ReportSummary.Function(rawValue: name) else { throw .invalid(field: "s", reason: "unknown summary \(name.prefix(40))") }
            summaries.append(ReportSummary(function, of: value(query, "s.field") ?? ""))
        }
        var limit: Int?
        if let text = value(query, "limit") {
            guard text.utf8.count <= 6, let n = Int(text), n > 0 else { throw .invalid(field: "limit", reason: "not a positive whole number") }
            limit = n
        }
        return ReportDefinition(object: object, columns: columns, filter: filter, rowGroupings: rows, columnGrouping: try grouping("across"),
                                summaries: summaries, rowLimit: limit)
    }

    /// The parameters that describe a definition the builder can show (the first three
    /// conditions of a flat filter; the first non-count summary), for links and to pre-fill
    /// the form from a saved report.
    public static func parameters(of definition: ReportDefinition, chart: DashboardTile.Kind? = nil) -> [String: String] {
        var out: [String: String] = ["object": definition.object.name]
        for column in definition.columns { out["col." + column] = "1" }
        var conditions: [ReportCondition] = []
        switch definition.filter {
        case .condition(let c)?: conditions = [c]
        case .and(let list)?:
            out["logic"] = "all"
            conditions = list.compactMap { if case .condition(let c) = $0 { c } else { nil } }
        case .or(let list)?:
            out["logic"] = "any"
            conditions = list.compactMap { if case .condition(let c) = $0 { c } else { nil } }
        case .not(.or(let list))?:
            out["logic"] = "none"
            conditions = list.compactMap { if case .condition(let c) = $0 { c } else { nil } }
        default: break
        }
        for (i, c) in conditions.prefix(filterRows).enumerated() {
            out["f\(i + 1).field"] = c.field
            out["f\(i + 1).op"] = c.operator.rawValue
            out["f\(i + 1).value"] = c.values.joined(separator: ",")
        }
        for (key, grouping) in zip(["g1", "g2"], definition.rowGroupings) {
            out[key] = grouping.field
            if let bucket = grouping.bucket { out[key + ".bucket"] = bucket.rawValue }
        }
        if let across = definition.columnGrouping {
            out["across"] = across.field
            if let bucket = across.bucket { out["across.bucket"] = bucket.rawValue }
        }
        if let summary = definition.summaries.first(where: { $0.function != .count }) {
            out["s"] = summary.function.rawValue
            out["s.field"] = summary.field
        }
        if let limit = definition.rowLimit { out["limit"] = String(limit) }
        if let chart { out["chart"] = chart.rawValue }
        return out
    }

    /// A query string (`a=1&b=2`, sorted, percent-encoded) of builder parameters.
    public static func queryString(_ parameters: [String: String]) -> String {
        parameters.filter { isBuilderParameter($0.key) }.sorted { $0.key < $1.key }
            .map { encode($0.key) + "=" + encode($0.value) }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    private static func value(_ query: [String: String], _ key: String) -> String? {
        guard let raw = query[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty, raw.utf8.count <= 200 else { return nil }
        return raw
    }
}
