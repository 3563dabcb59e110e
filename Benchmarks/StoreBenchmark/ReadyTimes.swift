import CommunityAccess
import CommunityModel
import CommunityPostgres
import CommunitySQLite
import Foundation
import SharingWorkload

/// How long a fresh host takes to become ready (its first access check answers) on the
/// sharing workload, from the store and from a checkpoint.
enum ReadyTimes {
    /// The record types the sharing workload writes.
    static let recordTypes: [any Record.Type] = [Opportunity.self, Case.self]
    /// Single-row writes made after the checkpoint, which a host started from it applies from the feed.
    static let writesAfterCheckpoint = 1_000

    struct Figures {
        var fillSeconds = 0.0
        var readyFromEmpty = 0.0
        var readyFromCheckpoint = 0.0
        /// CPU seconds (user + system, all threads) of the two ready phases: on a shared
        /// machine the wall times above depend on what else runs.
        var cpuReadyFromEmpty = 0.0
        var cpuReadyFromCheckpoint = 0.0
        var checkpointWriteSeconds = 0.0
        var checkpointMegabytes = 0.0
        var get = LatencyStats([])
        var query = LatencyStats([])
    }

    /// MemoryStore: everything in this process (a memory store cannot be shared with another).
    static func memory(_ workload: Workload, folder: URL) throws -> Figures {
        var figures = Figures()
        let store = MemoryStore(feedCapacity: 100_000)
        var t = Measure.now()
        try WorkloadStore.fill(store, with: workload)
        figures.fillSeconds = Measure.seconds(since: t)
        t = Measure.now()
        var cpu = cpuSeconds()
        let engine = try AccessEngine(store: store, recordTypes: recordTypes)
        figures.readyFromEmpty = Measure.seconds(since: t)
        figures.cpuReadyFromEmpty = cpuSeconds() - cpu
        let file = folder.appendingPathComponent("memory.access-checkpoint")
        t = Measure.now()
        try engine.writeCheckpoint(to: file)
        figures.checkpointWriteSeconds = Measure.seconds(since: t)
        figures.checkpointMegabytes = megabytes(file)
        engine.stop()
        try writeAfterCheckpoint(store)
        t = Measure.now()
        cpu = cpuSeconds()
        let restored = try AccessEngine(store: store, checkpoint: try AccessCheckpoint(contentsOf: file, recordTypes: recordTypes), recordTypes: recordTypes)
        figures.readyFromCheckpoint = Measure.seconds(since: t)
        figures.cpuReadyFromCheckpoint = cpuSeconds() - cpu
        _ = restored.snapshot.sequence
        (figures.get, figures.query) = try ReadLatency.measure(store, ids: sampleIDs(workload))
        return figures
    }

    /// SQLiteStore and PostgresStore: the fill in this process; each ready time in a fresh
    /// child process (for PostgreSQL, a new host on the same schema).
    static func external(_ kind: BenchmarkStore, _ workload: Workload, folder: URL, executable: String) throws -> Figures {
        var figures = Figures()
        // The SQLite file, or the schema (named by this process: a child's pid differs).
        let location = kind == .sqlite ? folder.appendingPathComponent("large.sqlite").path : PostgresCluster.schema("large")
        let checkpoint = folder.appendingPathComponent("large-\(kind.rawValue).access-checkpoint").path
        try? FileManager.default.removeItem(atPath: checkpoint)
        do {
            let store = try kind.open(in: folder, name: "large")
            let t = Measure.now()
            try WorkloadStore.fill(store, with: workload)
            figures.fillSeconds = Measure.seconds(since: t)
            (figures.get, figures.query) = try ReadLatency.measure(store, ids: sampleIDs(workload))
        }
        let fromStore = try child(executable, ["--ready-child", "store", kind.rawValue, location, checkpoint])
        figures.readyFromEmpty = fromStore["ready_s"] ?? 0
        figures.cpuReadyFromEmpty = fromStore["ready_cpu_s"] ?? 0
        figures.checkpointWriteSeconds = fromStore["checkpoint_write_s"] ?? 0
        figures.checkpointMegabytes = megabytes(URL(fileURLWithPath: checkpoint))
        do {
            let store = try reopen(kind, location)
            try writeAfterCheckpoint(store)
        }
        let fromCheckpoint = try child(executable, ["--ready-child", "checkpoint", kind.rawValue, location, checkpoint])
        figures.readyFromCheckpoint = fromCheckpoint["ready_s"] ?? 0
        figures.cpuReadyFromCheckpoint = fromCheckpoint["ready_cpu_s"] ?? 0
        return figures
    }

