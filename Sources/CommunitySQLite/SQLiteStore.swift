public import CommunityModel
public import Foundation
import Synchronization

/// A durable ``Store`` in one SQLite database file, on the system's SQLite.
///
/// - Entities are stored as ``EntityBody`` bytes (a version byte, then the compact binary
///   encoding; rows written as JSON by earlier versions still read) in one generic table
///   keyed by entity type and id, and decoded by the type a read asks for. Indexed field
///   values live in an index table that queries look candidates up in.
/// - A record's row also holds its ``RecordAccessFields`` (owner, account and the fields
///   sharing compares), written with the body in the same statement. Snapshots are
///   ``EncodedRecordReading``: an `AccessEngine` builds from those fields in one read
///   transaction and keeps the bodies encoded until something reads them, instead of
///   decoding every record. Files of schema 3 gain the column when opened and have it filled
///   for the registry's record types (see ``SQLiteSchema``).
/// - The database runs in WAL mode. Writers are serialised and each `write` is one SQLite
///   transaction (`BEGIN IMMEDIATE` … `COMMIT`, `ROLLBACK` when the body throws).
/// - Each snapshot is a read transaction on a reader connection of its own, so reads never
///   wait for the writer and see exactly the commits before they began.
/// - The change feed is a table: ``changes(after:limit:)`` survives reopening. Changes read
///   back carry their `entity` only for types in the store's ``EntityRegistry``; changes
///   delivered live to observers always carry it.
/// - Every value reaches SQLite as a bound parameter; SQLite failures surface as
///   ``StoreError/backend(_:)``, unreadable rows as ``StoreError/corrupt(entity:id:detail:)``.
///
/// - Every `put` is checked with a ``StoreValidator`` first (the entity's
///   `Entity.validate()`, then custom fields against the store's schemas): an invalid entity
///   throws its `ValidationError`, nothing of it is written, and the transaction rolls back
///   even if the body catches the error.
/// - One writer per file: opening takes an exclusive advisory lock (`flock(2)`, `LOCK_EX`)
///   on the sidecar file `<path>-lock`, held until the store is deinitialised. A second
///   ``init(path:registry:schemas:)`` on the same file, in this process or another, throws
///   ``StoreError/locked(path:)`` at once instead of writing with a stale change sequence.
///   The sidecar file stays on disk; deleting it while a store is open defeats the lock.
///
/// `synchronous=NORMAL`: a commit survives a crash of the process; a power loss may lose
/// the last commits but never corrupts the file.
///
/// A single-row write costs: one version lookup, the entity row (with the change's sequence)
/// and one feed row carrying the change's ``IndexDelta`` but not the body, which a reader of
/// the feed takes from the entity row while it holds that version; replacing or deleting a row
/// first copies its body into that feed row (see ``SQLiteSchema``). All in one WAL transaction whose `BEGIN` and
/// `COMMIT` are prepared statements like every other. No counter row is updated per commit:
/// the newest feed row is the sequence (`ck_meta` keeps it only across a prune).
///
/// A transaction's rows are written when it next reads and at commit (see
/// ``SQLiteTransaction``): a large transaction is the bulk path, its rows prepared on all
/// cores and written in key order, so an import needs no API of its own. Entity rows, feed
/// rows and index rows are written up to 64 to a statement (``SQLiteGroupedInsert``): one
/// run, one reset and one open cursor for all of them.
///
/// The index rows are written in batches: a commit that brings the changes not yet in
/// `ck_index` to ``indexBatch`` or more applies all their deltas, in feed order, inside that
/// same transaction and records the new `indexed` sequence in `ck_meta`. Many single-row
/// commits thus share the index pages they dirty instead of each writing one page per
/// indexed field. Queries stay exact: the entities changed after the `indexed` sequence
/// (at most ``indexBatch`` − 1 changes) are always query candidates, read from their current
/// rows. A crash loses nothing: the deltas are in the committed feed rows.
public final class SQLiteStore: Store {
    /// The database file.
    public let path: String
    /// The types changes read back from the feed are decoded as.
    public let registry: EntityRegistry
    /// The checks every `put` runs before writing.
    public let validator: StoreValidator
    /// The exclusive lock on `<path>-lock`, released when the store is deinitialised.
    private let lock: SQLiteFileLock
    private let writer: Mutex<WriterState>
    private let readers: SQLiteReaderPool
    private let observers = Mutex<[UInt64: @Sendable ([Change]) -> Void]>([:])
    private let nextObserver = Atomic<UInt64>(1)

