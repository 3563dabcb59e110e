import CommunityModel
import Dispatch
import Foundation
import Synchronization

/// A change made inside a ``SQLiteTransaction``, published when it commits.
struct SQLitePendingChange {
    var entityType: EntityType
    var id: String
    var kind: Change.Kind
    var version: Int
    var entity: (any Entity)?
    /// The stored body (`nil` for a delete), set when the change is written.
    var body: [UInt8]?
    /// What the change does to the entity's index rows, applied when the index catches up;
    /// set when the change is written.
    var index = IndexDelta(removeAll: false, removed: [], written: [])
    /// The work a put leaves for when its row is written: encoding, access fields, index rows.
    var prepare: (@Sendable () throws -> SQLitePreparedRow)?
    /// The entity's state before this change.
    var previous: SQLitePreviousState
    /// Whether its row is in `ck_entities` (and `body`, `index` are set).
    var written = false
    /// Whether a later change of the same transaction changes the same entity (its feed row
    /// then carries its body: no row will hold it).
    var superseded = false
}

/// What a put computes before its row can be written; pure, so that many run on all cores.
struct SQLitePreparedRow: Sendable {
    var body: [UInt8]
    var access: [UInt8]?
    var indexRows: [SQLiteTransaction.IndexRow]
    /// The index rows of the stored row the put replaces (`nil`: it no longer decodes).
    var storedRows: [SQLiteTransaction.IndexRow]?
}

/// An entity's state before a change of a transaction.
enum SQLitePreviousState {
    /// No row.
    case absent
    /// The committed row; the closure gives its index rows (`nil` when its body no longer decodes).
    case stored(@Sendable () -> [SQLiteTransaction.IndexRow]?)
    /// An earlier change of the same transaction, by its position in `pending`.
    case pending(Int)
}

/// A ``SQLiteStore`` write transaction: the writer connection inside `BEGIN IMMEDIATE`.
///
/// A put or delete checks the version at once (against the transaction's own earlier changes
/// first, then the stored row) and records the change; its row is written when something
/// reads through the transaction, and at commit (``writePending()``). Writing many changes
/// at once is the bulk path: their bodies, access fields and index rows are computed on all
/// cores, and only the last state of each entity is written, in the table's key order. The
/// store stores the changes' index deltas in the feed rows at commit (or applies them there,
/// see ``SQLiteStore``). Queries inside the transaction count the entities it changed as
/// candidates.
final class SQLiteTransaction: StoreTransaction {
    private let reader: SQLiteReader
    let sequence: UInt64
    private(set) var pending: [SQLitePendingChange] = []
    /// The latest change of each entity in `pending`.
    private var latest: [EntityKey: Int] = [:]
    /// How many changes at the front of `pending` have their rows written.
    private var writtenCount = 0
    /// A storage failure inside a write; the transaction then cannot commit, even if the body
    /// caught the error, because the write may be half done.
    private(set) var failure: StoreError?
    /// The error of a `put` refused as invalid: the transaction then cannot commit, even if
    /// the body caught the error.
    private(set) var rejection: (any Error)?
    private let validator: StoreValidator

    /// From this many unwritten changes on, their preparation runs on all cores.
    static let parallelPreparation = 2_048
    /// From this many unwritten changes on, their rows are written in key order.
    static let sortedRows = 64

    private struct EntityKey: Hashable {
        var type: EntityType
        var id: String
    }

    init(connection: SQLiteConnection, sequence: UInt64, validator: StoreValidator) {
        reader = SQLiteReader(connection: connection)
        self.sequence = sequence
        self.validator = validator
    }

