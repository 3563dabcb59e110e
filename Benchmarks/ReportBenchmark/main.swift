import CommunityAccess
import CommunityAnalytics
import CommunityEngagement
import CommunityModel
import Foundation
import SharingWorkload

// swift run -c release ReportBenchmark [--scale tiny|small|medium|large] [--repeats N] [--seed N] [--agreement-users N]
//                                      [--kpi-changes N] [--quiet] [--json]
//
// Over the sharing benchmark's generated org (large: 100,000 users, 1,000,000 records, half of
// them cases), with the cases given a status, a priority and an opening date spread over two
// years: a summary report of cases grouped by status × priority with a date filter, run as an
// internal user who reads everything and as a partner user who reads a few hundred records; a
// six-component dashboard; and the agreement of the engine with the plain reference evaluation
// (ReportReference) on every report of the run for a sample of users. With --json, the last line
// is one JSON object with `agreement`, `summary_internal_p50_ms`, `summary_partner_p50_ms`,
// `dashboard_p50_ms` and `aggregate_update_us`: what keeping the community KPIs' daily aggregates
// (CommunityEngagement's KPIAggregator, loaded from the same store) current costs per change, for
// --kpi-changes updates of the workload's cases, opportunities and users fed one at a time
// (`aggregate_update_cpu_us` is the same in this thread's CPU time).
//
// Runs keep their results with the access snapshot, so the p50s above are of runs on an unchanged
// snapshot; `summary_internal_walk_p50_ms`, `summary_partner_walk_p50_ms` and
// `dashboard_walk_p50_ms` are the walks alone (what a run costs with nothing carried). The
// `*_after_change_p50_ms` keys are the first runs after one case change written through the
// store, which patch the totals carried from the previous run (`after_change_agreement` is the
// share of those reports whose run equals a walk on the final snapshot). Every
// timed run also records this thread's CPU time (the `..._cpu_p50_ms` keys), which a shared
// machine inflates far less than wall time. Each phase, as it ends, writes its name and seconds
// to stderr (`--quiet` turns that off), so a large run shows where it is.

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let json = arguments.contains("--json")
let scaleName = option("--scale") ?? "large"
guard let scale = WorkloadScale.named(scaleName) else {
    print("unknown scale \(scaleName); use tiny, small, medium or large")
    exit(2)
}
let repeats = max(3, option("--repeats").flatMap(Int.init) ?? 21)
let seed = option("--seed").flatMap(Int.init) ?? 1
let agreementUsers = max(0, option("--agreement-users").flatMap(Int.init) ?? 4)
let kpiChanges = max(1, option("--kpi-changes").flatMap(Int.init) ?? 200_000)
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double { Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15 }
func p50(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

// 2026-12-07 12:00 UTC: "today" for relative dates, fixed so runs agree.
let now = Date(timeIntervalSince1970: 1_796_644_800)
let statuses = ["New", "Working", "Waiting on Customer", "Escalated", "Closed"]

var started = clock.now
let runStarted = clock.now
var phaseStarted = clock.now
/// Tells stderr which phase just ended, with its seconds and the seconds since the start, so a
/// long (large-scale) run shows where it is; `--quiet` turns it off.
let quiet = arguments.contains("--quiet")
@MainActor func progress(_ phase: String) {
    let now = clock.now
    if !quiet {
        let line = String(format: "[ReportBenchmark] %@: %.2f s (%.1f s since start)\n", phase,
                          milliseconds(now - phaseStarted) / 1_000, milliseconds(now - runStarted) / 1_000)
        FileHandle.standardError.write(Data(line.utf8))
    }
    phaseStarted = now
}
let workload = WorkloadGenerator.generate(scale, seed: seed)
progress("workload generated (\(workload.users.count) users, \(workload.records.count) records)")
let store = MemoryStore(feedCapacity: 1024)
try WorkloadStore.fill(store, with: workload)
progress("store filled")
// Give the generated cases a status, a priority and an opening date (deterministic per case).
try store.write { tx in
    for (n, versioned) in try tx.all(Case.self).enumerated() {
        var c = versioned.value
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        c.status = statuses[Int(h % UInt64(statuses.count))]
        c.priority = Case.Priority.allCases[Int((h >> 8) % 4)]
        c.createdAt = now.addingTimeInterval(-Double((h >> 16) % 730) * 86_400 - Double((h >> 32) % 86_400))
        _ = try tx.put(c)
    }
}
progress("cases given a status, priority and date")
let access = try AccessEngine(store: store)
progress("access engine built")
let snapshot = access.snapshot
let engine = ReportEngine(schemas: .standard, clock: ManualClock(now))
let library = ReportLibrary(store: store, access: access, engine: engine)
if !json {
    print(String(format: "org: %d users, %d records, loaded in %.1f s", workload.users.count, workload.records.count,
                 milliseconds(clock.now - started) / 1_000))
}

// The viewers: an internal user who reads every case, and a partner user who reads a few hundred.
func user(_ id: String) -> ID<User>? { try? ID<User>(parsing: id) }
let internalReader = workload.users.lazy.filter { $0.kind == .internal }.compactMap { user($0.id) }
    .first { snapshot.readsEveryRecord(of: $0, object: "Case") && snapshot.readsEveryRecord(of: $0, object: "Opportunity") }
guard let internalReader else {
    print("no internal user reads every case and opportunity in this workload")
    exit(1)
}
var partnerReader: (ID<User>, Int)?
for candidate in workload.users where candidate.kind == .partner {
    guard let id = user(candidate.id) else { continue }
    let n = snapshot.countVisibleRecords(of: id, object: "Case")
    if (200...2_000).contains(n) {
        partnerReader = (id, n)
        break
    }
    if n > (partnerReader?.1 ?? -1) { partnerReader = (id, n) }
}
guard let (partner, partnerCases) = partnerReader else {
    print("no partner user in this workload")
    exit(1)
}
let totalCases = snapshot.countVisibleRecords(of: internalReader, object: "Case")
progress("viewers chosen (partner \(partner.rawValue) reads \(partnerCases) cases)")

// The summary report: cases by status × priority opened in the last 90 days.
let summary = ReportDefinition(
    object: "Case", filter: .condition(ReportCondition("CreatedDate", .equals, ["last 90 days"])),
    rowGroupings: [ReportGrouping("Status"), ReportGrouping("Priority")], summaries: [.count])

/// This thread's CPU time in milliseconds: on a shared machine, wall time also counts the time
/// other processes had the core, so each timed run records both.
func threadCPUMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
}
var cpuTimes: [String: [Double]] = [:]
/// Runs `body`, returns its wall time in ms and records its CPU time under `label`.
@MainActor func time(_ label: String, _ body: () throws -> Void) rethrows -> Double {
    let start = clock.now
    let cpu = threadCPUMilliseconds()
    try body()
    cpuTimes[label, default: []].append(threadCPUMilliseconds() - cpu)
    return milliseconds(clock.now - start)
}
// `run` keeps a result with the access snapshot, so after the first run of a report on an
// unchanged snapshot it is answered from there; `walk` always walks the records (what a run
// costs right after a change), and is measured separately.
// The very first walk of the summary also builds the snapshot's columns of the fields it reads
// (kept with the snapshot and brought up to date after changes): timed apart.
let internalFirstWalk = try time("internal-first-walk") { _ = try engine.compile(summary, for: internalReader, in: access.snapshot).walk(in: access.snapshot) }
progress("first summary walk (columns built)")
var internalTimes: [Double] = []
var partnerTimes: [Double] = []
var internalWalks: [Double] = []
var partnerWalks: [Double] = []
for _ in 0..<repeats {
    internalWalks.append(try time("internal-walk") { _ = try engine.compile(summary, for: internalReader, in: access.snapshot).walk(in: access.snapshot) })
    partnerWalks.append(try time("partner-walk") { _ = try engine.compile(summary, for: partner, in: access.snapshot).walk(in: access.snapshot) })
}
progress("summary report walked, \(repeats) runs per viewer")
for _ in 0..<repeats {
    internalTimes.append(try time("internal") { _ = try engine.run(summary, as: internalReader, in: access.snapshot) })
    partnerTimes.append(try time("partner") { _ = try engine.run(summary, as: partner, in: access.snapshot) })
}
progress("summary report, \(repeats) runs per viewer")

