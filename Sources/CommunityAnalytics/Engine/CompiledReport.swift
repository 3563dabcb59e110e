public import CommunityModel
public import CommunityAccess
import Foundation

/// A report definition checked for one viewer: fields resolved, permissions checked, filter
/// values parsed. Run it against any later snapshot with ``run(in:)``.
public struct CompiledReport: Sendable {
    struct Grouping: Sendable {
        var field: Int
        var bucket: DateBucket?
    }

    struct Summary: Sendable {
        var function: ReportSummary.Function
        var field: Int?
    }

    /// The definition.
    public let definition: ReportDefinition
    /// Who the report runs as.
    public let user: ID<User>
    let fields: [ReportField]
    let columns: [Int]
    let groupings: [Grouping]
    let summaries: [Summary]
    let filter: CompiledFilter?
    /// The row limit in force.
    public let rowLimit: Int
    /// The day relative dates were resolved against (a ``DayNumber``).
    let today: Int

    /// Runs the report over the records `user` may read in `snapshot`.
    ///
    /// The result is kept with the snapshot (``AccessSnapshot/memoized(_:compute:)``): running
    /// the same report on the same snapshot again, on the same day, returns it without walking
    /// the records. Users who read every record of the object share one result when the report
    /// follows no lookup (what a lookup shows depends on the viewer's access to the related
    /// record); everyone else gets their own. A snapshot published after any change starts
    /// empty, so a kept result is never stale.
    public func run(in snapshot: AccessSnapshot) -> ReportResult {
        snapshot.memoized(memoKey(in: snapshot)) { walk(in: snapshot) }
    }

    /// What a result depends on besides the snapshot: the definition as compiled (fields and
    /// their types, the row limit, the day relative dates mean) and who sees which records.
    func memoKey(in snapshot: AccessSnapshot) -> ReportMemoKey {
        let shared = fields.allSatisfy { $0.relatedObject == nil } && snapshot.readsEveryRecord(of: user, object: definition.object)
        return ReportMemoKey(definition: definition, fields: fields, rowLimit: rowLimit, today: today, viewer: shared ? nil : user)
    }

    /// Runs the report over the records `user` may read in `snapshot` by walking them, without
    /// looking for or keeping a result with the snapshot: what a first run costs.
    public func walk(in snapshot: AccessSnapshot) -> ReportResult {
        let reader = FieldReader(snapshot: snapshot, user: user, fields: fields)
        let rowLevels = definition.rowGroupings.count
        let matrix = definition.columnGrouping != nil
        let wantsRows = !columns.isEmpty
        var leaves: [GroupPath: Accumulator] = [:]
        var rows: [[FieldValue?]] = []
        var matched = 0
        let template = Accumulator(summaries.count)
        snapshot.forEachVisibleRecord(of: user, object: definition.object) { record in
            reader.begin(record)
            if let filter, !filter.matches({ reader.value($0) }) { return true }
            matched += 1
            if wantsRows, rows.count < rowLimit { rows.append(columns.map { reader.value($0) }) }
            var path = GroupPath()
            for (level, grouping) in groupings.enumerated() {
                path[level] = ReportKey.of(reader.value(grouping.field), bucket: grouping.bucket)
            }
            leaves[path, default: template].add(summaries, reader)
            return true
        }
        // Roll the leaves up into subtotals, column totals and the grand total.
        var total = template
        var firstLevel: [ReportKey: Accumulator] = [:]
        var secondLevel: [GroupPath: Accumulator] = [:]
        var cells: [GroupPath: Accumulator] = [:]
        var columnTotals: [ReportKey: Accumulator] = [:]
        var columnKeySet: Set<ReportKey> = []
        let columnLevel = rowLevels
        for (path, leaf) in leaves {
            total.merge(leaf)
            if matrix {
                let c = path[columnLevel]
                columnKeySet.insert(c)
                columnTotals[c, default: template].merge(leaf)
                if rowLevels >= 1 { cells[GroupPath(path[0], .empty, c, depth: 1), default: template].merge(leaf) }
                if rowLevels >= 2 { cells[GroupPath(path[0], path[1], c, depth: 2), default: template].merge(leaf) }
            }
            if rowLevels >= 1 { firstLevel[path[0], default: template].merge(leaf) }
            if rowLevels >= 2 { secondLevel[GroupPath(path[0], path[1], .empty, depth: 2), default: template].merge(leaf) }
        }
        let columnKeys = columnKeySet.sorted()
        let functions = summaries.map(\.function)
        func cellsOf(_ a: ReportKey, _ b: ReportKey, depth: Int) -> [ReportAggregates] {
            guard matrix else { return [] }
            return columnKeys.map { c in (cells[GroupPath(a, b, c, depth: depth)] ?? template).aggregates(functions) }
        }
        var childrenOf: [ReportKey: [ReportKey]] = [:]
        for key in secondLevel.keys { childrenOf[key[0], default: []].append(key[1]) }
        let groups: [ReportGroup] = firstLevel.keys.sorted().map { a in
            let children: [ReportGroup] = (childrenOf[a] ?? []).sorted().map { b in
                ReportGroup(key: b, aggregates: (secondLevel[GroupPath(a, b, .empty, depth: 2)] ?? template).aggregates(functions),
                            columns: cellsOf(a, b, depth: 2))
            }
            return ReportGroup(key: a, aggregates: (firstLevel[a] ?? template).aggregates(functions), columns: cellsOf(a, .empty, depth: 1),
                               children: children)
        }
        return ReportResult(
            definition: definition, rows: rows, groups: groups, columnKeys: columnKeys, total: total.aggregates(functions),
            columnTotals: columnKeys.map { (columnTotals[$0] ?? template).aggregates(functions) }, recordCount: matched,
            truncation: wantsRows && matched > rowLimit ? ReportTruncation(limit: rowLimit, matched: matched) : nil,
            asOf: snapshot.sequence)
    }
}

