import CommunityAccess
import CommunityModel
import Dispatch
import Synchronization

extension CompiledReport {
    /// Period groupings whose days span fewer days than this find each day's code in a table.
    static let dayTableSpan = 1 << 20

    /// The tally ``tally(in:)`` collects, from the snapshot's columns (``AccessSnapshot/columns(of:fields:)``)
    /// instead of the records: `nil` when the report reads a field through a lookup (what a
    /// lookup shows depends on the viewer's access to the related record), and the caller walks
    /// the records.
    ///
    /// `handles` are the records the viewer may read, in listing order (the access engine's
    /// answer). Per field, the filter's outcome, the group code and the measure are worked out
    /// once per distinct value; per record, the walk reads small numbers from the columns and
    /// adds into flat arrays of running totals. The records are split into runs of `chunk`
    /// records, walked on all cores, and the runs' totals merged in run order: the runs depend
    /// only on the records and `chunk`, never on how many cores ran them, so every walk of the
    /// same snapshot gives the same totals to the bit. Counts, minimums, maximums and unique
    /// counts are exactly those of a walk in listing order; a sum is the compensated sum of its
    /// runs' compensated sums (``CompensatedSum/add(_:)-(CompensatedSum)``), which equals the
    /// one-record-at-a-time sum to within rounding of the compensation term (far inside
    /// ``ReportAggregates/agrees(with:)``), and is that sum exactly when one run holds every
    /// record.
    func columnTally(_ handles: [RecordHandle], in snapshot: AccessSnapshot, chunk: Int) -> ReportTally? {
        columnTotals(handles, in: snapshot, chunk: chunk).map { tally(of: $0, in: snapshot) }
    }