    /// How many changes may wait in the feed for their index rows before a commit applies them all.
    static let indexBatch = 32

    /// The writer connection and the counters it advances.
    private struct WriterState: Sendable {
        let connection: SQLiteConnection
        var sequence: UInt64
        var transactions: UInt64
        /// The sequence through which `ck_index` is up to date.
        var indexed: UInt64
        /// Committed changes after `indexed`, whose deltas wait in the feed.
        var unindexed: Int
    }

    /// Opens the store in the file at `path`, creating the file and its tables if needed, and
    /// takes the store's exclusive lock (`<path>-lock`) for the lifetime of this instance.
    ///
    /// - Parameters:
    ///   - path: a file path (not `:memory:`: readers need their own connections to the file).
    ///   - registry: the entity types that changes read back from the feed are decoded as.
    ///   - schemas: custom field schemas that records' custom values are checked against on
    ///     every `put` (see ``StoreValidator``).
    /// - Throws: ``StoreError/locked(path:)`` when another open store, in this process or
    ///   another, holds the file; ``StoreError/backend(_:)`` when the file cannot be opened
    ///   or is not a CommunityKit store of a schema this version reads.
    public convenience init(path: String, registry: EntityRegistry = EntityRegistry(), schemas: [ObjectSchema] = []) throws {
        try self.init(path: path, registry: registry, schemas: schemas, afterAccessFillBatch: nil)
    }

    /// How many rows one transaction of the schema 4 access-field fill updates.
    static let accessFillBatch = 10_000

