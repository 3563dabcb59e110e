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
        // The table's key is compared bytewise (SQLite's BINARY collation); comparing UTF-8
        // bytes here gives exactly its order, so inserts run left to right.
        let sorted = operations.sorted { a, b in
            if let c = Self.compare(a.type, b.type) { return c }
            if let c = Self.compare(a.field, b.field) { return c }
            if let c = Self.compare(a.key, b.key) { return c }
            if let c = Self.compare(a.id, b.id) { return c }
            return a.order < b.order
        }
        var k = 0
        while k < sorted.count {
            // The last operation of this row's run wins.
            var last = k
            while last + 1 < sorted.count, Self.sameRow(sorted[last + 1], sorted[k]) { last += 1 }
            let op = sorted[last]
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

    /// `a < b` by UTF-8 bytes, or `nil` when they are equal.
    private static func compare(_ a: String, _ b: String) -> Bool? {
        if a == b { return nil }
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                for i in 0..<n where x[i] != y[i] { return x[i] < y[i] }
                return x.count < y.count
            }
        }
    }
}
