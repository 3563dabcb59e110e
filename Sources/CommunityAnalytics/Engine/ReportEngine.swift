public import CommunityModel
public import CommunityAccess
import Foundation

/// Runs reports as a viewer, the way Salesforce reports run: only records the viewer may read
/// are counted (the access engine's visible-record walk), and a field that field-level security
/// hides from the viewer can be neither shown, filtered, grouped nor summarised
/// (``ReportError/fieldNotReadable(object:field:use:)``).
///
/// Relative dates (`this quarter`, `last 30 days`) are resolved against ``clock``. Detail rows
/// stop at the row limit and the result says so; groups and totals always count every match.
public struct ReportEngine: Sendable {
    /// Object and field types (and so which fields exist).
    public var schemas: SchemaCatalog
    /// What "today" is for relative dates.
    public var clock: any WallClock
    /// The row limit of a definition that sets none.
    public var defaultRowLimit: Int
    /// The largest row limit a definition may set (larger ones are lowered to it).
    public var maximumRowLimit: Int

    /// The fewest records a viewer reads for a walk to read the snapshot's columns instead of
    /// the records (``CompiledReport/columnTally(_:in:chunk:)``).
    static let columnWalkMinimum = 4_096
    /// How many records one run of a column walk holds.
    static let columnChunk = 131_072
    /// This engine's ``columnWalkMinimum`` (tests lower it to walk small orgs by columns).
    var columnWalkMinimum = ReportEngine.columnWalkMinimum
    /// This engine's ``columnChunk`` (tests lower it to merge many runs).
    var columnChunk = ReportEngine.columnChunk

    /// The most detail columns, conditions, nesting levels, values per condition and summaries.
    public static let maximumColumns = 50, maximumConditions = 100, maximumDepth = 8, maximumValues = 100, maximumSummaries = 10

    /// An engine.
    public init(schemas: SchemaCatalog = .standard, clock: any WallClock = SystemClock(), defaultRowLimit: Int = 2_000, maximumRowLimit: Int = 50_000) {
        self.schemas = schemas
        self.clock = clock
        self.defaultRowLimit = max(1, defaultRowLimit)
        self.maximumRowLimit = max(1, maximumRowLimit)
    }

    /// Checks a definition against the schema and the viewer's object and field permissions,
    /// and parses its filter values, without running it.
    ///
    /// - Throws: a ``ReportError`` naming the object, field, value or operator at fault.
    public func compile(_ definition: ReportDefinition, for user: ID<User>, in snapshot: AccessSnapshot) throws(ReportError) -> CompiledReport {
        let object = definition.object
        guard schemas.schema(for: object) != nil else { throw .unknownObject(object) }
        guard snapshot.objectPermissions(user, on: object).contains(.read) || snapshot.readsEveryRecord(of: user, object: object) else {
            throw .objectNotReadable(object)
        }
        guard definition.columns.count <= Self.maximumColumns else { throw .tooComplex("more than \(Self.maximumColumns) columns") }
        guard definition.summaries.count <= Self.maximumSummaries else { throw .tooComplex("more than \(Self.maximumSummaries) summaries") }
        guard definition.rowGroupings.count <= ReportDefinition.maximumRowGroupings else {
            throw .invalidGrouping(field: definition.rowGroupings.last?.field ?? "", reason: "at most \(ReportDefinition.maximumRowGroupings) row groupings")
        }
        var fields: [ReportField] = []
        var positions: [String: Int] = [:]
        func field(_ path: String, use: String) throws(ReportError) -> Int {
            let resolved = try ReportField.resolve(path, object: object, schemas: schemas)
            try resolved.requireReadable(by: user, object: object, in: snapshot, use: use)
            if let known = positions[path] { return known }
            fields.append(resolved)
            positions[path] = fields.count - 1
            return fields.count - 1
        }
        var columns: [Int] = []
        for path in definition.columns { columns.append(try field(path, use: "show")) }
        var groupings: [CompiledReport.Grouping] = []
        var grouped: Set<String> = []
        for grouping in definition.rowGroupings + (definition.columnGrouping.map { [$0] } ?? []) {
            let index = try field(grouping.field, use: "group")
            guard grouped.insert(grouping.field + "/" + (grouping.bucket?.rawValue ?? "")).inserted else {
                throw .invalidGrouping(field: grouping.field, reason: "used twice")
            }
            if grouping.bucket != nil {
                switch fields[index].type {
                case .date, .dateTime: break
                default: throw .invalidGrouping(field: grouping.field, reason: "only date and date-time fields are bucketed by period")
                }
            }
            groupings.append(.init(field: index, bucket: grouping.bucket))
        }
        var summaries: [CompiledReport.Summary] = []
        for summary in definition.summaries {
            if summary.function == .count {
                summaries.append(.init(function: .count, field: nil))
                continue
            }
            let index = try field(summary.field, use: "summarize")
            let type = fields[index].type
            switch (summary.function, type) {
            case (.sum, .number), (.sum, .currency), (.average, .number), (.average, .currency): break
            case (.minimum, .number), (.minimum, .currency), (.minimum, .date), (.minimum, .dateTime): break
            case (.maximum, .number), (.maximum, .currency), (.maximum, .date), (.maximum, .dateTime): break
            case (.uniqueCount, _): break
            default: throw .invalidSummary(field: summary.field, function: summary.function, reason: "not defined for a \(type.kindName) field")
            }
            summaries.append(.init(function: summary.function, field: index))
        }
        var filter: CompiledFilter?
        let today = DayNumber.of(seconds: clock.now().timeIntervalSince1970) ?? 0
        if let f = definition.filter {
            guard f.conditions.count <= Self.maximumConditions else { throw .tooComplex("more than \(Self.maximumConditions) conditions") }
            guard f.depth <= Self.maximumDepth else { throw .tooComplex("filters nested more than \(Self.maximumDepth) deep") }
            func compileFilter(_ f: ReportFilter) throws(ReportError) -> CompiledFilter {
                switch f {
                case .and(let list):
                    var out: [CompiledFilter] = []
                    for item in list { out.append(try compileFilter(item)) }
                    return .all(out)
                case .or(let list):
                    var out: [CompiledFilter] = []
                    for item in list { out.append(try compileFilter(item)) }
                    return .any(out)
                case .not(let inner): return .not(try compileFilter(inner))
                case .condition(let condition):
                    let index = try field(condition.field, use: "filter")
                    return .test(field: index, try Self.test(condition, type: fields[index].type, today: today))
                }
            }
            filter = try compileFilter(f)
        }
        var limit = definition.rowLimit ?? defaultRowLimit
        limit = min(max(limit, 1), maximumRowLimit)
        var compiled = CompiledReport(
            definition: definition, user: user, fields: fields, columns: columns, groupings: groupings, summaries: summaries,
            filter: filter, rowLimit: limit, today: today)
        compiled.columnWalkMinimum = columnWalkMinimum
        compiled.columnChunk = columnChunk
        return compiled
    }

