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
    /// Viewers who read fewer records than this are walked record by record; from this many
    /// on, a walk reads the snapshot's columns (``columnTally(_:in:chunk:)``).
    var columnWalkMinimum = ReportEngine.columnWalkMinimum
    /// How many records one run of a column walk holds (runs go on all cores).
    var columnChunk = ReportEngine.columnChunk

    /// Runs the report over the records `user` may read in `snapshot`.
    ///
    /// The result is kept with the snapshot (``AccessSnapshot/memoized(_:compute:)``): running
    /// the same report on the same snapshot again, on the same day, returns it without walking
    /// the records. Users who read every record of the object share one result when the report
    /// follows no lookup (what a lookup shows depends on the viewer's access to the related
    /// record); everyone else gets their own. A snapshot published after any change starts
    /// empty, so a kept result is never stale.
    ///
    /// The first run on a snapshot after a change patches the running totals kept from an
    /// earlier snapshot (``AccessSnapshot/carriedAnswer(_:as:maximumChanges:)``) with the
    /// records that changed in between, when that gives exactly what a walk would
    /// (``patched(_:changes:in:shared:)`` says when); otherwise it walks.
    public func run(in snapshot: AccessSnapshot) -> ReportResult {
        let key = memoKey(in: snapshot)
        return snapshot.memoized(key) {
            if let (kept, changes) = snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: Self.maximumPatchedChanges),
               let tally = patched(kept.tally, changes: changes, in: snapshot, shared: key.viewer == nil)
            {
                var result: ReportResult
                if changes.records.contains(where: { $0.object == definition.object }) {
                    result = self.result(of: tally, in: snapshot)
                } else {
                    result = kept.result
                    result.asOf = snapshot.sequence
                }
                snapshot.carry(CarriedReport(tally: tally, result: result), for: key)
                return result
            }
            let (tally, result) = walked(in: snapshot, keepingTally: true)
            if let tally { snapshot.carry(CarriedReport(tally: tally, result: result), for: key) }
            return result
        }
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
        walked(in: snapshot, keepingTally: false).result
    }

    /// Walks the records `user` may read in `snapshot`: by the snapshot's columns when the
    /// viewer reads at least ``columnWalkMinimum`` records and the report follows no lookup
    /// (the result rolled up by group code, ``result(of:rows:in:)``), record by record
    /// otherwise. The tally, for carrying to later snapshots, only when `keepingTally`.
    func walked(in snapshot: AccessSnapshot, keepingTally: Bool) -> (tally: ReportTally?, result: ReportResult) {
        if let viewer = snapshot.handle(for: user) {
            let handles = snapshot.visibleHandles(of: viewer, object: definition.object)
            if handles.count >= columnWalkMinimum, let totals = columnTotals(handles, in: snapshot, chunk: columnChunk) {
                let tally = keepingTally ? tally(of: totals, in: snapshot) : nil
                let rows = tally?.rows ?? rows(of: totals, in: snapshot)
                return (tally, result(of: totals, rows: rows, in: snapshot))
            }
        }
        let tally = recordTally(in: snapshot)
        return (tally, result(of: tally, in: snapshot))
    }

    /// Walks the records `user` may read in `snapshot` and collects each leaf group's running
    /// totals, the match count and the first rows.
    func tally(in snapshot: AccessSnapshot) -> ReportTally {
        if let viewer = snapshot.handle(for: user) {
            let handles = snapshot.visibleHandles(of: viewer, object: definition.object)
            if handles.count >= columnWalkMinimum, let tally = columnTally(handles, in: snapshot, chunk: columnChunk) { return tally }
        }
        return recordTally(in: snapshot)
    }

    /// ``tally(in:)`` by reading each record the viewer may read.
    func recordTally(in snapshot: AccessSnapshot) -> ReportTally {
        let reader = FieldReader(snapshot: snapshot, user: user, fields: fields)
        let wantsRows = !columns.isEmpty
        var rows: [ReportRow] = []
        var matched = 0
        let template = Accumulator(summaries.count)
        // Per record, each level's key becomes a small number (``GroupKeys``), and the leaf's
        // running totals are found by those numbers: no field value is hashed per record
        // while a level has few distinct keys.
        var keys = GroupKeys(levels: groupings.count)
        var slots: [LeafCode: Int] = [:]
        var codes: [LeafCode] = []
        var accumulators: [Accumulator] = []
        snapshot.forEachVisibleHandle(of: user, object: definition.object) { handle, record in
            if let filter, !filter.matches({ reader.value($0, of: record) }) { return true }
            matched += 1
            if wantsRows, rows.count < rowLimit { rows.append(ReportRow(handle: handle, values: columns.map { reader.value($0, of: record) })) }
            var code = LeafCode()
            for level in groupings.indices {
                let grouping = groupings[level]
                code[level] = keys.code(of: ReportKey.of(reader.value(grouping.field, of: record), bucket: grouping.bucket), level: level)
            }
            let slot: Int
            if let known = slots[code] {
                slot = known
            } else {
                slot = accumulators.count
                slots[code] = slot
                codes.append(code)
                accumulators.append(template)
            }
            accumulators[slot].add(summaries, reader, record)
            return true
        }
        var leaves: [GroupPath: Accumulator] = [:]
        leaves.reserveCapacity(codes.count)
        for (slot, code) in codes.enumerated() {
            var path = GroupPath()
            for level in groupings.indices { path[level] = keys.key(code[level], level: level) }
            leaves[path] = accumulators[slot]
        }
        return ReportTally(leaves: leaves, matched: matched, rows: rows)
    }

    /// The result of collected totals: the leaves rolled up into subtotals, column totals and
    /// the grand total, groups sorted.
    func result(of tally: ReportTally, in snapshot: AccessSnapshot) -> ReportResult {
        let rowLevels = definition.rowGroupings.count
        let matrix = definition.columnGrouping != nil
        let wantsRows = !columns.isEmpty
        let matched = tally.matched
        let template = Accumulator(summaries.count)
        // Roll the leaves up into subtotals, column totals and the grand total.
        var total = template
        var firstLevel: [ReportKey: Accumulator] = [:]
        var secondLevel: [GroupPath: Accumulator] = [:]
        var cells: [GroupPath: Accumulator] = [:]
        var columnTotals: [ReportKey: Accumulator] = [:]
        var columnKeySet: Set<ReportKey> = []
        let columnLevel = rowLevels
        for (path, leaf) in tally.leaves {
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
            definition: definition, rows: tally.rows.map(\.values), groups: groups, columnKeys: columnKeys, total: total.aggregates(functions),
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

/// The numbers of a leaf's keys, one per level (two row levels and a column).
struct LeafCode: Hashable {
    var a: UInt32 = 0
    var b: UInt32 = 0
    var c: UInt32 = 0

    subscript(level: Int) -> UInt32 {
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

/// The distinct group keys of each level, numbered in the order they are first seen. A level
/// with few keys (statuses, priorities, stages, months) is searched in a short list, which
/// compares instead of hashing; past ``listed`` keys it switches to a dictionary.
struct GroupKeys {
    static let listed = 16
    private var keys: [[ReportKey]]
    private var numbers: [[ReportKey: UInt32]]

    init(levels: Int) {
        keys = Array(repeating: [], count: levels)
        numbers = Array(repeating: [:], count: levels)
    }

    mutating func code(of key: ReportKey, level: Int) -> UInt32 {
        if keys[level].count <= Self.listed {
            for (n, known) in keys[level].enumerated() where known == key { return UInt32(truncatingIfNeeded: n) }
        } else if let n = numbers[level][key] {
            return n
        }
        let n = UInt32(truncatingIfNeeded: keys[level].count)
        keys[level].append(key)
        if keys[level].count == Self.listed + 1 {
            for (i, known) in keys[level].enumerated() { numbers[level][known] = UInt32(truncatingIfNeeded: i) }
        } else if keys[level].count > Self.listed + 1 {
            numbers[level][key] = n
        }
        return n
    }

    func key(_ code: UInt32, level: Int) -> ReportKey {
        let n = Int(code)
        return keys[level].indices.contains(n) ? keys[level][n] : .empty
    }
}

/// Reads the compiled fields of a record, following lookups (each related record read once per
/// run, and only when the viewer may read it).
final class FieldReader {
    private let snapshot: AccessSnapshot
    private let user: ID<User>
    /// Per compiled field: the field read on the record, and for a lookup the related object
    /// and its field (kept apart so reading a field copies no field description).
    private let bases: [String]
    private let relatedObjects: [EntityType?]
    private let relatedFields: [String]
    private var related: [RelatedKey: (any Record)?] = [:]

    struct RelatedKey: Hashable {
        var object: EntityType
        var id: String
    }

    init(snapshot: AccessSnapshot, user: ID<User>, fields: [ReportField]) {
        self.snapshot = snapshot
        self.user = user
        bases = fields.map(\.base)
        relatedObjects = fields.map(\.relatedObject)
        relatedFields = fields.map(\.relatedField)
    }

    func value(_ index: Int, of record: any Record) -> FieldValue? {
        guard bases.indices.contains(index) else { return nil }
        guard let target = relatedObjects[index] else { return record.value(of: bases[index]) }
        guard case .reference(let id)? = record.value(of: bases[index]) else { return nil }
        let key = RelatedKey(object: target, id: id)
        if let known = related[key] { return known?.value(of: relatedFields[index]) }
        var found: (any Record)?
        if snapshot.access(user, to: target, id: id) >= .read { found = snapshot.record(target, id: id) }
        related[key] = .some(found)
        return found?.value(of: relatedFields[index])
    }
}