// The dashboard: six components over cases and opportunities, run as the viewer.
let amount = ReportSummary(.sum, of: "Amount")
let reports: [(String, ReportDefinition, DashboardTile.Kind)] = [
    ("bench-open-cases", ReportDefinition(object: "Case", filter: .condition(ReportCondition("Status", .notEquals, ["Closed"])), summaries: [.count]), .metric),
    ("bench-escalated", ReportDefinition(object: "Case", filter: .and([.condition(ReportCondition("Status", .equals, ["Escalated"])),
                                                                         .condition(ReportCondition("CreatedDate", .equals, ["this quarter"]))]), summaries: [.count]), .gauge),
    ("bench-by-status", ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("Status")], columnGrouping: ReportGrouping("Priority"), summaries: [.count]), .stackedBar),
    ("bench-by-month", ReportDefinition(object: "Case", filter: .condition(ReportCondition("CreatedDate", .equals, ["last 365 days"])),
                                        rowGroupings: [ReportGrouping("CreatedDate", bucket: .month)], summaries: [.count]), .line),
    ("bench-pipeline", ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("StageName")], summaries: [.count, amount]), .donut),
    ("bench-pipeline-region", ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("StageName"), ReportGrouping("OwnerId")],
                                               summaries: [amount, ReportSummary(.average, of: "Amount")]), .table),
]
var tiles: [DashboardTile] = []
for (id, definition, kind) in reports {
    let saved = try library.save(SavedReport(id: ID(id), name: id, definition: definition, chart: kind, owner: internalReader), by: internalReader)
    tiles.append(DashboardTile(reportID: saved.id, kind: kind, maximum: kind == .gauge ? 10_000 : nil))
}
let dashboard = try library.save(SavedDashboard(id: "bench-dashboard", name: "Service and pipeline", owner: internalReader, tiles: tiles), by: internalReader)
let dashboardFirstWalk = try time("dashboard-first-walk") {
    for (_, definition, _) in reports { _ = try engine.compile(definition, for: internalReader, in: access.snapshot).walk(in: access.snapshot) }
}
progress("first dashboard walk (columns built)")
var dashboardWalks: [Double] = []
var reportWalks: [String: [Double]] = [:]
for _ in 0..<repeats {
    dashboardWalks.append(try time("dashboard-walk") {
        for (id, definition, _) in reports {
            let start = clock.now
            _ = try engine.compile(definition, for: internalReader, in: access.snapshot).walk(in: access.snapshot)
            reportWalks[id, default: []].append(milliseconds(clock.now - start))
        }
    })
}
progress("dashboard's reports walked, \(repeats) runs")
var dashboardTimes: [Double] = []
for _ in 0..<repeats {
    dashboardTimes.append(try time("dashboard") {
        let result = try library.run(dashboard: dashboard.id, as: internalReader)
        for tile in result.tiles { _ = try tile.outcome.get() }
    })
}
progress("dashboard, \(repeats) runs")

