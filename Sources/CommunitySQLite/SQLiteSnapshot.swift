import CommunityModel
import Synchronization

/// A consistent view of a ``SQLiteStore``: a read transaction on a reader connection of its
/// own, which WAL mode never makes wait for the writer. The connection goes back to the
/// pool when the snapshot is released.
final class SQLiteSnapshot: EncodedRecordReading {
    private let connection: Mutex<SQLiteConnection>
    private let pool: SQLiteReaderPool
    let sequence: UInt64

    /// Takes a connection from `pool` and starts a read transaction on it.
    init(pool: SQLiteReaderPool) throws {
        let connection = try pool.checkout()
        do {
            try connection.run("BEGIN DEFERRED")
            // The first read fixes the snapshot the read transaction sees.
            sequence = try SQLiteReader(connection: connection).committedSequence()
        } catch {
            try? connection.run("ROLLBACK")
            pool.checkin(connection)
            throw error
        }
        self.connection = Mutex(connection)
        self.pool = pool
    }

    deinit {
        connection.withLock { connection in
            do {
                try connection.run("ROLLBACK")
                pool.checkin(connection)
            } catch {
                // A connection that cannot end its read transaction is dropped (closed), not reused.
            }
        }
    }

    private func read<R: Sendable>(_ body: (SQLiteReader) throws -> R) throws -> R {
        try connection.withLock { try body(SQLiteReader(connection: $0)) }
    }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try read { try $0.get(id) } }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try read { try $0.all(type) } }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try read { try $0.query(query) } }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try read { try $0.count(type) } }
    func encodedRecords<R: Record>(_ type: R.Type) throws -> EncodedRecords { try read { try $0.encodedRecords(type) } }

    /// The rows are read on the snapshot's connection now; the closure decodes them (on all
    /// cores, as ``all(_:)`` does) without holding the connection.
    func readAll<E: Entity>(_ type: E.Type) throws -> @Sendable () throws -> [Versioned<E>] {
        let rows = try read { try $0.rows(type) }
        return { try SQLiteReader.decodeAll(rows, E.self) }
    }
}

/// The snapshot handed out when a reader connection cannot be opened: every read throws
/// the error that prevented it.
struct FailedSnapshot: StoreSnapshot {
    let error: StoreError
    var sequence: UInt64 { 0 }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { throw error }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { throw error }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { throw error }
    func count<E: Entity>(_ type: E.Type) throws -> Int { throw error }
}

/// Idle reader connections, reused by snapshots and feed reads.
final class SQLiteReaderPool: Sendable {
    let path: String
    private let idle = Mutex<[SQLiteConnection]>([])
    private static let keepIdle = 8

    init(path: String) { self.path = path }

    func checkout() throws -> SQLiteConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try SQLiteConnection(path: path, create: false)
    }

    func checkin(_ connection: SQLiteConnection) {
        idle.withLock { if $0.count < Self.keepIdle { $0.append(connection) } }
    }

    /// Runs `body` on an idle connection outside any explicit transaction.
    func withConnection<R>(_ body: (SQLiteConnection) throws -> R) throws -> R {
        let connection = try checkout()
        defer { checkin(connection) }
        return try body(connection)
    }
}
