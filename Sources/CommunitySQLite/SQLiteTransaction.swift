import CommunityModel
import Foundation

/// A change made inside a ``SQLiteTransaction``, published when it commits.
struct SQLitePendingChange {
    var entityType: EntityType
    var id: String
    var kind: Change.Kind
    var version: Int
    var entity: (any Entity)?
    var body: [UInt8]?
    /// What the change does to the entity's index rows, applied when the index catches up.
    var index: IndexDelta
}

/// A ``SQLiteStore`` write transaction: the writer connection inside `BEGIN IMMEDIATE`.
///
/// A put or delete writes the entity row at once and keeps its ``IndexDelta``; the store
/// stores the deltas in the feed rows at commit (or applies them there, see ``SQLiteStore``).
/// Queries inside the transaction count the entities it changed as candidates.
final class SQLiteTransaction: StoreTransaction {
    private let reader: SQLiteReader
    let sequence: UInt64
    private(set) var pending: [SQLitePendingChange] = []
    /// A storage failure inside a write; the transaction then cannot commit, even if the body
    /// caught the error, because the write may be half done.
    private(set) var failure: StoreError?
    /// The error of a `put` refused as invalid: the transaction then cannot commit, even if
    /// the body caught the error.
    private(set) var rejection: (any Error)?
    private let validator: StoreValidator

    init(connection: SQLiteConnection, sequence: UInt64, validator: StoreValidator) {
        reader = SQLiteReader(connection: connection)
        self.sequence = sequence
        self.validator = validator
    }

    private var connection: SQLiteConnection { reader.connection }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try reader.get(id) }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try reader.all(type) }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] {
        let changed = pending.lazy.filter { $0.entityType == E.entityType }.map(\.id)
        return try reader.query(query, changed: Set(changed))
    }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try reader.count(type) }

    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int {
        try usable()
        do {
            try validator.check(value)
        } catch {
            rejection = error
            throw error
        }
        let type = E.entityType.name
        let id = value.id.rawValue
        let stored = try reader.stored(E.self, id)
        let existing = stored?.version
        try Self.check(E.entityType, id, expecting, existing)
        let body: [UInt8]
        do {
            body = try EntityBody.encode(value)
        } catch {
            throw StoreError.corrupt(entity: E.entityType, id: id, detail: "cannot encode: \(error)")
        }
        var access = SQLiteValue.null
        if let record = value as? any Record {
            do {
                access = .blob(try RecordAccessFields(of: record).encoded())
            } catch {
                throw StoreError.corrupt(entity: E.entityType, id: id, detail: "cannot encode its access fields: \(error)")
            }
        }
        let index = Self.indexRows(of: value)
        let version = (existing ?? 0) + 1
        try recording {
            try connection.run(SQLiteSchema.putEntity, [.text(type), .text(id), .integer(Int64(version)), .blob(body), access])
        }
        // Old rows the new value no longer has go; every new row is (re)written, so a row
        // missing from an older file or an older index definition is filled in.
        var delta = IndexDelta(removeAll: false, removed: [], written: index)
        if let stored {
            if let old = oldIndexRows(E.self, id, stored.body) {
                let keeping = Set(index)
                delta.removed = old.filter { !keeping.contains($0) }
            } else {
                delta.removeAll = true
            }
        }
        pending.append(
            SQLitePendingChange(
                entityType: E.entityType, id: id, kind: existing == nil ? .inserted : .updated, version: version,
                entity: value, body: body, index: delta))
        return version
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        try usable()
        let key = id.rawValue
        guard let existing = try reader.version(E.self, key) else {
            if expecting == .any { return }
            throw StoreError.conflict(entity: E.entityType, id: key, expected: expecting, actual: nil)
        }
        try Self.check(E.entityType, key, expecting, existing)
        let old = try reader.stored(E.self, key).flatMap { oldIndexRows(E.self, key, $0.body) }
        try recording {
            try connection.run(SQLiteSchema.deleteEntity, [.text(E.entityType.name), .text(key)])
        }
        let delta = IndexDelta(removeAll: old == nil, removed: old ?? [], written: [])
        pending.append(
            SQLitePendingChange(
                entityType: E.entityType, id: key, kind: .deleted, version: existing, entity: nil, body: nil, index: delta))
    }

    /// One `ck_index` row of an entity.
    struct IndexRow: Hashable {
        var field: String
        var key: String
        var value: String
    }

    static func indexRows<E: Entity>(of value: E) -> [IndexRow] {
        var rows: [IndexRow] = []
        for field in E.indexedFields {
            guard let fieldValue = field.value(value) else { continue }
            rows.append(IndexRow(field: field.name, key: IndexKey.of(fieldValue), value: IndexValueCodec.encode(fieldValue)))
        }
        return rows
    }

    /// The index rows a stored body has; `nil` when it no longer decodes.
    private func oldIndexRows<E: Entity>(_ type: E.Type, _ id: String, _ body: [UInt8]) -> [IndexRow]? {
        (try? reader.decode(body, id, E.self)).map(Self.indexRows(of:))
    }

    /// Applies one change's index delta to `ck_index`: the removed rows by their keys (or
    /// every row of the entity, by a scan of its type, when its old rows were unknown), then
    /// the written rows.
    static func apply(_ delta: IndexDelta, type: String, id: String, on connection: SQLiteConnection) throws {
        if delta.removeAll {
            try connection.run(SQLiteSchema.deleteIndexScan, [.text(type), .text(id)])
        }
        for row in delta.removed {
            try connection.run(SQLiteSchema.deleteIndexRow, [.text(type), .text(row.field), .text(row.key), .text(id)])
        }
        for row in delta.written {
            try connection.run(SQLiteSchema.putIndex, [.text(type), .text(row.field), .text(row.key), .text(id), .text(row.value)])
        }
    }

    private func usable() throws {
        if let failure { throw failure }
        if let rejection { throw rejection }
    }

    /// Runs statements that change the database; a failure poisons the transaction.
    private func recording(_ body: () throws -> Void) throws {
        do {
            try body()
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
