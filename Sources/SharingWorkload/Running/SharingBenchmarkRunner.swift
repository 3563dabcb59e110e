import Dispatch
import Synchronization

/// Runs the sharing benchmark against an ``AccessSubject``: build, agreement, checks,
/// listings and changes, into a ``BenchmarkReport``.
public struct SharingBenchmarkRunner: Sendable {
    /// The options (changes per kind, throughput duration).
    public var options: BenchmarkOptions
    /// How many disagreements are described in the report.
    public var maxDisagreements = 10

    /// Creates a runner.
    public init(options: BenchmarkOptions) { self.options = options }

    /// Builds the subject from `workload` (timed), then measures it.
    ///
    /// - Parameters:
    ///   - reference: the reference for `workload`, if the caller already has one.
    ///   - progress: receives one line per phase (for stderr).
    public func run<S: AccessSubject>(
        workload initial: Workload, source: String, workloadSeconds: Double, reference: ReferenceEvaluator? = nil,
        progress: (String) -> Void = { _ in }, build: (Workload) throws -> S
    ) throws -> BenchmarkReport {
        var report = BenchmarkReport()
        report.scale = initial.scale
        report.seed = initial.seed
        report.source = source
        report.workloadSeconds = workloadSeconds
        report.sizes = [
            ("users", initial.users.count), ("roles", initial.roles.count), ("groups", initial.groups.count),
            ("accounts", initial.accounts.count), ("records", initial.records.count),
            ("sharing rules", initial.sharingRules.count), ("manual shares", initial.manualShares.count),
        ]
        progress("building \(initial.records.count) records into the engine…")
        let start = Measure.now()
        var subject = try build(initial)
        report.buildSeconds = Measure.seconds(since: start)
        report.rssMB = Measure.residentMegabytes() ?? 0
        report.subject = subject.name
        report.buildPhases = subject.buildPhases
        report.engineHeapMB = subject.engineHeapMB
        report.mappingNotes = subject.mappingNotes
        report.listingDescription = subject.listingDescription

        progress("built in \(report.buildSeconds) s, RSS \(report.rssMB) MiB; checks…")
        measureChecks(subject, initial, &report)
        progress("listings…")
        let listingStart = Measure.now()
        measureListings(subject, initial, &report)
        progress("listings done in \(Measure.seconds(since: listingStart)) s")
        if options.changesPerKind > 0 {
            progress("changes…")
            var before = reference ?? ReferenceEvaluator(initial)
            try measureChanges(&subject, &before, &report, progress: progress)
        }
        return report
    }

    private func disagree(_ report: inout BenchmarkReport, _ text: @autoclosure () -> String) {
        if report.disagreements.count < maxDisagreements { report.disagreements.append(text()) }
    }

    // MARK: Checks

    private func measureChecks<S: AccessSubject>(_ subject: S, _ w: Workload, _ report: inout BenchmarkReport) {
        var resolved: [(S.UserHandle, S.RecordHandle, WorkloadAction)] = []
        resolved.reserveCapacity(w.checks.count)
        var read: [UInt64] = []
        var edit: [UInt64] = []
        report.checks = w.checks.count
        for check in w.checks {
            guard let user = subject.user(check.user), let record = subject.record(check.record) else {
                disagree(&report, "check \(check.user) \(check.action.rawValue) \(check.record): engine does not know the user or record")
                continue
            }
            let t0 = Measure.now()
            let got = subject.allows(user, record, check.action)
            let ns = Measure.now() - t0
            if check.action == .read { read.append(ns) } else { edit.append(ns) }
            if got == check.expected {
                report.checksMatched += 1
            } else {
                disagree(&report, "check \(check.user) \(check.action.rawValue) \(check.record): expected \(check.expected), engine says \(got)")
            }
            resolved.append((user, record, check.action))
        }
        report.readChecks = LatencyStats(read)
        report.editChecks = LatencyStats(edit)
        report.allChecks = LatencyStats(read + edit)
        guard !resolved.isEmpty else { return }

        // One core: whole passes over the sample until the time is up.
        let budget = UInt64(options.throughputSeconds * 1e9)
        var done = 0
        var allowed = 0
        let t0 = Measure.now()
        repeat {
            for (user, record, action) in resolved where subject.allows(user, record, action) { allowed += 1 }
            done += resolved.count
        } while Measure.now() - t0 < budget
        report.checksPerSecondOneCore = Double(done) / Measure.seconds(since: t0)

        // All cores: every thread runs passes from its own offset.
        let cores = Measure.cores
        report.cores = cores
        let total = Atomic<Int>(0)
        let sink = Atomic<Int>(0)
        let work = resolved
        let t1 = Measure.now()
        DispatchQueue.concurrentPerform(iterations: cores) { thread in
            var mine = 0
            var yes = 0
            let offset = work.count * thread / cores
            let started = Measure.now()
            repeat {
                for i in 0..<work.count {
                    let (user, record, action) = work[(i + offset) % work.count]
                    if subject.allows(user, record, action) { yes += 1 }
                }
                mine += work.count
            } while Measure.now() - started < budget
            total.add(mine, ordering: .relaxed)
            sink.add(yes, ordering: .relaxed)
        }
        report.checksPerSecondAllCores = Double(total.load(ordering: .relaxed)) / Measure.seconds(since: t1)
        // Keep the answers alive so the loops are not optimised away.
        if allowed + sink.load(ordering: .relaxed) < 0 { report.disagreements.append("impossible") }
    }

