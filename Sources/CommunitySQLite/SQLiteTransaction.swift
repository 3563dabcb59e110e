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
}

/// A ``SQLiteStore`` write transaction: the writer connection inside `BEGIN IMMEDIATE`.
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
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try reader.query(query) }
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
        let index = Self.indexRows(of: value)
        let version = (existing ?? 0) + 1
        try recording {
            try connection.run(SQLiteSchema.putEntity, [.text(type), .text(id), .integer(Int64(version)), .blob(body)])
            if let stored {
                // Old rows the new value no longer has go; every new row is (re)written, so a
                // row missing from an older file or an older index definition is filled in.
                try removeIndex(E.self, id, oldIndexRows(E.self, id, stored.body), keeping: Set(index))
            }
            for row in index {
                try connection.run(SQLiteSchema.putIndex, [.text(type), .text(row.field), .text(row.key), .text(id), .text(row.value)])
            }
        }
        pending.append(
            SQLitePendingChange(
                entityType: E.entityType, id: id, kind: existing == nil ? .inserted : .updated, version: version,
                entity: value, body: body))
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
            try removeIndex(E.self, key, old, keeping: [])
        }
        pending.append(
            SQLitePendingChange(entityType: E.entityType, id: key, kind: .deleted, version: existing, entity: nil, body: nil))
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

    /// Deletes an entity's old index rows by their keys (all but `keeping`), or by a scan of
    /// its type when the old rows are unknown.
    private func removeIndex<E: Entity>(_ type: E.Type, _ id: String, _ old: [IndexRow]?, keeping: Set<IndexRow>) throws {
        guard let old else {
            try connection.run(SQLiteSchema.deleteIndexScan, [.text(E.entityType.name), .text(id)])
            return
        }
        for row in old where !keeping.contains(row) {
            try connection.run(SQLiteSchema.deleteIndexRow, [.text(E.entityType.name), .text(row.field), .text(row.key), .text(id)])
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
