import CommunityModel
import Synchronization

/// Idle connections for snapshots and feed reads. A connection found broken (the server
/// restarted) is dropped and a new one opened, so the pool reconnects on its own.
final class PostgresConnectionPool: Sendable {
    let url: String
    let schema: String
    private let keepIdle: Int
    private let idle = Mutex<[PostgresConnection]>([])

    init(url: String, schema: String, keepIdle: Int) {
        self.url = url
        self.schema = schema
        self.keepIdle = max(0, keepIdle)
    }

    /// Opens a new connection.
    func connect() throws -> PostgresConnection { try PostgresConnection(url: url, schema: schema) }

    /// An idle connection that still works, or a new one.
    func checkout() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if connection.isUsable { return connection }
        }
        return try connect()
    }

    /// Returns a connection outside any transaction; broken ones are dropped.
    func checkin(_ connection: PostgresConnection) {
        guard connection.isUsable else { return }
        idle.withLock { if $0.count < keepIdle { $0.append(connection) } }
    }

    /// Runs `body` on a pooled connection. A connection lost before `body` could do
    /// anything (the server restarted since it was pooled) is replaced once.
    func withConnection<R>(_ body: (PostgresConnection) throws -> R) throws -> R {
        let connection = try checkout()
        defer { checkin(connection) }
        return try body(connection)
    }

    /// Starts a read-only REPEATABLE READ transaction on a working connection; a pooled
    /// connection that turns out lost is replaced by a fresh one once.
    func beginReadOnly() throws -> PostgresConnection {
        let connection = try checkout()
        do {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return connection
        } catch {
            guard connection.isBroken else { throw error }
            let fresh = try connect()
            try fresh.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return fresh
        }
    }
}
