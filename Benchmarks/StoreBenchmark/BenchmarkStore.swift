import CommunityAccess
import CommunityModel
import CommunityPostgres
import CommunitySQLite
import Foundation

/// A store kind the benchmark measures, and how to open a fresh one.
enum BenchmarkStore: String, CaseIterable {
    case memory = "MemoryStore"
    case sqlite = "SQLiteStore"
    case postgres = "PostgresStore"

    /// Every type the benchmark writes or reads back from a feed.
    static let entityTypes: [any Entity.Type] =
        AccessEngine.accessEntityTypes + AccessEngine.standardRecordTypes.map { $0 as any Entity.Type }
    static let registry = EntityRegistry(entityTypes)

    /// A fresh, empty store; SQLite in a new file under `folder`, PostgreSQL in a new schema
    /// of the benchmark's cluster (``PostgresCluster``).
    func open(in folder: URL, name: String) throws -> any Store {
        switch self {
        case .memory: return MemoryStore()
        case .sqlite:
            let path = folder.appendingPathComponent(name + ".sqlite").path
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return try SQLiteStore(path: path, registry: Self.registry)
        case .postgres:
            return try PostgresStore(configuration: PostgresConfiguration(
                url: try PostgresCluster.shared.url(), schema: PostgresCluster.schema(name), entityTypes: Self.entityTypes))
        }
    }

    /// Another host's view of the store `open(in:name:)` opened (PostgreSQL only: a second
    /// `PostgresStore` on the same schema, with its own connections and feed follower).
    static func secondPostgresHost(name: String) throws -> PostgresStore {
        try PostgresStore(configuration: PostgresConfiguration(
            url: try PostgresCluster.shared.url(), schema: PostgresCluster.schema(name), entityTypes: entityTypes,
            pollInterval: .milliseconds(50)))
    }
}

/// The PostgreSQL server the benchmark uses: `COMMUNITYKIT_POSTGRES_URL` when set, otherwise
/// a throwaway cluster started with `scripts/postgres-cluster.sh` (and stopped at the end).
final class PostgresCluster: @unchecked Sendable {
    // @unchecked: used from the benchmark's main thread only (started lazily, stopped at exit).
    static let shared = PostgresCluster()
    private var started: (url: String, dir: String?)?

    /// The schema a benchmark store `name` lives in: unique to this run.
    static func schema(_ name: String) -> String {
        let clean = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return "bench_\(ProcessInfo.processInfo.processIdentifier)_\(clean)"
    }

    func url() throws -> String {
        if let started { return started.url }
        if let configured = ProcessInfo.processInfo.environment["COMMUNITYKIT_POSTGRES_URL"], !configured.isEmpty {
            started = (configured, nil)
            return configured
        }
        let script = try Self.script()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-postgres-\(ProcessInfo.processInfo.processIdentifier)").path
        let output = try Self.run(script, ["start", dir])
        guard let url = output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgresql://") else {
            throw BenchmarkError("\(script) start printed no URL")
        }
        started = (url, dir)
        return url
    }

    /// The URL when a cluster is in use (for child processes), or nil.
    var currentURL: String? { started?.url }

    /// Stops the cluster this run started (a configured server is left alone).
    func stop() {
        guard let dir = started?.dir, let script = try? Self.script() else { return }
        _ = try? Self.run(script, ["stop", dir])
        started = nil
    }

    /// `scripts/postgres-cluster.sh` of the repository: from the working directory or above the executable.
    private static func script() throws -> String {
        var candidates = [FileManager.default.currentDirectoryPath]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.path)
            dir = dir.deletingLastPathComponent()
        }
        for base in candidates {
            let path = base + "/scripts/postgres-cluster.sh"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw BenchmarkError("scripts/postgres-cluster.sh not found; run from the repository or set COMMUNITYKIT_POSTGRES_URL")
    }

    private static func run(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError("\(script) \(arguments.joined(separator: " ")) failed") }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The small org every write and latency measurement runs against: one profile that may read
/// and edit accounts, private accounts, and users who own what they write.
enum BenchmarkOrg {
    static let profile: ID<Profile> = "bench-profile"

    static func user(_ n: Int) -> ID<User> { ID("bench-user-\(n)") }

    static func seed(_ store: any Store, users: Int) throws {
        try store.write { tx in
            try tx.put(Profile(id: profile, name: "Bench", permissions: PermissionGrants(objects: ["Account": .crud])))
            try tx.put(OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private))
            for n in 0..<users {
                try tx.put(User(id: user(n), kind: .internal, name: "User \(n)", email: "u\(n)@bench.example", profileID: profile))
            }
        }
    }

    /// The account a single-row write puts.
    static func account(_ id: String, owner: Int) -> Account {
        Account(id: ID(id), name: "Bench account \(id)", owner: user(owner), isPartner: owner % 2 == 0, region: "EMEA",
                industry: "Software", website: "bench.example")
    }
}