    /// The running totals of a column walk (``columnTally(_:in:chunk:)``), by group code.
    func columnTotals(_ handles: [RecordHandle], in snapshot: AccessSnapshot, chunk: Int) -> ColumnTotals? {
        // The fields the walk reads per record: the filter's, the groupings' and the summaries'.
        var used: [Int] = []
        func use(_ field: Int) {
            if !used.contains(field) { used.append(field) }
        }
        func collect(_ f: CompiledFilter) {
            switch f {
            case .all(let list), .any(let list): list.forEach(collect)
            case .not(let inner): collect(inner)
            case .test(let field, _): use(field)
            }
        }
        if let filter { collect(filter) }
        for grouping in groupings { use(grouping.field) }
        for summary in summaries { if let field = summary.field { use(field) } }
        guard used.allSatisfy({ fields.indices.contains($0) && fields[$0].relatedObject == nil }),
              let columns = snapshot.columns(of: definition.object, fields: used.map { fields[$0].base })
        else { return nil }
        var columnOf: [Int: Int] = [:]
        for (k, field) in used.enumerated() { columnOf[field] = k }
        let facts = columns.map { ColumnFacts.of($0, in: snapshot) }
        func valueOf(_ column: Int, _ id: Int) -> FieldValue? { columns[column].value(UInt32(truncatingIfNeeded: id)) }

        // The filter: one table per value number when it reads one field, else a tree of tests
        // with a table each.
        var filterPlan: ColumnFilter?
        if let filter {
            var filterFields: [Int] = []
            func fieldsOf(_ f: CompiledFilter) {
                switch f {
                case .all(let list), .any(let list): list.forEach(fieldsOf)
                case .not(let inner): fieldsOf(inner)
                case .test(let field, _): if !filterFields.contains(field) { filterFields.append(field) }
                }
            }
            fieldsOf(filter)
            func table(_ column: Int, _ test: (Int) -> Bool) -> [Bool] {
                (0...columns[column].values.count).map(test)
            }
            func testTable(_ column: Int, _ test: CompiledTest) -> [Bool] {
                if case .days(let op, let ranges) = test {
                    let days = facts[column].days
                    let none = op == .notEquals || op == .notIn
                    return table(column) { id in
                        let d = days[id]
                        return d == ColumnFacts.noDay ? none : CompiledTest.compare(day: d, op, ranges)
                    }
                }
                return table(column) { test.matches(valueOf(column, $0)) }
            }
            if filterFields.count == 1, let column = columnOf[filterFields[0]] {
                // Tests of one field: evaluate the whole filter once per value.
                var testsByPosition: [[Bool]] = []
                func plan(_ f: CompiledFilter) -> ColumnFilter {
                    switch f {
                    case .all(let list): return .all(list.map(plan))
                    case .any(let list): return .any(list.map(plan))
                    case .not(let inner): return .not(plan(inner))
                    case .test(_, let test):
                        testsByPosition.append(testTable(column, test))
                        return .test(column: 0, table: testsByPosition.count - 1)
                    }
                }
                let tree = plan(filter)
                let whole = table(column) { id in tree.matches(tables: testsByPosition, ids: { _ in id }) }
                filterPlan = .single(column: column, table: whole)
            } else {
                var tables: [[Bool]] = []
                func plan(_ f: CompiledFilter) -> ColumnFilter {
                    switch f {
                    case .all(let list): return .all(list.map(plan))
                    case .any(let list): return .any(list.map(plan))
                    case .not(let inner): return .not(plan(inner))
                    case .test(let field, let test):
                        let column = columnOf[field] ?? 0
                        tables.append(testTable(column, test))
                        return .test(column: column, table: tables.count - 1)
                    }
                }
                let tree = plan(filter)
                if case .all(let list) = tree, case let tests = list.compactMap({ item -> (Int, Int)? in
                    if case .test(let column, let table) = item { return (column, table) }
                    return nil
                }), tests.count == list.count {
                    filterPlan = .conjunction(tests.map { (column: $0.0, table: tables[$0.1]) })
                } else {
                    filterPlan = .tree(tree, tables)
                }
            }
        }

        // Group codes per level: the value number itself, or for a period grouping a code per
        // value number (0 for no key), with the keys they stand for.
        var levelColumns: [Int] = []
        var levelCodes: [[UInt32]?] = []
        var levelKeys: [[ReportKey]] = []
        var levelSizes: [Int] = []
        for grouping in groupings {
            let column = columnOf[grouping.field] ?? 0
            levelColumns.append(column)
            guard let bucket = grouping.bucket else {
                levelCodes.append(nil)
                levelKeys.append([.empty] + columns[column].values.map { ReportKey.value($0) })
                levelSizes.append(columns[column].values.count + 1)
                continue
            }
            var keys: [ReportKey] = [.empty]
            var periodCodes: [Int: UInt32] = [:]
            var valueCodes: [FieldValue: UInt32] = [:]
            let days = facts[column].days
            var codes: [UInt32] = [0]
            codes.reserveCapacity(days.count)
            // Each day's code is worked out once: by day in a table when the days span at most
            // ``dayTableSpan`` days, in a dictionary otherwise.
            var lowest = Int.max, highest = Int.min
            for d in days where d != ColumnFacts.noDay {
                lowest = min(lowest, d)
                highest = max(highest, d)
            }
            let span: (partialValue: Int, overflow: Bool) = lowest <= highest ? highest.subtractingReportingOverflow(lowest) : (0, true)
            let tabled = !span.overflow && span.partialValue < Self.dayTableSpan
            var dayCodes: [UInt32] = tabled ? Array(repeating: UInt32.max, count: span.partialValue + 1) : []
            var dayCodeOf: [Int: UInt32] = [:]
            for id in 1..<days.count {
                let d = days[id]
                if d != ColumnFacts.noDay {
                    if tabled, dayCodes[d - lowest] != UInt32.max {
                        codes.append(dayCodes[d - lowest])
                        continue
                    }
                    if !tabled, let known = dayCodeOf[d] {
                        codes.append(known)
                        continue
                    }
                    let start = ReportKey.start(of: d, bucket)
                    let code: UInt32
                    if let known = periodCodes[start] {
                        code = known
                    } else {
                        code = UInt32(truncatingIfNeeded: keys.count)
                        keys.append(.period(bucket, start: start))
                        periodCodes[start] = code
                    }
                    if tabled { dayCodes[d - lowest] = code } else { dayCodeOf[d] = code }
                    codes.append(code)
                    continue
                }
                // No day: an empty key for a date-time without one, the value itself otherwise
                // (``ReportKey/of(_:bucket:)``).
                guard let value = valueOf(column, id) else {
                    codes.append(0)
                    continue
                }
                if case .dateTime = value {
                    codes.append(0)
                    continue
                }
                if let known = valueCodes[value] {
                    codes.append(known)
                } else {
                    let code = UInt32(truncatingIfNeeded: keys.count)
                    keys.append(.value(value))
                    valueCodes[value] = code
                    codes.append(code)
                }
            }
            levelCodes.append(codes)
            levelKeys.append(keys)
            levelSizes.append(keys.count)
        }
        var strides: [Int] = []
        var space = 1
        for size in levelSizes {
            strides.append(space)
            let (product, overflow) = space.multipliedReportingOverflow(by: max(size, 1))
            guard !overflow else { return nil }
            space = product
        }

        let plan = ColumnWalkPlan(
            ids: columns.map(\.ids), filter: filterPlan, levelColumns: levelColumns, levelCodes: levelCodes, strides: strides,
            space: space, summaries: summaries.map { summary in
                guard let field = summary.field, let column = columnOf[field] else { return .count }
                return summary.function == .uniqueCount ? .unique(column: column) : .measure(column: column)
            }, measures: facts.map(\.measures), rowLimit: self.columns.isEmpty ? 0 : rowLimit)

        // Walk runs of `chunk` records on all cores; merge in run order.
        let size = max(1, chunk)
        let runs = (handles.count + size - 1) / size
        var parts: [ColumnRunTally] = []
        if runs <= 1 {
            parts = [plan.walk(handles, 0..<handles.count)]
        } else {
            let done = Mutex<[Int: ColumnRunTally]>([:])
            DispatchQueue.concurrentPerform(iterations: runs) { r in
                let part = plan.walk(handles, r * size..<min(handles.count, (r + 1) * size))
                done.withLock { $0[r] = part }
            }
            let all = done.withLock { $0 }
            parts = (0..<runs).compactMap { all[$0] }
            guard parts.count == runs else { return nil }
        }
        var total = ColumnRunTally(plan: plan)
        var totalSlots = SlotTable(capacity: parts.first?.keys.count ?? 16)
        for part in parts { total.merge(part, slots: &totalSlots, plan: plan) }

        return ColumnTotals(plan: plan, total: total, columns: columns, handles: handles, levelKeys: levelKeys, levelSizes: levelSizes)
    }

