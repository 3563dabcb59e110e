import CommunityModel
import Foundation

/// Reads the shared change feed (`ck_changes`) back as ``Change`` values.
struct PostgresFeedReader: Sendable {
    let pool: PostgresConnectionPool
    let decoders: PostgresEntityDecoders

    /// The last committed sequence.
    func head() throws -> UInt64 {
        try pool.withConnection { connection in
            let rows = try connection.query(PostgresSchema.readHead)
            guard rows.count == 1 else { throw StoreError.backend("PostgreSQL: the store has no head row") }
            return UInt64(clamping: try rows.integer(0, 0))
        }
    }

    /// Committed changes after `sequence`, oldest first, at most `limit`.
    ///
    /// - Throws: ``StoreError/feedTruncated(requested:oldest:)`` when changes after
    ///   `sequence` were pruned; ``StoreError/backend(_:)`` when the database fails.
    func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        guard limit > 0 else { return [] }
        let connection = try pool.beginReadOnly()
        defer {
            if (try? connection.execute("ROLLBACK")) != nil { pool.checkin(connection) }
        }
        let after = String(Int64(clamping: sequence))
        let rows = try connection.query(PostgresSchema.readChanges, [after, String(Int64(clamping: limit))])
        let changes = try decode(rows)
        if let first = changes.first, first.sequence - 1 > sequence {
            throw StoreError.feedTruncated(requested: sequence, oldest: first.sequence)
        }
        if changes.isEmpty {
            let head = try connection.query(PostgresSchema.readHead)
            let committed = head.count == 1 ? UInt64(clamping: try head.integer(0, 0)) : 0
            if sequence < committed { throw StoreError.feedTruncated(requested: sequence, oldest: committed + 1) }
        }
        return changes
    }

    /// Committed changes after `sequence`, at most about `limit` but always ending on a
    /// whole transaction, so an observer never sees part of one.
    func transactions(after sequence: UInt64, limit: Int) throws -> [Change] {
        var changes = try self.changes(after: sequence, limit: limit)
        guard changes.count == limit, let last = changes.last else { return changes }
        while true {
            let more = try self.changes(after: changes.last?.sequence ?? last.sequence, limit: limit)
            let sameTransaction = more.prefix { $0.transaction == last.transaction }
            changes += sameTransaction
            if sameTransaction.count < more.count || more.count < limit { return changes }
        }
    }

    private func decode(_ rows: PostgresRows) throws -> [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(rows.count)
        for r in 0..<rows.count {
            let sequence = UInt64(clamping: try rows.integer(r, 0))
            let type = EntityType(rows.text(r, 2))
            let id = rows.text(r, 3)
            guard let kind = Change.Kind(rawValue: rows.text(r, 4)) else {
                throw StoreError.corrupt(entity: type, id: id, detail: "change #\(sequence) has kind \(rows.text(r, 4))")
            }
            var entity: (any Entity)?
            if !rows.isNull(r, 6) {
                do {
                    entity = try decoders.decode(type, from: rows.data(r, 6))
                } catch {
                    throw StoreError.corrupt(entity: type, id: id, detail: "change #\(sequence): \(error)")
                }
            }
            changes.append(
                Change(
                    sequence: sequence, transaction: UInt64(clamping: try rows.integer(r, 1)), entityType: type, id: id,
                    kind: kind, version: Int(try rows.integer(r, 5)), entity: entity))
        }
        return changes
    }
}
