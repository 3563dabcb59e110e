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
    /// One operation on one index row; `value` is `nil` for a removal.
    private struct Operation {
        var type: String
        var field: String
        var key: String
        var id: String
        var value: String?
        /// Position in feed order, so the last operation on a row wins.
        var order: Int
    }

    private var operations: [Operation] = []
    /// The deltas in feed order, kept only when one of them needs a scan.
    private var inOrder: [(type: String, id: String, delta: IndexDelta)] = []
    private var needsScan = false

    init(capacity: Int = 0) {
        operations.reserveCapacity(capacity)
    }

    /// Whether nothing was added.
    var isEmpty: Bool { operations.isEmpty && inOrder.isEmpty }

    /// Adds the next delta in feed order.
    mutating func add(_ delta: IndexDelta, type: String, id: String) {
        inOrder.append((type, id, delta))
        if delta.removeAll { needsScan = true }
        guard !needsScan else { return }
        for row in delta.removed {
            operations.append(Operation(type: type, field: row.field, key: row.key, id: id, value: nil, order: operations.count))
        }
        for row in delta.written {
            operations.append(Operation(type: type, field: row.field, key: row.key, id: id, value: row.value, order: operations.count))
        }
    }

    /// Applies the deltas inside the caller's transaction: the final state of each row in key
    /// order, or every delta in feed order when one of them needs a scan.
    func apply(on connection: SQLiteConnection) throws {
        if needsScan {
            for entry in inOrder { try SQLiteTransaction.apply(entry.delta, type: entry.type, id: entry.id, on: connection) }
            return
        }
        var keys = SortKeys(rows: operations.count)
        for op in operations {
            keys.append(op.type, first: true)
            keys.append(op.field, first: false)
            keys.append(op.key, first: false)
            keys.append(op.id, first: false)
            keys.endRow()
        }
        let order = keys.sortedIndices()
        var k = 0
        while k < order.count {
            // The last operation of this row's run wins (runs are in feed order).
            var last = k
            while last + 1 < order.count, keys.equal(order[last + 1], order[k]),
                Self.sameRow(operations[order[last + 1]], operations[order[k]]) { last += 1 }
            let op = operations[order[last]]
            if let value = op.value {
                try connection.run(SQLiteSchema.putIndex, [.text(op.type), .text(op.field), .text(op.key), .text(op.id), .text(value)])
            } else {
                try connection.run(SQLiteSchema.deleteIndexRow, [.text(op.type), .text(op.field), .text(op.key), .text(op.id)])
            }
            k = last + 1
        }
    }

    private static func sameRow(_ a: Operation, _ b: Operation) -> Bool {
        a.id == b.id && a.key == b.key && a.field == b.field && a.type == b.type
    }
}