    /// The tally of a column walk: a leaf per group path, rows read from the records.
    func tally(of totals: ColumnTotals, in snapshot: AccessSnapshot) -> ReportTally {
        let total = totals.total, plan = totals.plan
        var leaves: [GroupPath: Accumulator] = [:]
        leaves.reserveCapacity(total.keys.count)
        let s = plan.summaries.count
        for (slot, key) in total.keys.enumerated() {
            var path = GroupPath()
            for level in groupings.indices { path[level] = totals.key(of: key, level: level) }
            var leaf = Accumulator(s)
            leaf.count = total.counts[slot]
            for k in 0..<s {
                let at = slot * s + k
                switch plan.summaries[k] {
                case .count: break
                case .unique(let column):
                    var uniques: [FieldValue: Int] = [:]
                    for (id, n) in total.uniques[at] {
                        if let value = totals.columns[column].value(id) { uniques[value] = n }
                    }
                    leaf.uniques[k] = uniques
                case .measure:
                    leaf.sums[k] = total.sums[at]
                    leaf.counts[k] = total.measured[at]
                    leaf.minimums[k] = total.minimums[at]
                    leaf.minimumCounts[k] = total.minimumCounts[at]
                    leaf.maximums[k] = total.maximums[at]
                    leaf.maximumCounts[k] = total.maximumCounts[at]
                }
            }
            leaves[path] = leaf
        }
        return ReportTally(leaves: leaves, matched: total.matched, rows: rows(of: totals, in: snapshot))
    }