    /// Runs a definition as `user` over `snapshot`.
    ///
    /// - Throws: what ``compile(_:for:in:)`` throws.
    public func run(_ definition: ReportDefinition, as user: ID<User>, in snapshot: AccessSnapshot) throws(ReportError) -> ReportResult {
        try compile(definition, for: user, in: snapshot).run(in: snapshot)
    }

    /// Parses a condition's values into the field's kind.
    static func test(_ condition: ReportCondition, type: FieldType, today: Int) throws(ReportError) -> CompiledTest {
        let op = condition.operator
        let values = condition.values
        let path = condition.field
        guard values.count <= maximumValues else { throw .tooComplex("more than \(maximumValues) values for \(path)") }
        switch op {
        case .isEmpty, .isNotEmpty:
            guard values.isEmpty else { throw .invalidOperator(field: path, operator: op, reason: "takes no value") }
            return .emptiness(op == .isEmpty)
        case .isIn, .notIn:
            guard !values.isEmpty else { throw .invalidOperator(field: path, operator: op, reason: "needs at least one value") }
        default:
            guard values.count == 1 else { throw .invalidOperator(field: path, operator: op, reason: "needs exactly one value") }
        }
        switch type {
        case .text, .picklist, .reference:
            let lowered = op == .contains || op == .startsWith
            return .text(op, values.map { lowered ? $0.lowercased() : $0 })
        case .number, .currency:
            guard op != .contains, op != .startsWith else {
                throw .invalidOperator(field: path, operator: op, reason: "applies to text, not to a \(type.kindName) field")
            }
            var numbers: [Double] = []
            for text in values {
                guard text.utf8.count <= 40, let n = Double(text.trimmingCharacters(in: .whitespaces)), n.isFinite else {
                    throw .invalidFilterValue(field: path, value: text, expected: "number")
                }
                numbers.append(n)
            }
            return .number(op, numbers)
        case .date, .dateTime:
            guard op != .contains, op != .startsWith else {
                throw .invalidOperator(field: path, operator: op, reason: "applies to text, not to a \(type.kindName) field")
            }
            var ranges: [ClosedRange<Int>] = []
            for text in values {
                if let relative = RelativeDate(parsing: text) {
                    ranges.append(relative.range(today: today))
                } else if text.utf8.count == 10, let day = try? Day(parsing: text) {
                    let n = DayNumber.of(day)
                    ranges.append(n...n)
                } else {
                    throw .invalidFilterValue(field: path, value: text, expected: "date (YYYY-MM-DD) or relative date such as \"this quarter\"")
                }
            }
            return .days(op, ranges)
        case .checkbox:
            guard op == .equals || op == .notEquals else {
                throw .invalidOperator(field: path, operator: op, reason: "a checkbox compares only with equals or notEquals")
            }
            switch values[0].lowercased() {
            case "true": return .checkbox(true, equal: op == .equals)
            case "false": return .checkbox(false, equal: op == .equals)
            default: throw .invalidFilterValue(field: path, value: values[0], expected: "checkbox (true or false)")
            }
        }
    }
}
