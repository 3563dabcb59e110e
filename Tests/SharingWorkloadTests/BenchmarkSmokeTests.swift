@testable import SharingWorkload
import Testing

/// A subject that answers every check wrongly: the benchmark must notice.
private struct LyingSubject: AccessSubject {
    var inner: ReferenceSubject
    var name: String { "liar" }
    var listingDescription: String { "none" }
    var mappingNotes: [String] { [] }
    var buildPhases: [(name: String, seconds: Double)] { [] }
    func user(_ id: String) -> String? { id }
    func record(_ id: String) -> String? { id }
    func allows(_ user: String, _ record: String, _ action: WorkloadAction) -> Bool { !inner.allows(user, record, action) }
    func readableCount(_ user: String, _ object: WorkloadObject) -> Int { inner.readableCount(user, object) + 1 }
    mutating func apply(_ change: WorkloadChange, after workload: Workload) throws {
        try inner.apply(change, after: workload)
    }
}

@Suite("Benchmark code path")
struct BenchmarkSmokeTests {
    private var options: BenchmarkOptions {
        var o = BenchmarkOptions()
        o.scale = "tiny"
        o.throughputSeconds = 0.01
        o.changesPerKind = 1
        return o
    }

    @Test func referenceSubjectAgreesOnATinyWorkload() throws {
        let w = WorkloadGenerator.generate(.tiny, seed: 1)
        let report = try SharingBenchmarkRunner(options: options).run(
            workload: w, source: "test", workloadSeconds: 0, build: ReferenceSubject.init)
        #expect(report.agrees)
        #expect(report.checksMatched == w.checks.count)
        #expect(report.listsMatched == w.lists.count)
        #expect(report.changes.count == ChangePlanner.kinds.count)
        #expect(report.changes.allSatisfy { $0.verifications > 0 && $0.verified == $0.verifications })
        let json = report.json()
        for key in ["scale", "agreement", "checks", "check_p50_ns", "check_p99_ns", "checks_per_sec", "list_case_p50_us",
                    "list_case_p99_us", "change_p50_ms", "change_max_ms", "build_s", "rss_mb"] {
            #expect(json.contains("\"\(key)\":"), "\(key)")
        }
        #expect(!json.contains("\n"))
        #expect(report.table().contains("AGREEMENT  100%"))
    }

    @Test func theAccessEngineAgreesOnATinyWorkload() throws {
        let w = WorkloadGenerator.generate(.tiny, seed: 2)
        let report = try SharingBenchmarkRunner(options: options).run(
            workload: w, source: "test", workloadSeconds: 0, build: CommunityAccessSubject.init)
        #expect(report.agrees, "\(report.disagreements)")
        #expect(report.checksMatched == w.checks.count)
        #expect(report.listsMatched == w.lists.count)
        #expect(report.changes.count == ChangePlanner.kinds.count)
        #expect(report.buildPhases.count == 3)
    }

    @Test func theAccessEngineAgreesOnTheHandwrittenFile() throws {
        let w = try WorkloadLoader.parse(TinyWorkloadJSON.text)
        var o = options
        o.changesPerKind = 0
        let report = try SharingBenchmarkRunner(options: o).run(
            workload: w, source: "inline", workloadSeconds: 0, build: CommunityAccessSubject.init)
        #expect(report.agrees, "\(report.disagreements)")
        #expect(report.checks == 5 && report.lists == 3)
    }

    @Test func disagreementsAreCountedAndShown() throws {
        let w = WorkloadGenerator.generate(.tiny, seed: 1)
        let report = try SharingBenchmarkRunner(options: options).run(
            workload: w, source: "test", workloadSeconds: 0) { LyingSubject(inner: ReferenceSubject($0)) }
        #expect(!report.agrees)
        #expect(report.checksMatched == 0)
        #expect(report.listsMatched == 0)
        #expect(report.disagreements.count == 10)
        #expect(report.table().contains("DISAGREEMENTS FOUND"))
    }

    @Test func theCommandRunsEndToEndAndExitsZero() {
        #expect(SharingBenchmarkCommand.main(["--scale", "tiny", "--engine", "reference", "--throughput-seconds", "0.01", "--changes", "1", "--json"]) == 0)
        #expect(SharingBenchmarkCommand.main(["--scale", "tiny", "--throughput-seconds", "0.01", "--changes", "0"]) == 0)
        #expect(SharingBenchmarkCommand.main(["--scale", "nope"]) == 2)
        #expect(SharingBenchmarkCommand.main(["--workload", "/nonexistent/file.json"]) == 2)
    }