    /// The detail rows of a column walk, read from the records.
    func rows(of totals: ColumnTotals, in snapshot: AccessSnapshot) -> [ReportRow] {
        guard !columns.isEmpty else { return [] }
        var rows: [ReportRow] = []
        let reader = FieldReader(snapshot: snapshot, user: user, fields: fields)
        for k in totals.total.rows.prefix(rowLimit) where totals.handles.indices.contains(k) {
            let handle = totals.handles[k]
            let record = snapshot.record(handle)
            rows.append(ReportRow(handle: handle, values: columns.map { column in record.flatMap { reader.value(column, of: $0) } }))
        }
        return rows
    }

    /// The result of a column walk, rolled up by group code as ``result(of:in:)`` rolls up a
    /// tally's leaves: the same groups, subtotals, column totals and grand total.
    func result(of totals: ColumnTotals, rows: [ReportRow], in snapshot: AccessSnapshot) -> ReportResult {
        let rowLevels = definition.rowGroupings.count
        let matrix = definition.columnGrouping != nil
        let total = totals.total, plan = totals.plan
        let functions = summaries.map(\.function)
        let size0 = rowLevels >= 1 ? max(totals.levelSizes[0], 1) : 1
        let size1 = rowLevels >= 2 ? max(totals.levelSizes[1], 1) : 1
        var grand = ColumnRunTally(plan: plan), first = ColumnRunTally(plan: plan), second = ColumnRunTally(plan: plan)
        var cells = ColumnRunTally(plan: plan), columnTotals = ColumnRunTally(plan: plan)
        var grandSlots = SlotTable(), firstSlots = SlotTable(), secondSlots = SlotTable(capacity: rowLevels >= 2 ? total.keys.count : 16)
        var cellSlots = SlotTable(), columnSlots = SlotTable()
        // A cell's key: the column code, then the first row code, then the second (or none).
        func cellKey(_ c: Int, _ a: Int, _ b: Int?) -> Int { (c * size0 + a) * (size1 + 1) + (b.map { $0 + 1 } ?? 0) }
        for slot in total.keys.indices {
            let key = total.keys[slot]
            if rowLevels == 0 { grand.absorb(total, slot: slot, as: 0, slots: &grandSlots, plan: plan) }
            let a = rowLevels >= 1 ? totals.code(of: key, level: 0) : 0
            let b = rowLevels >= 2 ? totals.code(of: key, level: 1) : 0
            if matrix {
                let c = totals.code(of: key, level: rowLevels)
                columnTotals.absorb(total, slot: slot, as: c, slots: &columnSlots, plan: plan)
                if rowLevels >= 1 { cells.absorb(total, slot: slot, as: cellKey(c, a, nil), slots: &cellSlots, plan: plan) }
                if rowLevels >= 2 { cells.absorb(total, slot: slot, as: cellKey(c, a, b), slots: &cellSlots, plan: plan) }
            }
            if rowLevels >= 1 { first.absorb(total, slot: slot, as: a, slots: &firstSlots, plan: plan) }
            if rowLevels >= 2 {
                if matrix {
                    second.absorb(total, slot: slot, as: a + b * size0, slots: &secondSlots, plan: plan)
                } else {
                    // Without a column level the leaves are the second-level groups.
                    _ = secondSlots.slot(key) { slot }
                }
            }
        }
        if rowLevels >= 2, !matrix { second = total }
        // The grand total of grouped reports: the first-level groups merged (in code order).
        if rowLevels >= 1 {
            for (code, slot) in firstSlots.entries.sorted(by: { $0.key < $1.key }) {
                _ = code
                grand.absorb(first, slot: slot, as: 0, slots: &grandSlots, plan: plan)
            }
        }
        let empty = ColumnRunTally.empty(plan: plan).aggregates(0, functions, plan: plan)
        func sortedCodes(_ codes: some Sequence<Int>, level: Int) -> [(code: Int, key: ReportKey)] {
            codes.map { ($0, totals.levelKeys[level].indices.contains($0) ? totals.levelKeys[level][$0] : .empty) }.sorted { $0.key < $1.key }
        }
        let columnCodes = matrix ? sortedCodes(columnSlots.entries.map(\.key), level: rowLevels) : []
        func cellsOf(_ a: Int, _ b: Int?) -> [ReportAggregates] {
            guard matrix else { return [] }
            return columnCodes.map { c in cellSlots.slot(cellKey(c.code, a, b)).map { cells.aggregates($0, functions, plan: plan) } ?? empty }
        }
        // Second-level codes are sorted once (by rank), not once per first-level group.
        var childrenOf: [[(code: Int, slot: Int, rank: Int)]] = Array(repeating: [], count: rowLevels >= 2 ? size0 : 0)
        if rowLevels >= 2 {
            let entries = secondSlots.entries
            var present = Array(repeating: false, count: size1)
            for (key, _) in entries where key / size0 < size1 { present[key / size0] = true }
            var rank = Array(repeating: 0, count: size1)
            for (n, b) in sortedCodes(present.indices.filter { present[$0] }, level: 1).enumerated() { rank[b.code] = n }
            for (key, slot) in entries where key / size0 < size1 {
                childrenOf[key % size0].append((key / size0, slot, rank[key / size0]))
            }
        }
        let groups: [ReportGroup] = sortedCodes(firstSlots.entries.map(\.key), level: 0).map { a in
            let kids = childrenOf.indices.contains(a.code) ? childrenOf[a.code] : []
            let children: [ReportGroup] = kids.sorted { $0.rank < $1.rank }.map { b in
                ReportGroup(key: totals.levelKeys[1].indices.contains(b.code) ? totals.levelKeys[1][b.code] : .empty,
                            aggregates: second.aggregates(b.slot, functions, plan: plan), columns: cellsOf(a.code, b.code))
            }
            return ReportGroup(key: a.key, aggregates: firstSlots.slot(a.code).map { first.aggregates($0, functions, plan: plan) } ?? empty,
                               columns: cellsOf(a.code, nil), children: children)
        }
        let matched = total.matched
        return ReportResult(
            definition: definition, rows: rows.map(\.values), groups: groups, columnKeys: columnCodes.map(\.key),
            total: grandSlots.slot(0).map { grand.aggregates($0, functions, plan: plan) } ?? empty,
            columnTotals: columnCodes.map { c in columnSlots.slot(c.code).map { columnTotals.aggregates($0, functions, plan: plan) } ?? empty },
            recordCount: matched,
            truncation: !columns.isEmpty && matched > rowLimit ? ReportTruncation(limit: rowLimit, matched: matched) : nil,
            asOf: snapshot.sequence)
    }
}

