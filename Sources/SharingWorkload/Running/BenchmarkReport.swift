import Foundation

/// Everything one benchmark run measured, with a readable table and a one-line JSON form.
public struct BenchmarkReport: Sendable {
    /// Latency of one listing group (user kind × object).
    public struct ListingGroup: Sendable {
        /// `internal`, `partner` or `customer`.
        public var userKind: UserKind
        /// The object listed.
        public var object: WorkloadObject
        /// Latencies in nanoseconds.
        public var latency: LatencyStats
        /// Mean number of readable records.
        public var meanSize: Double
        /// Largest number of readable records.
        public var maxSize: Int
    }

    /// Latency of the changes of one kind.
    public struct ChangeGroup: Sendable {
        /// The change kind, such as `role move`.
        public var kind: String
        /// Latencies in nanoseconds, from applying the change to a reader seeing its effect.
        public var latency: LatencyStats
        /// Verification checks that matched the reference, and how many were made.
        public var verified: Int
        /// How many verification checks were made.
        public var verifications: Int
    }

    /// The engine measured.
    public var subject = ""
    /// `small`, `medium`, `large` or the file's scale.
    public var scale = ""
    /// The seed.
    public var seed = 0
    /// Where the workload came from (`generated in-process` or a file path).
    public var source = ""
    /// Users, roles, groups, records, rules, manual shares.
    public var sizes: [(String, Int)] = []
    /// Seconds to generate or load the workload (not part of the build).
    public var workloadSeconds = 0.0
    /// Seconds to load the workload into the store and build the access engine.
    public var buildSeconds = 0.0
    /// Sub-phases of the build.
    public var buildPhases: [(name: String, seconds: Double)] = []
    /// Resident memory after the build, in MiB (`VmRSS`).
    public var rssMB = 0.0
    /// Live heap the engine alone holds after its build, in MiB, when the subject reports it.
    public var engineHeapMB: Double?
    /// Resident memory of child processes that keep only the store and engine, or only the
    /// engine (see ``Footprint``); empty when not measured.
    public var footprints: [Footprint.Reading] = []
    /// Sampled checks that matched `expected`.
    public var checksMatched = 0
    /// Sampled checks made.
    public var checks = 0
    /// Sampled listings that matched `expectedCount`.
    public var listsMatched = 0
    /// Sampled listings made.
    public var lists = 0
    /// The first disagreements, described.
    public var disagreements: [String] = []
    /// Latency of read checks.
    public var readChecks = LatencyStats([])
    /// Latency of edit checks.
    public var editChecks = LatencyStats([])
    /// Latency of all checks.
    public var allChecks = LatencyStats([])
    /// Checks per second on one core.
    public var checksPerSecondOneCore = 0.0
    /// Checks per second on all cores.
    public var checksPerSecondAllCores = 0.0
    /// Cores used for the all-cores figure.
    public var cores = 1
    /// What a timed listing does.
    public var listingDescription = ""
    /// Listing latencies by user kind and object.
    public var listings: [ListingGroup] = []
    /// Change latencies by kind.
    public var changes: [ChangeGroup] = []
    /// Every change's latency in nanoseconds.
    public var changeLatencies: [UInt64] = []
    /// How the workload was mapped onto the engine.
    public var mappingNotes: [String] = []

    /// Matched answers over all answers compared (checks, listings and change verifications).
    public var agreement: Double {
        let verified = changes.reduce(0) { $0 + $1.verified }
        let verifications = changes.reduce(0) { $0 + $1.verifications }
        let total = checks + lists + verifications
        return total == 0 ? 1 : Double(checksMatched + listsMatched + verified) / Double(total)
    }

    /// Whether every compared answer matched.
    public var agrees: Bool { agreement == 1 }

    private func listing(_ object: WorkloadObject) -> LatencyStats {
        let all = listingSamples.filter { $0.object == object }.map(\.nanoseconds)
        return LatencyStats(all)
    }

    /// Every listing latency, for the all-kinds figures.
    public var listingSamples: [(object: WorkloadObject, nanoseconds: UInt64)] = []

