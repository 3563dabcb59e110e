import CommunityModel
import CommunityPostgres
import CommunityTesting
import Foundation

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

    @discardableResult
    static func run(_ arguments: [String]) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