/// What a column walk collected: its totals by leaf key, and how to read the keys.
struct ColumnTotals {
    var plan: ColumnWalkPlan
    var total: ColumnRunTally
    var columns: [FieldColumn]
    var handles: [RecordHandle]
    /// Per level, the group key each code stands for.
    var levelKeys: [[ReportKey]]
    var levelSizes: [Int]

    /// The code of `level` in a leaf key.
    func code(of key: Int, level: Int) -> Int { key / plan.strides[level] % max(levelSizes[level], 1) }

    /// The group key of `level` in a leaf key.
    func key(of key: Int, level: Int) -> ReportKey {
        let code = code(of: key, level: level)
        return levelKeys[level].indices.contains(code) ? levelKeys[level][code] : .empty
    }
}

/// A filter over columns: tests answered by tables indexed by value number.
indirect enum ColumnFilter: Sendable {
    case all([ColumnFilter])
    case any([ColumnFilter])
    case not(ColumnFilter)
    case test(column: Int, table: Int)
    /// The whole filter, reading one column.
    case single(column: Int, table: [Bool])
    /// A tree of tests and their tables.
    case tree(ColumnFilter, [[Bool]])
    /// Tests that must all pass, each on one column.
    case conjunction([(column: Int, table: [Bool])])

    func matches(tables: [[Bool]], ids: (Int) -> Int) -> Bool {
        switch self {
        case .all(let list): return list.allSatisfy { $0.matches(tables: tables, ids: ids) }
        case .any(let list): return list.contains { $0.matches(tables: tables, ids: ids) }
        case .not(let inner): return !inner.matches(tables: tables, ids: ids)
        case .test(let column, let table):
            let id = ids(column)
            return tables.indices.contains(table) && tables[table].indices.contains(id) && tables[table][id]
        case .single(let column, let table):
            let id = ids(column)
            return table.indices.contains(id) && table[id]
        case .tree(let tree, let tables): return tree.matches(tables: tables, ids: ids)
        case .conjunction(let tests):
            return tests.allSatisfy { test in
                let id = ids(test.column)
                return test.table.indices.contains(id) && test.table[id]
            }
        }
    }
}