// Agreement with the reference on every report of the run, for the two viewers and a sample of others.
let cases = try store.snapshot().all(Case.self).map { $0.value as any Record }
let opportunities = try store.snapshot().all(Opportunity.self).map { $0.value as any Record }
let reference = ReportReference(schemas: .standard, now: now)
progress("records read for the reference")
var viewers = [internalReader, partner]
let others = workload.users.filter { $0.kind != .internal || $0.id.hasSuffix("7") }
for k in 0..<min(agreementUsers, others.count) {
    if let id = user(others[k * others.count / max(agreementUsers, 1)].id) { viewers.append(id) }
}
var compared = 0
var agreed = 0
for definition in [summary] + reports.map(\.1) {
    for viewer in viewers {
        guard let result = try? engine.run(definition, as: viewer, in: snapshot) else { continue }
        let expected = reference.evaluate(definition, records: definition.object == "Case" ? cases : opportunities, as: viewer, in: snapshot)
        let actual = result.flattened()
        compared += 1
        if Set(actual.keys) == Set(expected.keys), expected.allSatisfy({ actual[$0.key]?.agrees(with: $0.value) == true }) {
            agreed += 1
        } else if !json {
            print("disagreement for \(viewer) on \(definition.object) \(definition.rowGroupings.map(\.field))")
        }
    }
    progress("agreement of \(definition.object) \(definition.rowGroupings.map(\.field)) for \(viewers.count) viewers")
}
let agreement = compared == 0 ? 0 : Double(agreed) / Double(compared)