    /// Opens the store; `afterAccessFillBatch` runs after each committed batch of the schema 4
    /// access-field fill (tests make it throw to stop the fill part-way).
    init(
        path: String, registry: EntityRegistry, schemas: [ObjectSchema], afterAccessFillBatch: (() throws -> Void)?
    ) throws {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file::memory:") else {
            throw StoreError.backend("SQLiteStore needs a database file, not \(path.debugDescription)")
        }
        self.path = path
        self.registry = registry
        validator = StoreValidator(schemas: schemas)
        lock = try SQLiteFileLock(databasePath: path)
        let connection = try SQLiteConnection(path: path, create: true, cacheKiB: 65_536)
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.execute("PRAGMA journal_size_limit = 67108864")  // shrink the WAL file back after big transactions
        // Checkpoint the WAL into the database every 8,192 pages (32 MiB) instead of SQLite's
        // 1,000: a single-row write dirties several index pages, and the same pages are then
        // written back once per checkpoint rather than many times.
        try connection.execute("PRAGMA wal_autocheckpoint = 8192")
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try connection.execute(SQLiteSchema.create)
            if try SQLiteReader(connection: connection).metadata("schema") == 1 {
                try connection.execute(SQLiteSchema.migrateFrom1)
            }
            if try SQLiteReader(connection: connection).metadata("schema") == 2 {
                try connection.execute(SQLiteSchema.migrateFrom2)
            }
            if try SQLiteReader(connection: connection).metadata("schema") == 3 {
                try connection.execute(SQLiteSchema.migrateFrom3)
            }
            if try SQLiteReader(connection: connection).metadata("schema") == 4 {
                try connection.execute(SQLiteSchema.migrateFrom4)
            }
            if try SQLiteReader(connection: connection).metadata("schema") == 5 {
                try connection.execute(SQLiteSchema.migrateFrom5)
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.run("ROLLBACK")
            throw error
        }
        let reader = SQLiteReader(connection: connection)
        let schema = try reader.metadata("schema")
        guard schema == SQLiteSchema.version else {
            throw StoreError.backend("\(path) has store schema \(schema); this version reads \(SQLiteSchema.version)")
        }
        if try reader.metadata("access_filled") == 0 {
            try Self.fillAccessFields(connection, registry: registry, afterBatch: afterAccessFillBatch)
        }
        let sequence = try reader.committedSequence()
        let transactions = UInt64(clamping: try connection.integer(SQLiteSchema.committedTransaction, []) ?? 0)
        let indexed = try reader.indexedSequence()
        let unindexed = Int(clamping: try connection.integer(SQLiteSchema.countChangedSince, [.integer(Int64(clamping: indexed))]) ?? 0)
        writer = Mutex(
            WriterState(connection: connection, sequence: sequence, transactions: transactions, indexed: indexed, unindexed: unindexed))
        readers = SQLiteReaderPool(path: path)
    }

    /// Fills the `access` column of a migrated schema 3 file for the registry's record types:
    /// batches of ``accessFillBatch`` rows, each its own transaction, then `access_filled`.
    /// A row whose body does not decode keeps no access fields (it is decoded, and its error
    /// reported, when read). A failure stops the fill with the batches so far committed; rows
    /// without access fields read correctly, and the next open carries on.
    private static func fillAccessFields(
        _ connection: SQLiteConnection, registry: EntityRegistry, afterBatch: (() throws -> Void)?
    ) throws {
        for type in registry.recordTypes {
            var after = ""
            while true {
                var rows: [(String, [UInt8])] = []
                try connection.rows(SQLiteSchema.unfilledAccess, [.text(type.name), .text(after), .integer(Int64(accessFillBatch))]) { row in
                    rows.append((row.text(0), row.bytes(1)))
                }
                guard let last = rows.last else { break }
                after = last.0
                var filled: [(String, [UInt8])] = []
                for (id, body) in rows {
                    guard let fields = try? registry.accessFields(type, bytes: body), let bytes = try? fields.encoded() else { continue }
                    filled.append((id, bytes))
                }
                try connection.run("BEGIN IMMEDIATE")
                do {
                    for (id, bytes) in filled {
                        try connection.run(SQLiteSchema.fillAccess, [.blob(bytes), .text(type.name), .text(id)])
                    }
                    try connection.run("COMMIT")
                } catch {
                    try? connection.run("ROLLBACK")
                    throw error
                }
                try afterBatch?()
                if rows.count < accessFillBatch { break }
            }
        }
        try connection.run(SQLiteSchema.writeMeta, [.integer(1), .text("access_filled")])
    }

    /// Opens the store in `file`, creating it if needed (see ``init(path:registry:schemas:)``).
    public convenience init(file: URL, registry: EntityRegistry = EntityRegistry(), schemas: [ObjectSchema] = []) throws {
        try self.init(path: file.path, registry: registry, schemas: schemas)
    }

    /// A read transaction on a reader connection of its own; if none can be opened, a snapshot whose reads throw ``StoreError/backend(_:)``.
    public func snapshot() -> any StoreSnapshot {
        do {
            return try SQLiteSnapshot(pool: readers)
        } catch {
            return FailedSnapshot(error: error as? StoreError ?? .backend("\(error)"))
        }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT` on the writer connection; `ROLLBACK` and nothing published if it throws.
    @discardableResult
    public func write<R>(_ body: (any StoreTransaction) throws -> R) throws -> R {
        try writer.withLock { state in
            let connection = state.connection
            try connection.run("BEGIN IMMEDIATE")
            let transaction = SQLiteTransaction(connection: connection, sequence: state.sequence, validator: validator)
            let result: R
            do {
                result = try body(transaction)
                if let rejection = transaction.rejection { throw rejection }
                try transaction.writePending()
                if let failure = transaction.failure { throw failure }
            } catch {
                try? connection.run("ROLLBACK")
                throw error
            }
            guard !transaction.pending.isEmpty else {
                try? connection.run("ROLLBACK")  // nothing was written
                return result
            }
            let txID = state.transactions + 1
            var sequence = state.sequence
            var changes: [Change] = []
            changes.reserveCapacity(transaction.pending.count)
            let unindexed = state.unindexed + transaction.pending.count
            let indexNow = unindexed >= Self.indexBatch
            do {
                // The waiting deltas and this commit's, applied together in key order.
                var batch = IndexDeltaBatch(capacity: indexNow ? unindexed : 0)
                if indexNow { try Self.collectWaitingDeltas(connection, after: state.indexed, into: &batch) }
                var feed = SQLiteGroupedInsert(connection, SQLiteSchema.appendChanges)
                for (k, p) in transaction.pending.enumerated() {
                    sequence += 1
                    for value: SQLiteValue in [
                        .integer(Int64(sequence)), .integer(Int64(txID)), .text(p.entityType.name), .text(p.id),
                        .text(p.kind.rawValue), .integer(Int64(p.version)), transaction.feedBody(k).map(SQLiteValue.blob) ?? .null,
                        indexNow ? .null : .blob(p.index.bytes),
                    ] {
                        try feed.append(value)
                    }
                    if indexNow { batch.add(p.index, type: p.entityType.name, id: p.id) }
                    changes.append(
                        Change(
                            sequence: sequence, transaction: txID, entityType: p.entityType, id: p.id, kind: p.kind,
                            version: p.version, entity: p.entity))
                }
                try feed.finish()
                if indexNow {
                    try batch.apply(on: connection)
                    try connection.run(SQLiteSchema.writeMeta, [.integer(Int64(clamping: sequence)), .text("indexed")])
                }
                try connection.run("COMMIT")
            } catch {
                try? connection.run("ROLLBACK")
                throw error
            }
            state.sequence = sequence
            state.transactions = txID
            if indexNow {
                state.indexed = sequence
                state.unindexed = 0
            } else {
                state.unindexed = unindexed
            }
            let targets = observers.withLock { $0.sorted { $0.key < $1.key }.map(\.value) }
            for observer in targets { observer(changes) }
            return result
        }
    }

    /// Committed changes after `sequence` from the persisted feed, oldest first; `entity` is decoded only for registered types.
    public func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        guard limit > 0 else { return [] }
        return try readers.withConnection { connection in
            // One read transaction, so the rows and the committed sequence agree.
            try connection.run("BEGIN DEFERRED")
            defer { try? connection.run("ROLLBACK") }
            var rows: [(UInt64, UInt64, String, String, String, Int, [UInt8]?)] = []
            try connection.rows(SQLiteSchema.readChanges, [.integer(Int64(clamping: sequence)), .integer(Int64(limit))]) { row in
                rows.append(
                    (
                        UInt64(row.integer(0)), UInt64(row.integer(1)), row.text(2), row.text(3), row.text(4),
                        Int(row.integer(5)), row.isNull(6) ? nil : row.bytes(6)
                    ))
            }
            if let first = rows.first, first.0 - 1 > sequence {
                throw StoreError.feedTruncated(requested: sequence, oldest: first.0)
            }
            if rows.isEmpty {
                let committed = try SQLiteReader(connection: connection).committedSequence()
                if sequence < committed { throw StoreError.feedTruncated(requested: sequence, oldest: committed + 1) }
            }
            return try rows.map { row in
                let type = EntityType(row.2)
                guard let kind = Change.Kind(rawValue: row.4) else {
                    throw StoreError.corrupt(entity: type, id: row.3, detail: "change #\(row.0) has kind \(row.4)")
                }
                var entity: (any Entity)?
                if row.6 == nil, kind != .deleted, registry.contains(type) {
                    throw StoreError.corrupt(entity: type, id: row.3, detail: "change #\(row.0) has no body")
                }
                if let body = row.6 {
                    do {
                        entity = try registry.decode(type, bytes: body)
                    } catch {
                        throw StoreError.corrupt(entity: type, id: row.3, detail: "change #\(row.0): \(error)")
                    }
                }
                return Change(
                    sequence: row.0, transaction: row.1, entityType: type, id: row.3, kind: kind, version: row.5,
                    entity: entity)
            }
        }
    }

    /// Deletes the feed's changes up to and including `sequence`; reading them afterwards
    /// throws ``StoreError/feedTruncated(requested:oldest:)``.
    public func pruneChanges(through sequence: UInt64) throws {
        try writer.withLock { state in
            // The feed's newest row may go; ck_meta keeps the sequence and transaction counters.
            let connection = state.connection
            try connection.run("BEGIN IMMEDIATE")
            do {
                // The deltas of the rows about to go are applied first.
                try Self.applyWaitingDeltas(connection, after: state.indexed)
                try connection.run(SQLiteSchema.writeMeta, [.integer(Int64(clamping: state.sequence)), .text("indexed")])
                try connection.run(SQLiteSchema.writeMeta, [.integer(Int64(clamping: state.sequence)), .text("sequence")])
                try connection.run(SQLiteSchema.writeMeta, [.integer(Int64(clamping: state.transactions)), .text("transaction")])
                try connection.run(SQLiteSchema.pruneChanges, [.integer(Int64(clamping: sequence))])
                try connection.run("COMMIT")
            } catch {
                try? connection.run("ROLLBACK")
                throw error
            }
            state.indexed = state.sequence
            state.unindexed = 0
        }
    }

    /// Applies every index delta waiting in the feed now, so that `ck_index` is up to date
    /// (for tests and tools that read the tables directly; queries never need it).
    func applyWaitingIndexDeltas() throws {
        try writer.withLock { state in
            guard state.unindexed > 0 else { return }
            let connection = state.connection
            try connection.run("BEGIN IMMEDIATE")
            do {
                try Self.applyWaitingDeltas(connection, after: state.indexed)
                try connection.run(SQLiteSchema.writeMeta, [.integer(Int64(clamping: state.sequence)), .text("indexed")])
                try connection.run("COMMIT")
            } catch {
                try? connection.run("ROLLBACK")
                throw error
            }
            state.indexed = state.sequence
            state.unindexed = 0
        }
    }

    /// Applies the deltas of the feed rows after `indexed` (inside the caller's transaction).
    private static func applyWaitingDeltas(_ connection: SQLiteConnection, after indexed: UInt64) throws {
        var batch = IndexDeltaBatch()
        try collectWaitingDeltas(connection, after: indexed, into: &batch)
        try batch.apply(on: connection)
    }

    /// Adds the deltas of the feed rows after `indexed` to `batch`, in feed order.
    private static func collectWaitingDeltas(
        _ connection: SQLiteConnection, after indexed: UInt64, into batch: inout IndexDeltaBatch
    ) throws {
        var waiting: [(sequence: Int64, type: String, id: String, delta: [UInt8]?)] = []
        try connection.rows(SQLiteSchema.pendingDeltas, [.integer(Int64(clamping: indexed))]) { row in
            waiting.append((row.integer(0), row.text(1), row.text(2), row.isNull(3) ? nil : row.bytes(3)))
        }
        for change in waiting {
            guard let bytes = change.delta else {
                throw StoreError.corrupt(
                    entity: EntityType(change.type), id: change.id, detail: "change #\(change.sequence) has no index delta")
            }
            let delta = try IndexDelta(bytes: bytes, type: EntityType(change.type), id: change.id, sequence: change.sequence)
            batch.add(delta, type: change.type, id: change.id)
        }
    }

    /// Calls `observer` after every commit, in commit order, on the committing thread; changes carry their entities.
    public func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation {
        let token = nextObserver.add(1, ordering: .relaxed).oldValue
        observers.withLock { $0[token] = observer }
        return StoreObservation { [weak self] in
            _ = self?.observers.withLock { $0.removeValue(forKey: token) }
        }
    }
}
