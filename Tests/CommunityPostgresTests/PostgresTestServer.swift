import CommunityModel
import CommunityPostgres
import CommunityTesting
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server the tests use: `COMMUNITYKIT_POSTGRES_URL` when CI (`.ci/run`)
/// started one, otherwise a throwaway cluster this test process starts once through
/// `scripts/postgres-cluster.sh` and stops when it exits. Never skipped: when no server can
/// be had, every test fails with the script's error.
enum PostgresTestServer {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository root (this file is Tests/CommunityPostgresTests/…).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The script's path.
    static let script = repository.appendingPathComponent("scripts/postgres-cluster.sh").path

    /// The URL and, for a cluster this process started, its directory.
    static let server: Result<(url: String, directory: String?), Unavailable> = {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["COMMUNITYKIT_POSTGRES_URL"], !url.isEmpty {
            return .success((url, environment["COMMUNITYKIT_POSTGRES_DIR"]))
        }
        let directory = NSTemporaryDirectory() + "communitykit-postgres-tests-\(ProcessInfo.processInfo.processIdentifier)"
        let (status, output) = run([script, "start", directory])
        guard status == 0, let url = output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgresql://") else {
            return .failure(Unavailable(description: "cannot start PostgreSQL with \(script): \(output)"))
        }
        atexit { _ = PostgresTestServer.run([PostgresTestServer.script, "stop", PostgresTestServer.ownDirectory]) }
        return .success((url, directory))
    }()

    /// The directory of the cluster this process started (for `atexit`).
    static var ownDirectory: String {
        NSTemporaryDirectory() + "communitykit-postgres-tests-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// The server's URL.
    static func url() throws -> String { try server.get().url }

    /// Restarts the server (fast shutdown: every connection drops).
    static func restart() throws {
        guard let directory = try server.get().directory else {
            throw Unavailable(description: "COMMUNITYKIT_POSTGRES_DIR is not set, so the server cannot be restarted")
        }
        let (status, output) = run([script, "restart", directory])
        guard status == 0 else { throw Unavailable(description: "restart failed: \(output)") }
    }

    /// A fresh schema name, so every store a test opens starts empty.
    static func freshSchema(_ prefix: String = "t") -> String {
        prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// A store in a fresh schema.
    static func store(schema: String = freshSchema(), entityTypes: [any Entity.Type] = StoreConformance.entityTypes,
                      objectSchemas: [ObjectSchema] = []) throws -> PostgresStore {
        try PostgresStore(
            configuration: PostgresConfiguration(
                url: try url(), schema: schema, entityTypes: entityTypes, objectSchemas: objectSchemas,
                pollInterval: .milliseconds(200)))
    }

    /// Runs the script and returns its status and output. The script is started with
    /// `posix_spawn` and waited for with `waitpid`, its output going to a file: Foundation's
    /// `Process` did not notice it ending here (it stayed a zombie), and a pipe would be kept
    /// open by the server `pg_ctl` starts.
    @discardableResult
    static func run(_ arguments: [String]) -> (Int32, String) {
        let log = NSTemporaryDirectory() + "communitykit-postgres-script-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["/bin/bash"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ)
        guard spawned == 0 else { return (-1, "cannot start bash: error \(spawned)") }
        var status: Int32 = 0
        var exitStatus: Int32 = -1
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
                break
            }
            if result == -1, errno == EINTR { continue }
            break  // reaped elsewhere: the output says how it went
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        if exitStatus == -1, output.contains("server started") || output.contains("postgresql://") { return (0, output) }
        return (exitStatus, output)
    }
}