// After one change: a case's status is written through the store (the access engine follows
// its feed and publishes a new snapshot), then the summary runs as the internal user, as the
// partner, or the dashboard runs: each timed run is the first on a snapshot after a change,
// so it finds nothing kept with that snapshot and patches the totals carried from the last
// run instead of walking (CompiledReport.run). Afterwards every report of the run is compared
// with a walk of the final snapshot.
let changeCases = try store.snapshot().all(Case.self).map(\.value)
var changeMix: UInt64 = 0xC0FFEE
/// Writes one case with another status and waits until the access engine has published it.
@MainActor func writeOneCaseChange() throws {
    guard !changeCases.isEmpty else { return }
    changeMix &+= 0x9E37_79B9_7F4A_7C15
    var h = changeMix
    h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 27
    let id = changeCases[Int(h % UInt64(changeCases.count))].id
    let sequence = try store.write { tx -> UInt64 in
        guard var c = try tx.get(id)?.value else { return 0 }
        let next = ((statuses.firstIndex(of: c.status) ?? 0) + 1 + Int((h >> 20) % 3)) % statuses.count
        c.status = statuses[next]
        _ = try tx.put(c)
        return 1
    }
    let target = store.snapshot().sequence
    var waited = 0
    while sequence > 0, access.snapshot.sequence < target, waited < 10_000 {
        usleep(100)
        waited += 1
    }
}
var internalAfterChange: [Double] = []
var partnerAfterChange: [Double] = []
var dashboardAfterChange: [Double] = []
for _ in 0..<repeats {
    try writeOneCaseChange()
    internalAfterChange.append(try time("internal-after-change") { _ = try engine.run(summary, as: internalReader, in: access.snapshot) })
    try writeOneCaseChange()
    partnerAfterChange.append(try time("partner-after-change") { _ = try engine.run(summary, as: partner, in: access.snapshot) })
    try writeOneCaseChange()
    dashboardAfterChange.append(try time("dashboard-after-change") {
        let result = try library.run(dashboard: dashboard.id, as: internalReader)
        for tile in result.tiles { _ = try tile.outcome.get() }
    })
}
progress("runs after one change, \(repeats) per report")
let changed = access.snapshot
var afterChangeCompared = 0
var afterChangeAgreed = 0
for definition in [summary] + reports.map(\.1) {
    for viewer in [internalReader, partner] {
        guard let compiled = try? engine.compile(definition, for: viewer, in: changed) else { continue }
        let run = compiled.run(in: changed).flattened()
        let walked = compiled.walk(in: changed).flattened()
        afterChangeCompared += 1
        if Set(run.keys) == Set(walked.keys), walked.allSatisfy({ run[$0.key]?.agrees(with: $0.value) == true }) {
            afterChangeAgreed += 1
        } else if !json {
            print("after the changes, run and walk disagree for \(viewer) on \(definition.object) \(definition.rowGroupings.map(\.field))")
        }
    }
}
let afterChangeAgreement = afterChangeCompared == 0 ? 0 : Double(afterChangeAgreed) / Double(afterChangeCompared)
progress("runs after the changes compared with walks")

