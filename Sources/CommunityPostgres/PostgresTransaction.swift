import CommunityModel
import Foundation

/// A change made inside a ``PostgresTransaction``, appended to the feed when it commits.
struct PostgresPendingChange {
    var entityType: EntityType
    var id: String
    var kind: Change.Kind
    var version: Int
    var entity: (any Entity)?
    var body: String?
}

/// A ``PostgresStore`` write transaction: the writer connection inside `BEGIN` (READ
/// COMMITTED). Versions are checked by the statements themselves (`UPDATE … WHERE version
/// = $n`, `INSERT … ON CONFLICT DO NOTHING`), so two hosts writing one entity can never
/// both win: the second statement waits for the first transaction's row lock, then finds
/// the new version and matches no row.
final class PostgresTransaction: StoreTransaction {
    private let reader: PostgresReader
    private var committedSequence: UInt64?
    private(set) var pending: [PostgresPendingChange] = []
    /// A storage failure inside a write: PostgreSQL has aborted the transaction, so it
    /// cannot commit even if the body caught the error.
    private(set) var failure: StoreError?
    /// The error of a `put` refused as invalid: the transaction then cannot commit.
    private(set) var rejection: (any Error)?
    private let validator: StoreValidator
    private let encoder = JSONEncoder()

    init(connection: PostgresConnection, decoders: PostgresEntityDecoders, validator: StoreValidator) {
        reader = PostgresReader(connection: connection, decoders: decoders, locksRows: true)
        self.validator = validator
    }

    /// The last committed sequence when first asked (read then, to spare writes a round
    /// trip); 0 if the database cannot say, which then fails the transaction.
    var sequence: UInt64 {
        if let committedSequence { return committedSequence }
        let value = (try? recording { () throws -> UInt64 in
            let rows = try connection.query(PostgresSchema.readHead)
            guard rows.count == 1 else { throw StoreError.backend("PostgreSQL: the store has no head row") }
            return UInt64(clamping: try rows.integer(0, 0))
        }) ?? 0
        committedSequence = value
        return value
    }

    private var connection: PostgresConnection { reader.connection }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try recording { try reader.get(id) } }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try recording { try reader.all(type) } }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try recording { try reader.query(query) } }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try recording { try reader.count(type) } }

    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int {
        try usable()
        do {
            try validator.check(value)
        } catch {
            rejection = error
            throw error
        }
        reader.decoders.learn(E.self)
        let type = E.entityType.name
        let id = value.id.rawValue
        let body: String
        do {
            body = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError.corrupt(entity: E.entityType, id: id, detail: "cannot encode: \(error)")
        }
        var index: [String?] = [type, id]
        for field in E.indexedFields {
            guard let fieldValue = field.value(value) else { continue }
            index.append(field.name)
            index.append(PostgresIndexKey.of(fieldValue))
        }
        let version: Int = try recording {
            let rows: PostgresRows
            switch expecting {
            case .any: rows = try connection.query(PostgresSchema.putAny, [type, id, body])
            case .absent: rows = try connection.query(PostgresSchema.putAbsent, [type, id, body])
            case .exactly(let expected): rows = try connection.query(PostgresSchema.putExactly, [type, id, body, String(expected)])
            }
            guard rows.count == 1 else {
                throw StoreError.conflict(entity: E.entityType, id: id, expected: expecting, actual: try reader.version(E.self, id))
            }
            let version = Int(try rows.integer(0, 0))
            if version > 1 { try connection.query(PostgresSchema.deleteIndex, [type, id]) }
            if index.count > 2 { try connection.query(PostgresSchema.insertIndex(rows: (index.count - 2) / 2), index) }
            return version
        }
        pending.append(
            PostgresPendingChange(
                entityType: E.entityType, id: id, kind: version == 1 ? .inserted : .updated, version: version, entity: value,
                body: body))
        return version
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        try usable()
        let type = E.entityType.name
        let key = id.rawValue
        let deleted: Int? = try recording {
            let rows: PostgresRows
            switch expecting {
            case .any: rows = try connection.query(PostgresSchema.deleteAny, [type, key])
            case .absent:
                throw StoreError.conflict(entity: E.entityType, id: key, expected: expecting, actual: try reader.version(E.self, key))
            case .exactly(let expected): rows = try connection.query(PostgresSchema.deleteExactly, [type, key, String(expected)])
            }
            guard rows.count == 1 else {
                let actual = try reader.version(E.self, key)
                if actual == nil, expecting == .any { return nil }
                throw StoreError.conflict(entity: E.entityType, id: key, expected: expecting, actual: actual)
            }
            try connection.query(PostgresSchema.deleteIndex, [type, key])
            return Int(try rows.integer(0, 0))
        }
        guard let deleted else { return }
        pending.append(PostgresPendingChange(entityType: E.entityType, id: key, kind: .deleted, version: deleted, entity: nil, body: nil))
    }

    private func usable() throws {
        if let failure { throw failure }
        if let rejection { throw rejection }
    }

    /// Runs statements; a database failure poisons the transaction (PostgreSQL has aborted
    /// it), while a conflict leaves it usable, since the conflicting statement changed nothing.
    private func recording<R>(_ body: () throws -> R) throws -> R {
        try usable()
        do {
            return try body()
        } catch let error as StoreError {
            if case .conflict = error { throw error }
            failure = error
            throw error
        } catch {
            let storeError = StoreError.backend("\(error)")
            failure = storeError
            throw storeError
        }
    }
}