    private var connection: SQLiteConnection { reader.connection }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        try writePending()
        return try reader.get(id)
    }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        try writePending()
        return try reader.all(type)
    }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] {
        try writePending()
        let changed = pending.lazy.filter { $0.entityType == E.entityType }.map(\.id)
        return try reader.query(query, changed: Set(changed))
    }
    func count<E: Entity>(_ type: E.Type) throws -> Int {
        try writePending()
        return try reader.count(type)
    }

    /// The entity's current version in this transaction and what it was before the next change.
    private func current<E: Entity>(_ type: E.Type, _ id: String) throws -> (version: Int?, previous: SQLitePreviousState) {
        if let k = latest[EntityKey(type: E.entityType, id: id)] {
            let change = pending[k]
            return (change.kind == .deleted ? nil : change.version, .pending(k))
        }
        guard let stored = try recording({ try reader.stored(E.self, id) }) else { return (nil, .absent) }
        let body = stored.body
        return (stored.version, .stored({ (try? SQLiteReader.decode(body, id, E.self)).map(SQLiteTransaction.indexRows(of:)) }))
    }

    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int {
        try usable()
        do {
            try validator.check(value)
        } catch {
            rejection = error
            throw error
        }
        let id = value.id.rawValue
        let (existing, previous) = try current(E.self, id)
        try Self.check(E.entityType, id, expecting, existing)
        if case .pending(let j) = previous { pending[j].superseded = true }
        let version = (existing ?? 0) + 1
        let storedRows: (@Sendable () -> [IndexRow]?)?
        if case .stored(let rows) = previous { storedRows = rows } else { storedRows = nil }
        let prepare: @Sendable () throws -> SQLitePreparedRow = {
            let body: [UInt8]
            do {
                body = try EntityBody.encode(value)
            } catch {
                throw StoreError.corrupt(entity: E.entityType, id: id, detail: "cannot encode: \(error)")
            }
            var access: [UInt8]?
            if let record = value as? any Record {
                do {
                    access = try RecordAccessFields(of: record).encoded()
                } catch {
                    throw StoreError.corrupt(entity: E.entityType, id: id, detail: "cannot encode its access fields: \(error)")
                }
            }
            return SQLitePreparedRow(body: body, access: access, indexRows: Self.indexRows(of: value), storedRows: storedRows?())
        }
        latest[EntityKey(type: E.entityType, id: id)] = pending.count
        pending.append(
            SQLitePendingChange(
                entityType: E.entityType, id: id, kind: existing == nil ? .inserted : .updated, version: version,
                entity: value, prepare: prepare, previous: previous))
        return version
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        try usable()
        let key = id.rawValue
        let (current, previous) = try current(E.self, key)
        guard let existing = current else {
            if expecting == .any { return }
            throw StoreError.conflict(entity: E.entityType, id: key, expected: expecting, actual: nil)
        }
        try Self.check(E.entityType, key, expecting, existing)
        if case .pending(let j) = previous { pending[j].superseded = true }
        latest[EntityKey(type: E.entityType, id: key)] = pending.count
        pending.append(
            SQLitePendingChange(
                entityType: E.entityType, id: key, kind: .deleted, version: existing, entity: nil, prepare: nil, previous: previous))
    }

    /// Writes the rows of the changes not yet written: prepares them (on all cores when there
    /// are many), works out their index deltas in order, then writes each entity's last
    /// state (in key order when there are many). A failure poisons the transaction.
    func writePending() throws {
        // After a storage failure the transaction only rolls back: nothing more is written.
        guard writtenCount < pending.count, failure == nil else { return }
        try recording {
            let range = writtenCount..<pending.count
            let prepared = try prepareAll(range)
            for (offset, k) in range.enumerated() {
                try resolve(k, prepared[offset])
            }
            var order = Array(range)
            if range.count >= Self.sortedRows {
                // The last change of each entity, in the table's key order (bytewise, as SQLite compares).
                var keys = SortKeys(rows: range.count)
                for k in range {
                    keys.append(pending[k].entityType.name, first: true)
                    keys.append(pending[k].id, first: false)
                    keys.endRow()
                }
                order = []
                order.reserveCapacity(range.count)
                let sorted = keys.sortedIndices()
                for (n, offset) in sorted.enumerated() {
                    // Equal keys stay in feed order: keep the last of each entity's run.
                    let next = n + 1 < sorted.count ? sorted[n + 1] : nil
                    if let next, keys.equal(next, offset), pending[range.lowerBound + next].id == pending[range.lowerBound + offset].id,
                        pending[range.lowerBound + next].entityType == pending[range.lowerBound + offset].entityType
                    {
                        continue
                    }
                    order.append(range.lowerBound + offset)
                }
            }
            // A committed row about to be replaced or deleted: its feed row keeps its body.
            for k in range {
                guard case .stored = pending[k].previous else { continue }
                try connection.run(SQLiteSchema.keepFeedBody, [.text(pending[k].entityType.name), .text(pending[k].id)])
            }
            // Puts go many rows to a statement; the ones added before a delete are written
            // first (a short range may put and delete the same entity).
            var put = SQLiteGroupedInsert(connection, SQLiteSchema.putEntities)
            for k in order {
                let change = pending[k]
                if change.kind == .deleted {
                    try put.finish()
                    try connection.run(SQLiteSchema.deleteEntity, [.text(change.entityType.name), .text(change.id)])
                } else if let body = change.body {
                    try put.append(.text(change.entityType.name))
                    try put.append(.text(change.id))
                    try put.append(.integer(Int64(change.version)))
                    try put.append(.blob(body))
                    try put.append(prepared[k - range.lowerBound]?.access.map(SQLiteValue.blob) ?? .null)
                    try put.append(.integer(feedSequence(k)))
                }
            }
            try put.finish()
            writtenCount = pending.count
        }
    }

    /// The feed sequence change `k` gets when the transaction commits.
    func feedSequence(_ k: Int) -> Int64 {
        let (value, overflow) = Int64(clamping: sequence).addingReportingOverflow(Int64(k) + 1)
        return overflow ? .max : value
    }

    /// The body change `k`'s feed row carries: none for a put that is its entity's last change
    /// in the transaction (the entity's row holds that body, with the change's sequence, and a
    /// reader of the feed takes it from there until ``SQLiteSchema/keepFeedBody`` copies it in).
    func feedBody(_ k: Int) -> [UInt8]? {
        pending[k].superseded ? pending[k].body : nil
    }

    /// Runs every put's preparation in `range`: in order, or in chunks on all cores.
    private func prepareAll(_ range: Range<Int>) throws -> [SQLitePreparedRow?] {
        let work = pending[range].map(\.prepare)
        guard work.count >= Self.parallelPreparation else { return try work.map { try $0?() } }
        let chunk = 1_024
        let chunks = (work.count + chunk - 1) / chunk
        let parts = Mutex([Result<[SQLitePreparedRow?], any Error>?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let part = Result { try work[c * chunk..<min(work.count, (c + 1) * chunk)].map { try $0?() } }
            parts.withLock { $0[c] = part }
        }
        var out: [SQLitePreparedRow?] = []
        out.reserveCapacity(work.count)
        for part in parts.withLock({ $0 }) {
            guard let part else { throw StoreError.backend("a preparation task did not run") }
            out += try part.get()
        }
        return out
    }

    /// Sets change `k`'s body and index delta from its preparation and the state before it.
    private func resolve(_ k: Int, _ prepared: SQLitePreparedRow?) throws {
        var old: [IndexRow] = []
        var removeAll = false
        switch pending[k].previous {
        case .absent: break
        case .stored(let rows):
            // A put prepared the stored rows already; a delete reads them here.
            if let stored = prepared.map({ $0.storedRows }) ?? rows() {
                old = stored
            } else {
                removeAll = true
            }
        case .pending(let j):
            if pending[j].kind != .deleted { old = pending[j].index.written }
        }
        if let prepared {
            pending[k].body = prepared.body
            if old.isEmpty {
                pending[k].index = IndexDelta(removeAll: removeAll, removed: [], written: prepared.indexRows)
            } else {
                let keeping = Set(prepared.indexRows)
                pending[k].index = IndexDelta(removeAll: removeAll, removed: old.filter { !keeping.contains($0) }, written: prepared.indexRows)
            }
        } else {
            pending[k].index = IndexDelta(removeAll: removeAll, removed: old, written: [])
        }
        pending[k].prepare = nil
        pending[k].written = true
    }

    /// One `ck_index` row of an entity.
    struct IndexRow: Hashable {
        var field: String
        var key: String
        var value: String

        /// The `value` column: NULL when the value is the key itself (read back as the key).
        var storedValue: SQLiteValue { value == key ? .null : .text(value) }
    }

    static func indexRows<E: Entity>(of value: E) -> [IndexRow] {
        var rows: [IndexRow] = []
        for field in E.indexedFields {
            guard let fieldValue = field.value(value) else { continue }
            rows.append(IndexRow(field: field.name, key: IndexKey.of(fieldValue), value: IndexValueCodec.encode(fieldValue)))
        }
        return rows
    }

    /// Applies one change's index delta to `ck_index`: the removed rows by their keys (or
    /// every row of the entity, by a scan of its type, when its old rows were unknown), then
    /// the written rows.
    static func apply(_ delta: IndexDelta, type: String, id: String, on connection: SQLiteConnection) throws {
        var slots = IndexSlots()
        try apply(delta, type: type, id: id, on: connection, slots: &slots)
    }

    /// ``apply(_:type:id:on:)`` with the slots of the caller's batch.
    static func apply(_ delta: IndexDelta, type: String, id: String, on connection: SQLiteConnection, slots: inout IndexSlots) throws {
        if delta.removeAll {
            try connection.run(SQLiteSchema.deleteIndexScan, [.text(type), .text(id)])
        }
        for row in delta.removed {
            // A pair without a slot has no rows to remove.
            guard let slot = try slots.existing(type, row.field, on: connection) else { continue }
            try connection.run(SQLiteSchema.deleteIndexRow, [.integer(slot), .text(row.key), .text(id)])
        }
        for row in delta.written {
            let slot = try slots.slot(type, row.field, on: connection)
            try connection.run(SQLiteSchema.putIndex, [.integer(slot), .text(row.key), .text(id), row.storedValue])
        }
    }

    private func usable() throws {
        if let failure { throw failure }
        if let rejection { throw rejection }
    }

    /// Runs statements on the database; a failure poisons the transaction.
    private func recording<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch {
            let storeError = error as? StoreError ?? .backend("\(error)")
            failure = storeError
            throw storeError
        }
    }

    static func check(_ type: EntityType, _ id: String, _ expecting: ExpectedVersion, _ existing: Int?) throws {
        switch expecting {
        case .any: return
        case .absent:
            if existing != nil { throw StoreError.conflict(entity: type, id: id, expected: expecting, actual: existing) }
        case .exactly(let v):
            if existing != v { throw StoreError.conflict(entity: type, id: id, expected: expecting, actual: existing) }
        }
    }
}