// Keeping the KPI aggregates current: the aggregator loads the same store, then gets changes of
// its cases (status and opening date), opportunities (stage and amount) and users, one at a time.
func threadCPUMicros() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}
let kpiLoadStart = clock.now
let aggregator = KPIAggregator(clock: ManualClock(now))
try aggregator.load(store.snapshot())
let kpiLoad = milliseconds(clock.now - kpiLoadStart)
progress("KPI aggregates loaded")
let kpiCases = try store.snapshot().all(Case.self).map(\.value)
let kpiOpportunities = try store.snapshot().all(Opportunity.self).map(\.value)
let kpiUsers = try store.snapshot().all(User.self).map(\.value)
var kpiSequence = store.snapshot().sequence
var kpiChangeList: [Change] = []
kpiChangeList.reserveCapacity(kpiChanges)
var mix: UInt64 = 0x5EED
for n in 0..<kpiChanges {
    mix &+= 0x9E37_79B9_7F4A_7C15
    var h = mix
    h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 27
    kpiSequence += 1
    let entity: any Entity
    switch n % 4 {
    case 0, 1:
        guard !kpiCases.isEmpty else { continue }
        var c = kpiCases[Int(h % UInt64(kpiCases.count))]
        c.status = statuses[Int((h >> 20) % UInt64(statuses.count))]
        c.createdAt = now.addingTimeInterval(-Double((h >> 24) % 730) * 86_400)
        entity = c
    case 2:
        guard !kpiOpportunities.isEmpty else { continue }
        var o = kpiOpportunities[Int(h % UInt64(kpiOpportunities.count))]
        let stages = ["Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
        o.fields.stage = stages[Int((h >> 20) % 5)]
        o.fields.amount = Decimal(Int((h >> 24) % 100_000))
        entity = o
    default:
        guard !kpiUsers.isEmpty else { continue }
        var u = kpiUsers[Int(h % UInt64(kpiUsers.count))]
        u.isActive = (h >> 20) % 10 != 0
        entity = u
    }
    func change<E: Entity>(_ e: E) -> Change {
        Change(sequence: kpiSequence, transaction: kpiSequence, entityType: E.entityType, id: e.id.rawValue, kind: .updated, version: 2, entity: e)
    }
    kpiChangeList.append(change(entity))
}
progress("KPI changes prepared")
let kpiCPUStart = threadCPUMicros()
let kpiStart = clock.now
for change in kpiChangeList { aggregator.aggregateUpdate([change]) }
let aggregateUpdateMicros = milliseconds(clock.now - kpiStart) * 1_000 / Double(max(1, kpiChangeList.count))
let aggregateUpdateCPUMicros = (threadCPUMicros() - kpiCPUStart) / Double(max(1, kpiChangeList.count))
progress("KPI changes applied (\(kpiChangeList.count))")

let internalP50 = p50(internalTimes), partnerP50 = p50(partnerTimes), dashboardP50 = p50(dashboardTimes)
let internalWalkP50 = p50(internalWalks), partnerWalkP50 = p50(partnerWalks), dashboardWalkP50 = p50(dashboardWalks)
let internalAfterChangeP50 = p50(internalAfterChange), partnerAfterChangeP50 = p50(partnerAfterChange)
let dashboardAfterChangeP50 = p50(dashboardAfterChange)
@MainActor func cpuP50(_ label: String) -> Double { p50(cpuTimes[label] ?? []) }
do {
    print(String(format: "CPU time p50: summary %.3f ms (partner %.3f), dashboard %.3f ms; walks: summary %.1f ms (partner %.3f), dashboard %.1f ms",
                 cpuP50("internal"), cpuP50("partner"), cpuP50("dashboard"), cpuP50("internal-walk"), cpuP50("partner-walk"), cpuP50("dashboard-walk")))
    print(String(format: "walks (nothing kept): summary as %@ p50 %.2f ms, as partner p50 %.2f ms, the dashboard's six reports p50 %.2f ms",
                 internalReader.rawValue, internalWalkP50, partnerWalkP50, dashboardWalkP50))
    print(String(format: "first walks, building the columns: summary %.1f ms, dashboard %.1f ms; dashboard walks by report (p50 ms): %@",
                 internalFirstWalk, dashboardFirstWalk,
                 reports.map { String(format: "%@ %.2f", $0.0, p50(reportWalks[$0.0] ?? [])) }.joined(separator: ", ")))
    print(String(format: "summary (cases by status × priority, last 90 days) as %@ (reads %d cases): p50 %.2f ms (target < 100)",
                 internalReader.rawValue, totalCases, internalP50))
    print(String(format: "summary as partner %@ (reads %d cases): p50 %.2f ms (target < 100)", partner.rawValue, partnerCases, partnerP50))
    print(String(format: "dashboard of %d components as %@: p50 %.2f ms (target < 300)", tiles.count, internalReader.rawValue, dashboardP50))
    print(String(format: "agreement with the reference: %d of %d report runs (%.1f%%)", agreed, compared, agreement * 100))
    print(String(format: "first run after one case change: summary p50 %.2f ms (partner %.2f ms), dashboard p50 %.2f ms; CPU %.3f / %.3f / %.3f ms; runs equal to walks after the changes: %d of %d",
                 internalAfterChangeP50, partnerAfterChangeP50, dashboardAfterChangeP50, cpuP50("internal-after-change"),
                 cpuP50("partner-after-change"), cpuP50("dashboard-after-change"), afterChangeAgreed, afterChangeCompared))
    print(String(format: "KPI aggregates: loaded in %.0f ms; %d changes at %.3f µs each (wall), %.3f µs of CPU time (target < 5)",
                 kpiLoad, kpiChangeList.count, aggregateUpdateMicros, aggregateUpdateCPUMicros))
}
if json {
    func number(_ value: Double) -> String { String(format: "%.3f", value) }
    print("{\"agreement\":\(number(agreement)),\"summary_internal_p50_ms\":\(number(internalP50)),\"summary_partner_p50_ms\":\(number(partnerP50)),"
        + "\"dashboard_p50_ms\":\(number(dashboardP50)),\"aggregate_update_us\":\(number(aggregateUpdateMicros)),"
        + "\"aggregate_update_cpu_us\":\(number(aggregateUpdateCPUMicros)),\"summary_internal_walk_p50_ms\":\(number(internalWalkP50)),"
        + "\"summary_partner_walk_p50_ms\":\(number(partnerWalkP50)),\"dashboard_walk_p50_ms\":\(number(dashboardWalkP50)),"
        + "\"summary_internal_cpu_p50_ms\":\(number(cpuP50("internal"))),\"summary_partner_cpu_p50_ms\":\(number(cpuP50("partner"))),"
        + "\"dashboard_cpu_p50_ms\":\(number(cpuP50("dashboard"))),\"summary_internal_walk_cpu_p50_ms\":\(number(cpuP50("internal-walk"))),"
        + "\"dashboard_walk_cpu_p50_ms\":\(number(cpuP50("dashboard-walk"))),"
        + "\"summary_internal_after_change_p50_ms\":\(number(internalAfterChangeP50)),\"summary_partner_after_change_p50_ms\":\(number(partnerAfterChangeP50)),"
        + "\"dashboard_after_change_p50_ms\":\(number(dashboardAfterChangeP50)),"
        + "\"summary_internal_after_change_cpu_p50_ms\":\(number(cpuP50("internal-after-change"))),"
        + "\"summary_partner_after_change_cpu_p50_ms\":\(number(cpuP50("partner-after-change"))),"
        + "\"dashboard_after_change_cpu_p50_ms\":\(number(cpuP50("dashboard-after-change"))),\"after_change_agreement\":\(number(afterChangeAgreement)),"
        + "\"summary_internal_first_walk_ms\":\(number(internalFirstWalk)),\"dashboard_first_walk_ms\":\(number(dashboardFirstWalk)),"
        + "\"dashboard_walk_p50_ms_by_report\":{" + reports.map { "\"\($0.0)\":\(number(p50(reportWalks[$0.0] ?? [])))" }.joined(separator: ",") + "}}")
}
