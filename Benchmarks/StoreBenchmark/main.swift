import CommunityAccess
import CommunityModel
import CommunitySQLite
import Foundation
import SharingWorkload

// swift run -c release StoreBenchmark [--json] [--scale tiny|small|medium|large] [--seconds S] [--samples N]
//                                     [--stores memory,sqlite,postgres]
//
// For MemoryStore, SQLiteStore and PostgresStore side by side (PostgreSQL: the server in
// COMMUNITYKIT_POSTGRES_URL, else a throwaway cluster from scripts/postgres-cluster.sh): single-row write transactions per second with
// 1, 4 and 16 writers (and plain SQLite inserts of the same JSON, the baseline); the latency of
// a change from a commit on host A to an access check on host B (see CrossHostLatency.swift);
// the time for a fresh host to become ready on the sharing workload from the store and from an
// access checkpoint (see ReadyTimes.swift); and get and indexed-query latency.

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func milliseconds(_ nanoseconds: UInt64) -> Double { (Double(nanoseconds) / 1e4).rounded() / 100 }
func microseconds(_ nanoseconds: UInt64) -> Double { (Double(nanoseconds) / 1e2).rounded() / 10 }
func rounded(_ value: Double, _ places: Double = 2) -> Double {
    let scale = pow(10, places)
    return (value * scale).rounded() / scale
}

do {
    if arguments.first == "--ready-child", arguments.count == 5 {
        try ReadyTimes.runChild(mode: arguments[1], kind: arguments[2], location: arguments[3], checkpoint: arguments[4])
        exit(0)
    }
    // For profiling a ready child by hand: `--fill-sqlite large /tmp/org.sqlite` writes the
    // sharing workload into a new SQLite file, then `--ready-child store SQLiteStore
    // /tmp/org.sqlite /tmp/org.checkpoint` starts an engine from it.
    if arguments.first == "--fill-sqlite", arguments.count == 3, let scale = WorkloadScale.named(arguments[1]) {
        for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: arguments[2] + suffix) }
        let store = try SQLiteStore(path: arguments[2], registry: BenchmarkStore.registry)
        let t = Measure.now()
        try WorkloadStore.fill(store, with: WorkloadGenerator.generate(scale, seed: 1))
        print("fill_s=\(Measure.seconds(since: t))")
        exit(0)
    }
    // For instruction counts (`valgrind --tool=callgrind`), whatever the load: `--single-writes
    // N FILE` makes N single-row commits on a SQLiteStore, `--plain-writes N FILE` the plain
    // SQLite baseline's N inserts.
    if arguments.first == "--single-writes" || arguments.first == "--plain-writes", arguments.count == 3, let count = Int(arguments[1]) {
        for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: arguments[2] + suffix) }
        if arguments.first == "--plain-writes" {
            _ = try WriteThroughput.plainSQLite(path: arguments[2], seconds: 0, count: count)
        } else {
            let store = try SQLiteStore(path: arguments[2], registry: BenchmarkStore.registry)
            try BenchmarkOrg.seed(store, users: 8)
            try WriteThroughput.singleWrites(store, count: count)
        }
        exit(0)
    }
    let json = arguments.contains("--json")
    let scaleName = option("--scale") ?? "large"
    guard let scale = WorkloadScale.named(scaleName) else {
        print("unknown scale \(scaleName); use tiny, small, medium or large")
        exit(2)
    }
    let seconds = option("--seconds").flatMap(Double.init) ?? 3
    let samples = option("--samples").flatMap(Int.init) ?? 300
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer {
        try? FileManager.default.removeItem(at: folder)
        PostgresCluster.shared.stop()
    }
    let kinds: [BenchmarkStore] = try (option("--stores")?.split(separator: ",") ?? ["memory", "sqlite", "postgres"]).map { name in
        switch name {
        case "memory": .memory
        case "sqlite": .sqlite
        case "postgres": .postgres
        default: throw BenchmarkError("unknown store \(name); use memory, sqlite or postgres")
        }
    }
    func say(_ line: String) { if !json { print(line) } }

    var rows: [BenchmarkStore: [(String, Double)]] = [:]
    for kind in kinds {
        say("\(kind.rawValue): writes")
        var row: [(String, Double)] = []
        for writers in [1, 4, 16] {
            let store = try kind.open(in: folder, name: "writes-\(writers)")
            try BenchmarkOrg.seed(store, users: 8)
            row.append(("writes_per_sec_\(writers)", rounded(try WriteThroughput.measure(store, writers: writers, seconds: seconds, tag: "w\(writers)"), 0)))
        }
        if kind == .sqlite {
            let plain = try WriteThroughput.plainSQLite(path: folder.appendingPathComponent("plain.sqlite").path, seconds: seconds)
            row.append(("plain_sqlite_writes_per_sec", rounded(plain, 0)))
        }
        say("\(kind.rawValue): cross-host latency")
        let store = try kind.open(in: folder, name: "latency")
        try BenchmarkOrg.seed(store, users: 8)
        let latency = try CrossHostLatency.measure(store, kind: kind, name: "latency", samples: samples)
        row += [("cross_host_p50_ms", milliseconds(latency.p50)), ("cross_host_p99_ms", milliseconds(latency.p99))]
        rows[kind] = row
    }

    say("generating the \(scale.name) sharing workload")
    let workload = WorkloadGenerator.generate(scale, seed: 1)
    let executable = CommandLine.arguments[0].hasPrefix("/")
        ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]
    for kind in kinds {
        say("\(kind.rawValue): ready times at \(scale.name) scale")
        let figures = kind == .memory
            ? try ReadyTimes.memory(workload, folder: folder)
            : try ReadyTimes.external(kind, workload, folder: folder, executable: executable)
        rows[kind, default: []] += [
            ("fill_s", rounded(figures.fillSeconds)),
            ("ready_from_empty_s", rounded(figures.readyFromEmpty)),
            ("ready_from_checkpoint_s", rounded(figures.readyFromCheckpoint)),
            ("ready_from_empty_cpu_s", rounded(figures.cpuReadyFromEmpty)),
            ("ready_from_checkpoint_cpu_s", rounded(figures.cpuReadyFromCheckpoint)),
            ("checkpoint_write_s", rounded(figures.checkpointWriteSeconds)),
            ("checkpoint_mb", rounded(figures.checkpointMegabytes, 1)),
            ("get_p50_us", microseconds(figures.get.p50)), ("get_p99_us", microseconds(figures.get.p99)),
            ("query_p50_us", microseconds(figures.query.p50)), ("query_p99_us", microseconds(figures.query.p99)),
        ]
    }

    for kind in kinds {
        let row = rows[kind] ?? []
        if json {
            var fields = ["\"store\":\"\(kind.rawValue)\"", "\"scale\":\"\(scale.name)\""]
            fields += row.map { "\"\($0.0)\":\($0.1)" }
            print("{" + fields.joined(separator: ",") + "}")
        } else {
            print("\n\(kind.rawValue) (\(scale.name) scale)")
            for (key, value) in row { print("  \(key.padding(toLength: 28, withPad: " ", startingAt: 0)) \(value)") }
        }
    }
} catch {
    FileHandle.standardError.write(Data("StoreBenchmark: \(error)\n".utf8))
    exit(1)
}
