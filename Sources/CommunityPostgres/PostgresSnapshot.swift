import CommunityModel
import Synchronization

/// A consistent view of a ``PostgresStore``: a `REPEATABLE READ READ ONLY` transaction on a
/// pooled connection of its own. PostgreSQL's MVCC never makes it wait for writers, and all
/// its reads see the database as of its first statement, which reads the feed head: the
/// snapshot's ``sequence`` and its contents agree. The connection goes back to the pool
/// when the snapshot is released.
final class PostgresSnapshot: StoreSnapshot {
    private let connection: Mutex<PostgresConnection>
    private let pool: PostgresConnectionPool
    private let decoders: PostgresEntityDecoders
    let sequence: UInt64

    init(pool: PostgresConnectionPool, decoders: PostgresEntityDecoders) throws {
        let connection = try pool.beginReadOnly()
        do {
            let head = try connection.query(PostgresSchema.readHead)
            guard head.count == 1 else { throw StoreError.backend("PostgreSQL: the store has no head row") }
            sequence = UInt64(clamping: try head.integer(0, 0))
        } catch {
            try? connection.execute("ROLLBACK")
            pool.checkin(connection)
            throw error
        }
        self.connection = Mutex(connection)
        self.pool = pool
        self.decoders = decoders
    }

    deinit {
        connection.withLock { connection in
            // A connection that cannot end its transaction is dropped (closed), not reused.
            if (try? connection.execute("ROLLBACK")) != nil { pool.checkin(connection) }
        }
    }

    private func read<R: Sendable>(_ body: (PostgresReader) throws -> R) throws -> R {
        try connection.withLock { try body(PostgresReader(connection: $0, decoders: decoders)) }
    }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try read { try $0.get(id) } }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try read { try $0.all(type) } }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try read { try $0.query(query) } }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try read { try $0.count(type) } }
}