    /// The readable table.
    public func table() -> String {
        var out: [String] = []
        func f(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
        func us(_ ns: UInt64) -> String { f(Double(ns) / 1000, 1) }
        out.append("Sharing benchmark — \(subject), scale \(scale), seed \(seed) (\(source))")
        out.append("  " + sizes.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        out.append("")
        out.append(agrees ? "AGREEMENT  100% (\(checks) checks, \(lists) listings, \(changeVerificationText))"
            : "!!! AGREEMENT \(f(agreement * 100, 3))% — DISAGREEMENTS FOUND !!!")
        if !agrees {
            out.append("  checks \(checksMatched)/\(checks), listings \(listsMatched)/\(lists), \(changeVerificationText)")
            for d in disagreements { out.append("  ✗ \(d)") }
        }
        out.append("")
        out.append("Build      workload \(f(workloadSeconds, 2)) s (not counted); store + engine build \(f(buildSeconds, 2)) s; RSS after build \(f(rssMB, 0)) MiB")
        for phase in buildPhases { out.append("             \(phase.name): \(f(phase.seconds, 2)) s") }
        if let engineHeapMB {
            out.append("             engine heap (live allocations the engine build added): \(f(engineHeapMB, 0)) MiB")
        }
        if !footprints.isEmpty {
            out.append("Memory     RSS of a child process that builds, keeps only this, and returns freed memory (malloc_trim)")
            for r in footprints {
                let what = r.kind == .host ? "MemoryStore + AccessEngine(store:)" : "AccessEngine.load (engine alone)"
                out.append("             \(pad(what, 36)) RSS \(lpad(f(r.rssMB, 0), 5)) MiB, live heap \(lpad(f(r.heapMB, 0), 5)) MiB")
            }
        }
        out.append("")
        out.append("Checks     (per call, timer overhead included)      p50 ns    p99 ns    max ns")
        for (name, s) in [("read", readChecks), ("edit", editChecks), ("all", allChecks)] {
            out.append("  \(pad(name, 48))\(lpad(s.p50, 8))  \(lpad(s.p99, 8))  \(lpad(s.max, 8))")
        }
        out.append("  throughput: \(f(checksPerSecondOneCore, 0)) checks/s on 1 core, \(f(checksPerSecondAllCores, 0)) checks/s on \(cores) cores")
        out.append("")
        out.append("Listings   timed: \(listingDescription)")
        out.append("  \(pad("user kind / object", 30))  count    p50 µs     p99 µs   mean size   max size")
        for g in listings {
            out.append("  \(pad("\(g.userKind.rawValue) / \(g.object.rawValue)", 30))  \(lpad(g.latency.count, 5))  \(lpad(us(g.latency.p50), 8))  \(lpad(us(g.latency.p99), 9))  \(lpad(f(g.meanSize, 0), 10))  \(lpad(g.maxSize, 9))")
        }
        for object in WorkloadObject.allCases {
            let s = listing(object)
            out.append("  \(pad("all / \(object.rawValue)", 30))  \(lpad(s.count, 5))  \(lpad(us(s.p50), 8))  \(lpad(us(s.p99), 9))")
        }
        out.append("")
        out.append("Changes    apply + first read that sees the effect; verified against the reference")
        out.append("  \(pad("kind", 24))  n    p50 ms    max ms   verified")
        for g in changes {
            out.append("  \(pad(g.kind, 24))  \(lpad(g.latency.count, 2))  \(lpad(f(Double(g.latency.p50) / 1e6, 3), 8))  \(lpad(f(Double(g.latency.max) / 1e6, 3), 8))   \(g.verified)/\(g.verifications)")
        }
        let all = LatencyStats(changeLatencies)
        out.append("  \(pad("all", 24))  \(lpad(all.count, 2))  \(lpad(f(Double(all.p50) / 1e6, 3), 8))  \(lpad(f(Double(all.max) / 1e6, 3), 8))")
        if !mappingNotes.isEmpty {
            out.append("")
            out.append("Mapping")
            for note in mappingNotes { out.append("  - \(note)") }
        }
        return out.joined(separator: "\n")
    }

    private var changeVerificationText: String {
        "\(changes.reduce(0) { $0 + $1.verified })/\(changes.reduce(0) { $0 + $1.verifications }) change verifications"
    }

    /// One JSON object on one line.
    public func json() -> String {
        let all = LatencyStats(changeLatencies)
        let cases = listing(.case)
        let opportunities = listing(.opportunity)
        var fields: [(String, String)] = [
            ("subject", WorkloadWriter.quote(subject)),
            ("scale", WorkloadWriter.quote(scale)),
            ("seed", "\(seed)"),
            ("source", WorkloadWriter.quote(source)),
            ("agreement", number(agreement)),
            ("checks", "\(checks)"),
            ("checks_matched", "\(checksMatched)"),
            ("lists", "\(lists)"),
            ("lists_matched", "\(listsMatched)"),
            ("check_p50_ns", "\(allChecks.p50)"),
            ("check_p99_ns", "\(allChecks.p99)"),
            ("check_max_ns", "\(allChecks.max)"),
            ("checks_per_sec", number(checksPerSecondOneCore)),
            ("checks_per_sec_all_cores", number(checksPerSecondAllCores)),
            ("cores", "\(cores)"),
            ("list_case_p50_us", number(Double(cases.p50) / 1000)),
            ("list_case_p99_us", number(Double(cases.p99) / 1000)),
            ("list_opportunity_p50_us", number(Double(opportunities.p50) / 1000)),
            ("list_opportunity_p99_us", number(Double(opportunities.p99) / 1000)),
            ("change_p50_ms", number(Double(all.p50) / 1e6)),
            ("change_max_ms", number(Double(all.max) / 1e6)),
            ("build_s", number(buildSeconds)),
            ("workload_s", number(workloadSeconds)),
            ("rss_mb", number(rssMB)),
            ("engine_heap_mb", engineHeapMB.map(number) ?? "null"),
        ]
        for r in footprints { fields.append(("\(r.kind.rawValue)_rss_mb", number(r.rssMB))) }
        fields.append(("listing_timed", WorkloadWriter.quote(listingDescription)))
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        return abs(x) >= 1e5 ? String(format: "%.0f", x) : String(format: "%.6g", x)
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
    private func lpad(_ x: some BinaryInteger, _ n: Int) -> String { lpad("\(x)", n) }
}