/// Up to three group keys (two row levels and a column) without an array allocation per record.
struct GroupPath: Hashable {
    var a: ReportKey = .empty
    var b: ReportKey = .empty
    var c: ReportKey = .empty
    var depth: Int = 0

    init() {}

    init(_ a: ReportKey, _ b: ReportKey, _ c: ReportKey, depth: Int) {
        self.a = a
        self.b = b
        self.c = c
        self.depth = depth
    }

    subscript(level: Int) -> ReportKey {
        get { level == 0 ? a : level == 1 ? b : c }
        set {
            switch level {
            case 0: a = newValue
            case 1: b = newValue
            default: c = newValue
            }
        }
    }
}

/// Reads the compiled fields of one record at a time, following lookups (each related record
/// read once per run, and only when the viewer may read it).
final class FieldReader {
    private let snapshot: AccessSnapshot
    private let user: ID<User>
    private let fields: [ReportField]
    private var record: (any Record)?
    private var related: [RelatedKey: (any Record)?] = [:]

    struct RelatedKey: Hashable {
        var object: EntityType
        var id: String
    }

    init(snapshot: AccessSnapshot, user: ID<User>, fields: [ReportField]) {
        self.snapshot = snapshot
        self.user = user
        self.fields = fields
    }

    func begin(_ record: any Record) { self.record = record }

    func value(_ index: Int) -> FieldValue? {
        guard let record else { return nil }
        let field = fields[index]
        guard let target = field.relatedObject else { return record.value(of: field.base) }
        guard case .reference(let id)? = record.value(of: field.base) else { return nil }
        let key = RelatedKey(object: target, id: id)
        if let known = related[key] { return known?.value(of: field.relatedField) }
        var found: (any Record)?
        if snapshot.access(user, to: target, id: id) >= .read { found = snapshot.record(target, id: id) }
        related[key] = .some(found)
        return found?.value(of: field.relatedField)
    }
}

/// The running totals of one group.
struct Accumulator {
    var count = 0
    var sums: [Double]
    var counts: [Int]
    var minimums: [Double]
    var maximums: [Double]
    var uniques: [Set<FieldValue>]

    init(_ n: Int) {
        sums = Array(repeating: 0, count: n)
        counts = Array(repeating: 0, count: n)
        minimums = Array(repeating: .infinity, count: n)
        maximums = Array(repeating: -.infinity, count: n)
        uniques = Array(repeating: [], count: n)
    }

    mutating func add(_ summaries: [CompiledReport.Summary], _ reader: FieldReader) {
        count += 1
        for (s, summary) in summaries.enumerated() {
            guard let field = summary.field, let value = reader.value(field) else { continue }
            if summary.function == .uniqueCount {
                uniques[s].insert(value)
                continue
            }
            guard let n = Accumulator.measure(value) else { continue }
            counts[s] += 1
            sums[s] += n
            if n < minimums[s] { minimums[s] = n }
            if n > maximums[s] { maximums[s] = n }
        }
    }

    /// A value as a number: numbers and amounts, dates as day numbers, date-times as seconds.
    static func measure(_ value: FieldValue) -> Double? {
        switch value {
        case .number, .currency: CompiledTest.number(value)
        case .date(let d): Double(DayNumber.of(d))
        case .dateTime(let t): t.timeIntervalSince1970.isFinite ? t.timeIntervalSince1970 : nil
        default: nil
        }
    }

    mutating func merge(_ other: Accumulator) {
        count += other.count
        for s in sums.indices where s < other.sums.count {
            sums[s] += other.sums[s]
            counts[s] += other.counts[s]
            minimums[s] = min(minimums[s], other.minimums[s])
            maximums[s] = max(maximums[s], other.maximums[s])
            uniques[s].formUnion(other.uniques[s])
        }
    }

    func aggregates(_ functions: [ReportSummary.Function]) -> ReportAggregates {
        let values: [Double?] = functions.enumerated().map { s, function in
            switch function {
            case .count: Double(count)
            case .sum: sums[s].isFinite ? sums[s] : nil
            case .average: counts[s] > 0 && sums[s].isFinite ? sums[s] / Double(counts[s]) : nil
            case .minimum: counts[s] > 0 ? minimums[s] : nil
            case .maximum: counts[s] > 0 ? maximums[s] : nil
            case .uniqueCount: Double(uniques[s].count)
            }
        }
        return ReportAggregates(count: count, values: values)
    }
}