/// What a column walk needs per record, read-only and shared by the runs.
struct ColumnWalkPlan: Sendable {
    enum Summary: Sendable {
        case count
        case unique(column: Int)
        case measure(column: Int)
    }

    /// Per column, the value number per record position.
    var ids: [[UInt32]]
    var filter: ColumnFilter?
    var levelColumns: [Int]
    /// Per level, the group code per value number (`nil`: the value number is the code).
    var levelCodes: [[UInt32]?]
    var strides: [Int]
    /// How many leaf keys there can be (the product of the levels' code counts).
    var space: Int
    var summaries: [Summary]
    /// Per column, the measure per value number.
    var measures: [[Double]]
    /// How many matching records' positions (in `handles`) to keep for detail rows.
    var rowLimit: Int

    /// Leaf keys up to this many are found in a table; past it, in a dictionary.
    static let tabled = 1 << 18

    func walk(_ handles: [RecordHandle], _ range: Range<Int>) -> ColumnRunTally {
        var run = ColumnRunTally(plan: self)
        let tabled = space <= Self.tabled
        var slots: [Int32] = tabled ? Array(repeating: -1, count: space) : []
        var slotOf = SlotTable()
        let s = summaries.count
        let levels = levelColumns.count
        for k in range {
            let p = handles[k].position
            if let filter {
                switch filter {
                case .single(let column, let table):
                    let id = Int(ids[column][p])
                    guard id < table.count, table[id] else { continue }
                case .conjunction(let tests):
                    var passes = true
                    for test in tests {
                        let id = Int(ids[test.column][p])
                        if id >= test.table.count || !test.table[id] {
                            passes = false
                            break
                        }
                    }
                    guard passes else { continue }
                default:
                    guard filter.matches(tables: [], ids: { Int(ids[$0][p]) }) else { continue }
                }
            }
            run.matched += 1
            if run.rows.count < rowLimit { run.rows.append(k) }
            var key = 0
            for level in 0..<levels {
                let id = ids[levelColumns[level]][p]
                let code: UInt32
                if let codes = levelCodes[level] {
                    code = Int(id) < codes.count ? codes[Int(id)] : 0
                } else {
                    code = id
                }
                key &+= Int(code) &* strides[level]
            }
            var slot: Int
            if tabled {
                slot = Int(slots[key])
                if slot < 0 {
                    slot = run.addSlot(key, summaries: s)
                    slots[key] = Int32(truncatingIfNeeded: slot)
                }
            } else {
                slot = slotOf.slot(key) { run.addSlot(key, summaries: s) }
            }
            run.counts[slot] += 1
            for (k, summary) in summaries.enumerated() {
                switch summary {
                case .count: break
                case .unique(let column):
                    let id = ids[column][p]
                    if id != 0 { run.uniques[slot * s + k][id, default: 0] += 1 }
                case .measure(let column):
                    let n = measures[column][Int(ids[column][p])]
                    if !n.isNaN { run.add(n, at: slot * s + k) }
                }
            }
        }
        return run
    }
}

/// The running totals of one run of a column walk, as flat arrays: per leaf slot its key and
/// count, and per slot and summary (at `slot * summaries + summary`) the totals an
/// ``Accumulator`` keeps.
struct ColumnRunTally: Sendable {
    var keys: [Int] = []
    var counts: [Int] = []
    var sums: [CompensatedSum] = []
    var measured: [Int] = []
    var minimums: [Double] = []
    var minimumCounts: [Int] = []
    var maximums: [Double] = []
    var maximumCounts: [Int] = []
    var uniques: [[UInt32: Int]] = []
    var matched = 0
    /// Positions (in the walked handles) of the first matching records, up to the row limit.
    var rows: [Int] = []

    init(plan: ColumnWalkPlan) {}