    /// The existing store at `location`: an SQLite file, or a schema of the cluster.
    static func reopen(_ kind: BenchmarkStore, _ location: String) throws -> any Store {
        switch kind {
        case .sqlite: try SQLiteStore(path: location, registry: BenchmarkStore.registry)
        case .postgres:
            try PostgresStore(configuration: PostgresConfiguration(
                url: try PostgresCluster.shared.url(), schema: location, entityTypes: BenchmarkStore.entityTypes))
        case .memory: throw BenchmarkError("a MemoryStore cannot be reopened")
        }
    }

    /// The child process: opens the store and starts an engine from the store (then writes a
    /// checkpoint) or from the checkpoint; prints `key=value` lines.
    static func runChild(mode: String, kind: String, location: String, checkpoint: String) throws {
        guard let kind = BenchmarkStore(rawValue: kind) else { throw BenchmarkError("unknown store \(kind)") }
        let t = Measure.now()
        let store = try reopen(kind, location)
        let engine: AccessEngine
        switch mode {
        case "store": engine = try AccessEngine(store: store, recordTypes: recordTypes)
        case "checkpoint":
            let saved = try AccessCheckpoint(contentsOf: URL(fileURLWithPath: checkpoint), recordTypes: recordTypes)
            engine = try AccessEngine(store: store, checkpoint: saved, recordTypes: recordTypes)
        default: throw BenchmarkError("unknown child mode \(mode)")
        }
        // Ready: the first access check answers.
        _ = engine.snapshot.access(BenchmarkOrg.user(0), to: "Opportunity", id: "none")
        print("ready_s=\(Measure.seconds(since: t))")
        print("ready_cpu_s=\(cpuSeconds())")
        if mode == "store" {
            let w = Measure.now()
            try engine.writeCheckpoint(to: URL(fileURLWithPath: checkpoint))
            print("checkpoint_write_s=\(Measure.seconds(since: w))")
        }
        engine.stop()
    }

    private static func child(_ executable: String, _ arguments: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let url = PostgresCluster.shared.currentURL {
            var environment = ProcessInfo.processInfo.environment
            environment["COMMUNITYKIT_POSTGRES_URL"] = url
            process.environment = environment
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError("child \(arguments) exited with \(process.terminationStatus)") }
        var values: [String: Double] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }

    /// Opportunity ids spread over the workload, for the read latencies.
    private static func sampleIDs(_ workload: Workload) -> [String] {
        let step = max(1, workload.records.count / 4_000)
        return stride(from: 0, to: workload.records.count, by: step).map { workload.records[$0].id }
    }

    private static func writeAfterCheckpoint(_ store: any Store) throws {
        try BenchmarkOrg.seed(store, users: 8)
        for n in 0..<writesAfterCheckpoint {
            try store.write { tx in try tx.put(BenchmarkOrg.account("after-checkpoint-\(n)", owner: n % 8)) }
        }
    }

    /// User and system CPU seconds this process has used so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(truncatingIfNeeded: RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func megabytes(_ url: URL) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return Double(size) / 1_048_576
    }
}

/// `get` and indexed-query latency on a filled store: opportunities by id, and by owner
/// (an equality lookup on an indexed field, every match decoded).
enum ReadLatency {
    static func measure(_ store: any Store, ids: [String]) throws -> (get: LatencyStats, query: LatencyStats) {
        var gets: [UInt64] = []
        var queries: [UInt64] = []
        for id in ids {
            guard let key = try? ID<Opportunity>(parsing: id) else { continue }
            var t = Measure.now()
            let found = try store.snapshot().get(key)
            gets.append(Measure.now() - t)
            if let found, queries.count < 500 {
                t = Measure.now()
                _ = try store.snapshot().query(Query<Opportunity>().where("owner", equals: .reference(found.value.owner.description)))
                queries.append(Measure.now() - t)
            }
        }
        return (LatencyStats(gets), LatencyStats(queries))
    }
}
