import CommunityAccess
import CommunityModel
import Foundation
import CMalloc

/// Resident memory of a process that holds only what a host would hold after the build.
///
/// The benchmark's own process also keeps the workload, its expected answers and a
/// reference evaluator, so its RSS says little about the engine. The footprint is measured
/// in a child process (the benchmark run again with `--footprint KIND`), which builds,
/// lets everything but the measured parts go, returns freed memory to the system
/// (`malloc_trim`) and reads `VmRSS`:
/// - ``Kind/host``: a `MemoryStore` holding the whole workload, and the access engine
///   built from it and following its change feed;
/// - ``Kind/engine``: the access engine alone, bulk-loaded with `AccessEngine.load(_:)`
///   (how a host that keeps its records elsewhere uses it).
public enum Footprint {
    /// What the child process keeps.
    public enum Kind: String, Sendable, CaseIterable {
        /// The store and the engine.
        case host
        /// The engine alone.
        case engine
    }

    /// One measurement.
    public struct Reading: Sendable, Equatable {
        /// What was kept.
        public var kind: Kind
        /// `VmRSS` in MiB.
        public var rssMB: Double
        /// Live heap in MiB (`mallinfo2`).
        public var heapMB: Double
    }

    static let marker = "FOOTPRINT"

    /// Child side: builds `kind` from the workload `options` name, drops the rest, measures.
    public static func measure(_ kind: Kind, _ options: BenchmarkOptions) throws -> Reading {
        var kept: [AnyObject] = []
        do {
            let workload = try SharingBenchmarkCommand.workload(options, progress: { _ in }).workload
            switch kind {
            case .host:
                let parts = try CommunityAccessSubject(workload).hostParts
                kept = [parts.store, parts.engine]
            case .engine:
                let mapped = try CommunityAccessSubject.map(workload)
                let engine = AccessEngine()
                engine.load(mapped.configuration + mapped.records.map { $0 as any Entity } + mapped.rulesAndShares)
                kept = [engine]
            }
        }
        _ = malloc_trim(0)
        let reading = Reading(
            kind: kind, rssMB: Measure.residentMegabytes() ?? 0, heapMB: Measure.heapInUseMegabytes() ?? 0)
        withExtendedLifetime(kept) {}
        return reading
    }

    /// The line the child prints for the parent.
    static func line(_ r: Reading) -> String {
        "\(marker) \(r.kind.rawValue) \(String(format: "%.1f", r.rssMB)) \(String(format: "%.1f", r.heapMB))"
    }

    /// Parses a child's output; `nil` when it holds no footprint line.
    static func parse(_ output: String) -> Reading? {
        for line in output.split(separator: "\n") where line.hasPrefix(marker + " ") {
            let parts = line.split(separator: " ")
            guard parts.count == 4, let kind = Kind(rawValue: String(parts[1])), let rss = Double(parts[2]),
                let heap = Double(parts[3])
            else { return nil }
            return Reading(kind: kind, rssMB: rss, heapMB: heap)
        }
        return nil
    }

    /// Parent side: runs `executable` with the workload options and `--footprint kind`, and
    /// returns its reading (`nil`, with the reason in `failure`, when the child fails).
    static func spawn(executable: String, kind: Kind, _ options: BenchmarkOptions, failure: inout String?) -> Reading? {
        var arguments = ["--footprint", kind.rawValue, "--seed", "\(options.seed)"]
        if let path = options.workloadPath { arguments += ["--workload", path] }
        if let scale = options.scale { arguments += ["--scale", scale] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            failure = "cannot start \(executable): \(error.localizedDescription)"
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let reading = parse(output) else {
            failure = "footprint child (\(kind.rawValue)) exited with status \(process.terminationStatus)"
            return nil
        }
        return reading
    }
}