    mutating func addSlot(_ key: Int, summaries s: Int) -> Int {
        keys.append(key)
        counts.append(0)
        sums += repeatElement(CompensatedSum(), count: s)
        measured += repeatElement(0, count: s)
        minimums += repeatElement(.infinity, count: s)
        minimumCounts += repeatElement(0, count: s)
        maximums += repeatElement(-.infinity, count: s)
        maximumCounts += repeatElement(0, count: s)
        uniques += repeatElement([:], count: s)
        return keys.count - 1
    }

    /// Adds a measure as ``Accumulator/add(_:_:_:)`` does.
    mutating func add(_ n: Double, at i: Int) {
        measured[i] += 1
        sums[i].add(n)
        if n < minimums[i] {
            minimums[i] = n
            minimumCounts[i] = 1
        } else if n == minimums[i] {
            minimumCounts[i] += 1
        }
        if n > maximums[i] {
            maximums[i] = n
            maximumCounts[i] = 1
        } else if n == maximums[i] {
            maximumCounts[i] += 1
        }
    }

    /// Totals with one empty slot (what a group nothing fell into shows).
    static func empty(plan: ColumnWalkPlan) -> ColumnRunTally {
        var tally = ColumnRunTally(plan: plan)
        _ = tally.addSlot(0, summaries: plan.summaries.count)
        return tally
    }

    /// Merges a later run's totals in, as ``Accumulator/merge(_:)`` does, and its rows after
    /// this one's.
    /// `slotOf` holds this tally's slots by key (kept by the caller from merge to merge).
    mutating func merge(_ other: ColumnRunTally, slots slotOf: inout SlotTable, plan: ColumnWalkPlan) {
        for (o, key) in other.keys.enumerated() { absorb(other, slot: o, as: key, slots: &slotOf, plan: plan) }
        matched += other.matched
        if rows.count < plan.rowLimit { rows += other.rows.prefix(plan.rowLimit - rows.count) }
    }

    /// The aggregates of a slot, as ``Accumulator/aggregates(_:)`` gives them.
    func aggregates(_ slot: Int, _ functions: [ReportSummary.Function], plan: ColumnWalkPlan) -> ReportAggregates {
        let s = plan.summaries.count
        let values: [Double?] = functions.enumerated().map { k, function in
            let i = slot * s + k
            let sum = sums[i].value
            return switch function {
            case .count: Double(counts[slot])
            case .sum: sum.isFinite ? sum : nil
            case .average: measured[i] > 0 && sum.isFinite ? sum / Double(measured[i]) : nil
            case .minimum: measured[i] > 0 ? minimums[i] : nil
            case .maximum: measured[i] > 0 ? maximums[i] : nil
            case .uniqueCount: Double(uniques[i].count)
            }
        }
        return ReportAggregates(count: counts[slot], values: values)
    }

    /// Merges slot `o` of `other` into this tally's slot for `key` (made when missing).
    mutating func absorb(_ other: ColumnRunTally, slot o: Int, as key: Int, slots slotOf: inout SlotTable, plan: ColumnWalkPlan) {
        let s = plan.summaries.count
        do {
            let slot = slotOf.slot(key) { addSlot(key, summaries: s) }
            counts[slot] += other.counts[o]
            for k in 0..<s {
                let i = slot * s + k, j = o * s + k
                sums[i].add(other.sums[j])
                measured[i] += other.measured[j]
                if other.minimums[j] < minimums[i] {
                    minimums[i] = other.minimums[j]
                    minimumCounts[i] = other.minimumCounts[j]
                } else if other.minimums[j] == minimums[i] {
                    minimumCounts[i] += other.minimumCounts[j]
                }
                if other.maximums[j] > maximums[i] {
                    maximums[i] = other.maximums[j]
                    maximumCounts[i] = other.maximumCounts[j]
                } else if other.maximums[j] == maximums[i] {
                    maximumCounts[i] += other.maximumCounts[j]
                }
                if uniques[i].isEmpty {
                    uniques[i] = other.uniques[j]
                } else if !other.uniques[j].isEmpty {
                    uniques[i].merge(other.uniques[j], uniquingKeysWith: +)
                }
            }
        }
    }
}
