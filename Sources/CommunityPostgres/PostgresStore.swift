public import CommunityModel
import Foundation
import Synchronization

/// A ``Store`` in a PostgreSQL database, shared by any number of hosts, through libpq.
///
/// - **Tables.** Entities are JSON text in one table keyed by type and id; indexed field
///   values live in an index table whose B-tree indexes the database searches for equality
///   and `oneOf` filters (see `PostgresSchema`). Every value is a bound parameter.
/// - **Writes.** One `write` is one PostgreSQL transaction (READ COMMITTED) on the writer
///   connection; writers in one process are serialised, writers on different hosts run
///   concurrently. Versions are enforced by the statements (`UPDATE … WHERE version = $n`,
///   `INSERT … ON CONFLICT DO NOTHING`, checking the rows returned), so of two hosts
///   updating one entity exactly one wins and the other gets
///   ``StoreError/conflict(entity:id:expected:actual:)``. A `get` inside a write locks the
///   row (`FOR UPDATE`), so a read-modify-write cannot lose another host's update.
///   A throw, a refused entity or a lost connection rolls the transaction back: PostgreSQL
///   never keeps half of it.
/// - **Gapless feed in commit order.** Each commit appends its changes to `ck_changes` in
///   the same transaction. Their sequence numbers come from the single `ck_head` row,
///   which the commit updates as its last statement before `COMMIT`
///   (`UPDATE ck_head SET sequence = sequence + n … RETURNING`). That row lock is held
///   until the transaction ends, so committing writers take numbers one at a time, each
///   after the previous holder committed (READ COMMITTED re-reads the row it waited for)
///   or rolled back (its increment is undone, so no number is skipped). Numbers are
///   therefore gapless and in commit order, and a reader that sees change *n* sees every
///   change before it. Holding the lock only from that statement to `COMMIT` keeps hosts'
///   transactions concurrent for everything else.
/// - **Snapshots.** Each snapshot is a `REPEATABLE READ READ ONLY` transaction on a pooled
///   connection of its own: MVCC never makes it wait for a writer, and it sees exactly the
///   commits up to its ``StoreReader/sequence``.
/// - **Across hosts.** Every commit sends `NOTIFY` on the store's channel. Observers get
///   every host's commits, in sequence order and whole transactions at a time: a follower
///   thread `LISTEN`s and polls as a fallback; a local commit delivers its own changes at
///   once (see `PostgresFeed`). A `Community` on each host therefore keeps its access
///   engine and search indexes current with every other host.
/// - **Reconnects.** The pool drops connections the server closed and opens new ones; the
///   writer reconnects on its next write; the follower reconnects with a back-off and reads
///   everything committed meanwhile. While the server is down, reads and writes throw
///   ``StoreError/backend(_:)`` saying the connection was lost.
public final class PostgresStore: Store {
    /// Where the store lives and how it follows the feed.
    public let configuration: PostgresConfiguration
    /// The checks every `put` runs before writing.
    public let validator: StoreValidator
    /// The channel commits `NOTIFY` on: `ck_feed_<schema>`.
    public let channel: String
    private let pool: PostgresConnectionPool
    private let decoders: PostgresEntityDecoders
    private let writer: Mutex<PostgresConnection?>
    private let feed: PostgresFeed
    private var reader: PostgresFeedReader { PostgresFeedReader(pool: pool, decoders: decoders) }

    /// The most changes one `INSERT` appends to the feed.
    private static let changesPerStatement = 1_000
    /// Commits with at least this many changes refresh the tables' planner statistics.
    static let analyzeAfter = 5_000