    // MARK: Listings

    private func measureListings<S: AccessSubject>(_ subject: S, _ w: Workload, _ report: inout BenchmarkReport) {
        let kinds = Dictionary(w.users.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var latencies: [Key: [UInt64]] = [:]
        var sizes: [Key: [Int]] = [:]
        report.lists = w.lists.count
        for list in w.lists {
            guard let user = subject.user(list.user), let kind = kinds[list.user] else {
                disagree(&report, "listing of \(list.object.rawValue) for \(list.user): engine does not know the user")
                continue
            }
            let t0 = Measure.now()
            let count = subject.readableCount(user, list.object)
            let ns = Measure.now() - t0
            let key = Key(kind: kind, object: list.object)
            latencies[key, default: []].append(ns)
            sizes[key, default: []].append(count)
            report.listingSamples.append((list.object, ns))
            if count == list.expectedCount {
                report.listsMatched += 1
            } else {
                disagree(&report, "listing of \(list.object.rawValue) for \(list.user): expected \(list.expectedCount) records, engine lists \(count)")
            }
        }
        for kind in UserKind.allCases {
            for object in [WorkloadObject.case, .opportunity] {
                let key = Key(kind: kind, object: object)
                guard let l = latencies[key], let s = sizes[key] else { continue }
                report.listings.append(
                    .init(userKind: kind, object: object, latency: LatencyStats(l),
                          meanSize: Double(s.reduce(0, +)) / Double(s.count), maxSize: s.max() ?? 0))
            }
        }
    }

    private struct Key: Hashable {
        var kind: UserKind
        var object: WorkloadObject
    }

    // MARK: Changes

    private func measureChanges<S: AccessSubject>(
        _ subject: inout S, _ before: inout ReferenceEvaluator, _ report: inout BenchmarkReport,
        progress: (String) -> Void
    ) throws {
        var planner = ChangePlanner(seed: before.workload.seed)
        var serial = 0
        for kind in ChangePlanner.kinds {
            var group = BenchmarkReport.ChangeGroup(kind: kind, latency: LatencyStats([]), verified: 0, verifications: 0)
            var latencies: [UInt64] = []
            for _ in 0..<options.changesPerKind {
                serial += 1
                guard let change = planner.change(kind, in: before.workload, reference: before, serial: serial) else {
                    continue
                }
                var changed = before.workload
                try change.apply(to: &changed)
                let after = change.touchesRecords
                    ? ReferenceEvaluator(changed) : ReferenceEvaluator(changed, recordsUnchangedFrom: before)
                let affected = planner.affectedUsers(by: change, before: before, after: after)
                // The probe: an affected user and a record whose access the change flips, if any.
                // Record positions are stable across a change (new records are appended).
                var probe: (user: String, record: String)?
                var flipped: [String: [String]] = [:]
                for user in affected {
                    for object in WorkloadObject.allCases {
                        let diff = after.readableIndexes(user: user, object: object)
                            .symmetricDifference(before.readableIndexes(user: user, object: object)).sorted()
                        flipped[user, default: []] += diff.prefix(4).map { changed.records[$0].id }
                        if probe == nil, let first = diff.first { probe = (user, changed.records[first].id) }
                    }
                }
                let probeUser = probe?.user ?? affected.first ?? changed.users[0].id
                let probeRecord = probe?.record ?? changed.records[changed.records.count - 1].id
                let expected = after.allows(user: probeUser, record: probeRecord, action: .read)

                let t0 = Measure.now()
                try subject.apply(change, after: changed)
                var seen = false
                repeat {
                    if let u = subject.user(probeUser), let r = subject.record(probeRecord) {
                        seen = subject.allows(u, r, .read) == expected
                    }
                } while !seen && Measure.now() - t0 < 5_000_000_000
                let ns = Measure.now() - t0
                latencies.append(ns)
                progress("  \(change): \(Double(ns) / 1e6) ms, \(probe == nil ? "no access flipped for the sampled users" : "probe \(probeUser) reads \(probeRecord) = \(expected)")")

                // Verify the sampled users against the reference (off the clock): whole
                // listings for the first few, and every flipped record for all of them.
                for (n, user) in affected.enumerated() {
                    guard let u = subject.user(user) else { continue }
                    for object in WorkloadObject.allCases where n < options.listingVerificationsPerChange {
                        group.verifications += 1
                        let want = after.readableCount(user: user, object: object)
                        let got = subject.readableCount(u, object)
                        if want == got {
                            group.verified += 1
                        } else {
                            disagree(&report, "after \(change): \(user) lists \(got) \(object.rawValue) records, reference \(want)")
                        }
                    }
                    for record in flipped[user] ?? [] {
                        for action in WorkloadAction.allCases {
                            group.verifications += 1
                            let want = after.allows(user: user, record: record, action: action)
                            let got = subject.record(record).map { subject.allows(u, $0, action) }
                            if got == want {
                                group.verified += 1
                            } else {
                                disagree(&report, "after \(change): \(user) \(action.rawValue) \(record): reference \(want), engine \(got.map(String.init(describing:)) ?? "unknown record")")
                            }
                        }
                    }
                }
                before = after
            }
            group.latency = LatencyStats(latencies)
            report.changeLatencies += latencies
            if group.latency.count > 0 { report.changes.append(group) }
        }
    }
}