    @Test func optionsParse() throws {
        let o = try BenchmarkOptions.parse(["--workload", "w.json", "--json", "--changes", "3", "--engine", "reference"])
        #expect(o.workloadPath == "w.json" && o.json && o.changesPerKind == 3 && o.engine == "reference")
        #expect(try BenchmarkOptions.parse(["--scale", "large", "--seed", "9"]).seed == 9)
        #expect(throws: WorkloadError.self) { try BenchmarkOptions.parse([]) }
        #expect(throws: WorkloadError.self) { try BenchmarkOptions.parse(["--scale", "small", "--workload", "x"]) }
        #expect(throws: WorkloadError.self) { try BenchmarkOptions.parse(["--scale", "small", "--seed", "x"]) }
        #expect(throws: WorkloadError.self) { try BenchmarkOptions.parse(["--scale", "small", "--bogus"]) }
        #expect(try BenchmarkOptions.parse(["--scale", "tiny"]).measuresFootprint)
        #expect(try !BenchmarkOptions.parse(["--scale", "tiny", "--no-footprint"]).measuresFootprint)
        #expect(try BenchmarkOptions.parse(["--scale", "tiny", "--footprint", "engine"]).footprint == .engine)
        #expect(throws: WorkloadError.self) { try BenchmarkOptions.parse(["--scale", "tiny", "--footprint", "disk"]) }
    }

    @Test func footprintChildrenMeasureWhatTheyKeep() throws {
        let options = try BenchmarkOptions.parse(["--scale", "tiny"])
        for kind in Footprint.Kind.allCases {
            let reading = try Footprint.measure(kind, options)
            #expect(reading.kind == kind && reading.rssMB > 0 && reading.heapMB > 0)
        }
        // The child's line is what the parent reads back; anything else is no reading.
        let sample = Footprint.Reading(kind: .host, rssMB: 812.5, heapMB: 790.0)
        #expect(Footprint.parse("progress\n" + Footprint.line(sample) + "\n") == Footprint.Reading(kind: .host, rssMB: 812.5, heapMB: 790.0))
        #expect(Footprint.parse("FOOTPRINT disk 1 2") == nil)
        #expect(Footprint.parse("nothing here") == nil)
        // A child that cannot start is reported, not fatal.
        var failure: String?
        #expect(Footprint.spawn(executable: "/nonexistent/SharingBenchmark", kind: .engine, options, failure: &failure) == nil)
        #expect(failure?.contains("cannot start") == true)
    }

    @Test func theReportShowsFootprints() {
        var report = BenchmarkReport()
        report.footprints = [Footprint.Reading(kind: .host, rssMB: 900, heapMB: 850), Footprint.Reading(kind: .engine, rssMB: 400, heapMB: 380)]
        #expect(report.table().contains("MemoryStore + AccessEngine(store:)"))
        #expect(report.json().contains("\"host_rss_mb\":900") && report.json().contains("\"engine_rss_mb\":400"))
    }

    @Test func latencyPercentilesUseNearestRank() {
        let s = LatencyStats((1...100).map { UInt64($0) })
        #expect(s.p50 == 50 && s.p99 == 99 && s.max == 100 && s.count == 100)
        #expect(LatencyStats([]).p50 == 0)
    }

    @Test func changesApplyToTheWorkload() throws {
        var w = HandBuilt.workload()
        try WorkloadChange.changeOwner(record: "o1", newOwner: "peer").apply(to: &w)
        #expect(ReferenceEvaluator(w).access(user: "peer", record: "o1") == .edit)
        try WorkloadChange.moveRole(role: "rep2", newParent: "lead").apply(to: &w)
        #expect(ReferenceEvaluator(w).access(user: "lead", record: "o1") == .edit)
        #expect(throws: WorkloadError.self) { try WorkloadChange.moveRole(role: "ceo", newParent: "vp").apply(to: &w) }
        #expect(throws: WorkloadError.self) { try WorkloadChange.changeOwner(record: "zzz", newOwner: "vp").apply(to: &w) }
    }

    @Test func aConfigurationChangeMayReuseTheRecordIndexes() throws {
        let w = WorkloadGenerator.generate(.tiny, seed: 6)
        let before = ReferenceEvaluator(w)
        var changed = w
        let rule = SharingRuleSpec(
            id: "new", object: .opportunity, selector: .criteria(field: .owner, equals: w.records[0].owner),
            to: .role(w.roles[1].id), access: .edit)
        try WorkloadChange.addSharingRule(rule).apply(to: &changed)
        #expect(throws: WorkloadError.self) { try WorkloadChange.addSharingRule(rule).apply(to: &changed) }
        let reused = ReferenceEvaluator(changed, recordsUnchangedFrom: before)
        let fresh = ReferenceEvaluator(changed)
        for user in changed.users.prefix(40) {
            for object in WorkloadObject.allCases {
                #expect(reused.readable(user: user.id, object: object) == fresh.readable(user: user.id, object: object))
                #expect(reused.readable(user: user.id, object: object) == fresh.readableByScan(user: user.id, object: object))
            }
        }
    }
}