    /// Connects to the database, creates the store's schema and tables if needed, and reads
    /// the feed head.
    ///
    /// - Throws: ``StoreError/backend(_:)`` when the schema name is not acceptable, the
    ///   server cannot be reached, or the schema holds a store of another format.
    public init(configuration: PostgresConfiguration) throws {
        guard PostgresConfiguration.isValidSchema(configuration.schema) else {
            throw StoreError.backend(
                "PostgresStore: schema \(configuration.schema.debugDescription) is not lower-case letters, digits and _ (at most 63)")
        }
        self.configuration = configuration
        validator = StoreValidator(schemas: configuration.objectSchemas)
        channel = "ck_feed_" + configuration.schema
        decoders = PostgresEntityDecoders(configuration.entityTypes)
        pool = PostgresConnectionPool(url: configuration.url, schema: configuration.schema, keepIdle: configuration.idleConnections)
        let connection = try pool.connect()
        try connection.execute("BEGIN")
        do {
            // Hosts starting together create the tables one at a time.
            try connection.query("SELECT pg_advisory_xact_lock(hashtext($1))", ["communitykit:" + configuration.schema])
            try connection.execute(PostgresSchema.create(configuration.schema))
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        let meta = try connection.query(PostgresSchema.readMeta, ["schema"])
        guard meta.count == 1, meta.text(0, 0) == PostgresSchema.version else {
            throw StoreError.backend(
                "PostgresStore: schema \(configuration.schema) holds store format \(meta.count == 1 ? meta.text(0, 0) : "none"); "
                    + "this version reads \(PostgresSchema.version)")
        }
        let head = try connection.query(PostgresSchema.readHead)
        guard head.count == 1 else { throw StoreError.backend("PostgresStore: the store has no head row") }
        writer = Mutex(connection)
        feed = PostgresFeed(
            reader: PostgresFeedReader(pool: pool, decoders: decoders), channel: channel,
            pollInterval: configuration.pollInterval, head: UInt64(clamping: try head.integer(0, 0)))
    }

    /// Connects to `url` with the default schema (see ``init(configuration:)``).
    public convenience init(url: String, entityTypes: [any Entity.Type] = []) throws {
        try self.init(configuration: PostgresConfiguration(url: url, entityTypes: entityTypes))
    }

    deinit { feed.stop() }

    /// A read-only REPEATABLE READ transaction on a pooled connection; if none can be
    /// opened, a snapshot whose reads throw the ``StoreError/backend(_:)`` that prevented it.
    public func snapshot() -> any StoreSnapshot {
        do {
            return try PostgresSnapshot(pool: pool, decoders: decoders)
        } catch {
            return PostgresFailedSnapshot(error: error as? StoreError ?? .backend("\(error)"))
        }
    }

    /// Runs `body` as one PostgreSQL transaction, appends its changes to the feed, sends
    /// `NOTIFY` and commits; rolls back and publishes nothing if anything throws.
    @discardableResult
    public func write<R>(_ body: (any StoreTransaction) throws -> R) throws -> R {
        let (result, changes): (R, [Change]) = try writer.withLock { slot in
            let connection = try begin(&slot)
            let transaction = PostgresTransaction(connection: connection, decoders: decoders, validator: validator)
            let result: R
            do {
                result = try body(transaction)
                if let failure = transaction.failure { throw failure }
                if let rejection = transaction.rejection { throw rejection }
            } catch {
                rollback(connection, &slot)
                throw error
            }
            guard !transaction.pending.isEmpty else {
                rollback(connection, &slot)  // nothing was written
                return (result, [])
            }
            do {
                let changes = try commit(transaction.pending, on: connection)
                return (result, changes)
            } catch {
                rollback(connection, &slot)
                throw error
            }
        }
        feed.published(changes)
        return result
    }

    /// The writer connection inside `BEGIN`, reconnecting when it was lost.
    private func begin(_ slot: inout PostgresConnection?) throws -> PostgresConnection {
        if let connection = slot, !connection.isBroken {
            do {
                try connection.execute("BEGIN")
                return connection
            } catch {
                guard connection.isBroken else { throw error }
            }
        }
        slot = nil
        let connection = try pool.connect()
        try connection.execute("BEGIN")
        slot = connection
        return connection
    }

    private func rollback(_ connection: PostgresConnection, _ slot: inout PostgresConnection?) {
        if (try? connection.execute("ROLLBACK")) == nil || connection.isBroken { slot = nil }
    }

    /// Takes sequence numbers (the head row lock, held to COMMIT), appends the changes,
    /// notifies the other hosts and commits.
    private func commit(_ pending: [PostgresPendingChange], on connection: PostgresConnection) throws -> [Change] {
        let head = try connection.query(PostgresSchema.advanceHead, [String(pending.count)])
        guard head.count == 1 else { throw StoreError.backend("PostgresStore: the store has no head row") }
        let last = UInt64(clamping: try head.integer(0, 0))
        let transactionID = UInt64(clamping: try head.integer(0, 1))
        let first = last - UInt64(pending.count) + 1
        var changes: [Change] = []
        changes.reserveCapacity(pending.count)
        for (offset, p) in pending.enumerated() {
            changes.append(
                Change(
                    sequence: first + UInt64(offset), transaction: transactionID, entityType: p.entityType, id: p.id,
                    kind: p.kind, version: p.version, entity: p.entity))
        }
        var start = 0
        while start < pending.count {
            let end = min(start + Self.changesPerStatement, pending.count)
            var values: [String?] = [String(transactionID)]
            values.reserveCapacity(1 + (end - start) * 6)
            for k in start..<end {
                let p = pending[k]
                values += [String(changes[k].sequence), p.entityType.name, p.id, p.kind.rawValue, String(p.version), p.body]
            }
            try connection.query(PostgresSchema.appendChanges(rows: end - start), values)
            start = end
        }
        try connection.query(PostgresSchema.notify, [channel, String(last)])
        do {
            try connection.execute("COMMIT")
        } catch {
            if connection.isBroken {
                throw StoreError.backend(
                    "PostgreSQL: connection lost during COMMIT of changes \(first)–\(last); whether they committed shows in the feed")
            }
            throw error
        }
        // A bulk load leaves the planner's statistics describing near-empty tables until
        // autovacuum catches up, and an indexed query planned meanwhile can scan for minutes
        // (seen in StoreBenchmark right after filling 100,000 records). Refresh them at once.
        if pending.count >= Self.analyzeAfter { try? connection.execute("ANALYZE ck_entities, ck_index") }
        return changes
    }

    /// Committed changes after `sequence` from the shared feed, oldest first; `entity` is
    /// decoded for the configured types and every type this process has read or written.
    public func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        try reader.changes(after: sequence, limit: limit)
    }

    /// Deletes the feed's changes up to and including `sequence` (every host must have
    /// followed them); reading them afterwards throws ``StoreError/feedTruncated(requested:oldest:)``.
    public func pruneChanges(through sequence: UInt64) throws {
        try pool.withConnection { connection in
            _ = try connection.query(PostgresSchema.pruneChanges, [String(Int64(clamping: sequence))])
        }
    }

    /// Calls `observer` with every host's commits, one transaction at a time, in commit
    /// order: this host's own commits on the committing thread before `write` returns,
    /// other hosts' on the feed follower thread.
    public func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation {
        feed.observe(observer)
    }
}
