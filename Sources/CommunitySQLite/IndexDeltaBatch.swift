/// Many changes' ``IndexDelta``s applied to `ck_index` together, as a large transaction or a
/// catching-up index batch needs: the net effect is the same as applying each delta in feed
/// order, but every index row is touched once, in the table's key order.
///
/// Each row `(type, field, key, id)` ends in the state its last operation in feed order left
/// it in: written (with that operation's value) or removed. Writing those final states sorted
/// by the primary key walks the b-tree from left to right, so neighbouring rows share the
/// pages they dirty and the page cache, where feed order (one record's four or five fields,
/// then the next record's) jumps between distant pages on every row.
///
/// A delta that removes all of an entity's rows by a scan (its old body no longer decoded)
/// cannot be folded into per-row operations: a batch holding one is applied in feed order,
/// delta by delta, instead.
struct IndexDeltaBatch {
    /// One operation on one index row: row `row` of entry `entry`'s delta, counting its
    /// removed rows first, then its written rows (a removal, or a write with that row's value).
    /// Kept as positions (8 bytes) rather than copies of the row's strings: a large
    /// transaction has millions.
    private struct Operation {
        var entry: Int32
        var row: Int32
    }

    /// The deltas in feed order.
    private var entries: [(type: String, id: String, delta: IndexDelta)] = []
    /// Every row operation, in feed order (their position is their order).
    private var operations: [Operation] = []
    private var needsScan = false

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
        operations.reserveCapacity(capacity * 4)
    }

    /// Whether nothing was added.
    var isEmpty: Bool { entries.isEmpty }

    /// Adds the next delta in feed order.
    mutating func add(_ delta: IndexDelta, type: String, id: String) {
        let entry = Int32(clamping: entries.count)
        entries.append((type, id, delta))
        if delta.removeAll { needsScan = true }
        guard !needsScan else { return }
        for row in 0..<(delta.removed.count + delta.written.count) {
            operations.append(Operation(entry: entry, row: Int32(clamping: row)))
        }
    }

    /// The row an operation touches, and the value it writes (`nil` for a removal).
    private func target(_ op: Operation) -> (type: String, id: String, row: SQLiteTransaction.IndexRow, value: String?) {
        let entry = entries[Int(op.entry)]
        let removed = entry.delta.removed.count
        let row = Int(op.row)
        if row < removed { return (entry.type, entry.id, entry.delta.removed[row], nil) }
        let written = entry.delta.written[row - removed]
        return (entry.type, entry.id, written, written.value)
    }

    /// Applies the deltas inside the caller's transaction: the final state of each row in key
    /// order, or every delta in feed order when one of them needs a scan.
    func apply(on connection: SQLiteConnection) throws {
        var slots = IndexSlots()
        if needsScan {
            for entry in entries {
                try SQLiteTransaction.apply(entry.delta, type: entry.type, id: entry.id, on: connection, slots: &slots)
            }
            return
        }
        var keys = SortKeys(rows: operations.count)
        for op in operations {
            let t = target(op)
            keys.append(t.type, first: true)
            keys.append(t.row.field, first: false)
            keys.append(t.row.key, first: false)
            keys.append(t.id, first: false)
            keys.endRow()
        }
        let order = keys.sortedIndices()
        let remove = try connection.statement(SQLiteSchema.deleteIndexRow)
        // Every row's final state is independent of the others': removals run as they come,
        // writes go many rows to a statement, still in key order.
        var put = SQLiteGroupedInsert(connection, SQLiteSchema.putIndexRows)
        var k = 0
        while k < order.count {
            // The last operation of this row's run wins (runs are in feed order).
            var last = k
            let first = target(operations[order[k]])
            while last + 1 < order.count, keys.equal(order[last + 1], order[k]),
                Self.sameRow(target(operations[order[last + 1]]), first) { last += 1 }
            let op = target(operations[order[last]])
            if op.value != nil {
                let slot = try slots.slot(op.type, op.row.field, on: connection)
                try put.append(.integer(slot))
                try put.append(.text(op.row.key))
                try put.append(.text(op.id))
                try put.append(op.row.storedValue)
            } else if let slot = try slots.existing(op.type, op.row.field, on: connection) {
                try connection.run(remove, [.integer(slot), .text(op.row.key), .text(op.id)])
            }
            k = last + 1
        }
        try put.finish()
    }

    private static func sameRow(
        _ a: (type: String, id: String, row: SQLiteTransaction.IndexRow, value: String?),
        _ b: (type: String, id: String, row: SQLiteTransaction.IndexRow, value: String?)
    ) -> Bool {
        a.id == b.id && a.row.key == b.row.key && a.row.field == b.row.field && a.type == b.type
    }
}
