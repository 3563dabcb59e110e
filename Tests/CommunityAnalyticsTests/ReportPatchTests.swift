import CommunityAccess
@testable import CommunityAnalytics
import CommunityModel
import CommunityTesting
import Foundation
import Testing

/// The first run after a change patches the totals kept from an earlier snapshot
/// (``CompiledReport/patched(_:changes:in:shared:)``); these tests check, after every step of
/// generated change sequences, that the run equals a fresh walk and ``ReportReference``, and
/// that the cases that cannot be patched exactly walk instead.
@Suite("Reports patched after a change")
struct ReportPatchTests {
    static let users: [ID<User>] = ["admin", "agent", "alex", "pat", "bo"]
    static let statuses = ["New", "Working", "Waiting on Customer", "Escalated", "Closed"]
    static let stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
    static let accounts: [ID<Account>] = ["acme", "globex", "initech"]

    /// The change kinds of a step; the sharing ones (owner, account, inserts, deletes, shares)
    /// make per-viewer results walk, the others are patched.
    enum Kind: CaseIterable {
        case caseFields, opportunityFields, caseAccount, accountTier, caseOwner, insertCase, deleteCase, share, unshare
    }

    /// Writes one random change through the store; returns its kind.
    static func change(_ g: inout SeededRandom, _ f: ReportFixture, step: Int, shares: inout [ID<RecordShare>]) throws -> Kind {
        let kind = g.pick(Kind.allCases)
        let snapshot = f.store.snapshot()
        let cases = try snapshot.all(Case.self).map(\.value)
        let opportunities = try snapshot.all(Opportunity.self).map(\.value)
        try f.store.write { tx in
            switch kind {
            case .caseFields:
                var c = g.pick(cases)
                c.fields.status = g.pick(statuses)
                if g.chance(0.5) { c.fields.priority = g.pick(Case.Priority.allCases) }
                if g.chance(0.3) { c.fields.createdAt = ReportFixture.now.addingTimeInterval(-Double(g.int(400)) * 86_400) }
                if g.chance(0.2) { c.fields.product = g.chance(0.5) ? nil : "Cloud" }
                _ = try tx.put(c)
            case .opportunityFields:
                var o = g.pick(opportunities)
                o.fields.stage = g.pick(stages)
                o.fields.amount = g.chance(0.1) ? nil : Decimal(g.int(100_000)) + Decimal(g.int(100)) / 100
                if g.chance(0.3) { o.fields.probability = g.int(101) }
                if g.chance(0.2) { o.fields.region = g.chance(0.3) ? nil : g.pick(["NA", "EMEA", "APAC"]) }
                _ = try tx.put(o)
            case .caseAccount:
                var c = g.pick(cases)
                c.fields.accountID = g.chance(0.2) ? nil : g.pick(accounts)
                _ = try tx.put(c)
            case .accountTier:
                guard var a = try tx.get(g.pick(accounts))?.value else { return }
                // Only partner accounts have a tier.
                a.fields.partnerTier = a.fields.isPartner ? g.pick([.registered, .silver, .gold, .platinum]) : nil
                _ = try tx.put(a)
            case .caseOwner:
                var c = g.pick(cases)
                c.fields.owner = .user(g.pick(users))
                _ = try tx.put(c)
            case .insertCase:
                _ = try tx.put(Case(id: ID("new\(step)"), subject: "Inserted \(step)", accountID: g.pick(accounts), status: g.pick(statuses),
                                    priority: g.pick(Case.Priority.allCases), createdAt: ReportFixture.now.addingTimeInterval(-Double(g.int(200)) * 86_400),
                                    owner: .user(g.pick(users))))
            case .deleteCase:
                try tx.delete(g.pick(cases).id)
            case .share:
                let id = ID<RecordShare>("share\(step)")
                let onCase = g.chance(0.5)
                let record = onCase ? g.pick(cases).id.rawValue : g.pick(opportunities).id.rawValue
                _ = try tx.put(RecordShare(id: id, object: onCase ? "Case" : "Opportunity", recordID: record,
                                           sharedWith: .user(g.pick(["alex", "pat", "bo", "agent"])), accessLevel: .read))
                shares.append(id)
            case .unshare:
                guard !shares.isEmpty else { return }
                try tx.delete(shares.remove(at: g.int(shares.count)))
            }
        }
        return kind
    }

    /// The generated definitions, some with detail columns and small row limits.
    static func definitions(_ g: inout SeededRandom) -> [ReportDefinition] {
        var out: [ReportDefinition] = []
        for n in 0..<8 {
            let object: EntityType = n % 2 == 0 ? "Case" : "Opportunity"
            var definition = ReportDifferentialTests.definition(&g, object: object)
            if g.chance(0.4) {
                definition.columns = object == "Case" ? ["Subject", "Status"] : ["Name", "Amount"]
                definition.rowLimit = g.pick([3, 10, 1_000])
            }
            out.append(definition)
        }
        // Lookups and every summary kind, fixed, so each run has them.
        out.append(ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("Account.PartnerTier")],
                                    summaries: [.count, .init(.sum, of: "Amount"), .init(.minimum, of: "Amount"), .init(.maximum, of: "CloseDate"),
                                                .init(.uniqueCount, of: "StageName")]))
        out.append(ReportDefinition(object: "Case", columns: ["Subject"], rowGroupings: [ReportGrouping("Status")],
                                    columnGrouping: ReportGrouping("CreatedDate", bucket: .month), summaries: [.count, .init(.minimum, of: "CreatedDate")],
                                    rowLimit: 5))
        return out
    }

    /// The result and the walk agree group by group, and show the same rows and counts.
    static func expectSame(_ run: ReportResult, _ walked: ReportResult, _ context: String) {
        #expect(run.recordCount == walked.recordCount, "\(context)")
        #expect(run.truncation == walked.truncation, "\(context)")
        #expect(run.rows == walked.rows, "\(context)")
        #expect(run.asOf == walked.asOf, "\(context)")
        let a = run.flattened(), b = walked.flattened()
        #expect(Set(a.keys) == Set(b.keys), "\(context): \(Set(a.keys).symmetricDifference(b.keys).sorted())")
        for (key, value) in b { #expect(a[key]?.agrees(with: value) == true, "\(context) \(key): \(String(describing: a[key])) vs \(value)") }
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func runsAfterEveryChangeEqualAWalkAndTheReference(seed: UInt64) throws {
        let (f, _, _) = try ReportDifferentialTests.generated(seed: seed)
        var g = SeededRandom(seed: seed &* 104_729)
        let definitions = Self.definitions(&g)
        let reference = ReportReference(schemas: f.schemas, now: ReportFixture.now)
        var shares: [ID<RecordShare>] = []
        var patchedRuns = 0, walkedRuns = 0, sharedPatchesAcrossSharing = 0
        for step in 0..<30 {
            let kind = try Self.change(&g, f, step: step, shares: &shares)
            let snapshot = f.access.snapshot
            let store = f.store.snapshot()
            let records: [EntityType: [any Record]] = [
                "Case": try store.all(Case.self).map { $0.value as any Record },
                "Opportunity": try store.all(Opportunity.self).map { $0.value as any Record },
            ]
            for (d, definition) in definitions.enumerated() {
                // Some reports skip steps, so a patch spans several changes.
                if d % 3 == 2, step % 2 == 1 { continue }
                for user in Self.users {
                    guard let compiled = try? f.engine.compile(definition, for: user, in: snapshot) else { continue }
                    let key = compiled.memoKey(in: snapshot)
                    if let (kept, changes) = snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: CompiledReport.maximumPatchedChanges) {
                        if let patched = compiled.patched(kept.tally, changes: changes, in: snapshot, shared: key.viewer == nil) {
                            patchedRuns += 1
                            if !changes.sharingNeutral { sharedPatchesAcrossSharing += 1 }
                            Self.expectSame(compiled.result(of: patched, in: snapshot), compiled.walk(in: snapshot), "patch \(kind) \(user) \(definition)")
                        } else {
                            walkedRuns += 1
                        }
                    }
                    let run = compiled.run(in: snapshot)
                    Self.expectSame(run, compiled.walk(in: snapshot), "run after \(kind) as \(user) \(definition)")
                    let expected = reference.evaluate(definition, records: records[definition.object] ?? [], as: user, in: snapshot)
                    let actual = run.flattened()
                    #expect(Set(actual.keys) == Set(expected.keys), "reference, step \(step) \(kind) \(user) \(definition)")
                    for (k, v) in expected { #expect(actual[k]?.agrees(with: v) == true, "reference \(k) step \(step) \(kind) \(user)") }
                }
            }
        }
        #expect(patchedRuns > 100)
        #expect(walkedRuns > 0)
        #expect(sharedPatchesAcrossSharing > 0)
    }

    @Test func aFieldChangeIsPatchedAndASharingChangeWalksForOneViewer() throws {
        let f = try ReportFixture()
        let byStatus = ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("Status")], summaries: [.count])
        _ = try f.engine.run(byStatus, as: "admin", in: f.access.snapshot)
        _ = try f.engine.run(byStatus, as: "alex", in: f.access.snapshot)
        try f.store.write { tx in
            guard var c = try tx.get(ID<Case>("c2"))?.value else { return }
            c.fields.status = "Closed"
            _ = try tx.put(c)
        }
        var snapshot = f.access.snapshot
        for user: ID<User> in ["admin", "alex"] {
            let compiled = try f.engine.compile(byStatus, for: user, in: snapshot)
            let key = compiled.memoKey(in: snapshot)
            let carried = try #require(snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 100))
            #expect(carried.changes.sharingNeutral)
            #expect(carried.changes.records.map(\.object) == ["Case"])
            let patched = try #require(compiled.patched(carried.value.tally, changes: carried.changes, in: snapshot, shared: key.viewer == nil))
            #expect(compiled.result(of: patched, in: snapshot) == compiled.walk(in: snapshot))
            #expect(compiled.run(in: snapshot) == compiled.walk(in: snapshot))
        }
        // A share changes who reads what: alex's result walks, the shared one still patches.
        let alexBefore = try f.engine.run(byStatus, as: "alex", in: snapshot).recordCount
        try f.store.write { tx in
            _ = try tx.put(RecordShare(id: "s1", object: "Case", recordID: "c3", sharedWith: .user("alex"), accessLevel: .read))
        }
        snapshot = f.access.snapshot
        for user: ID<User> in ["admin", "alex"] {
            let compiled = try f.engine.compile(byStatus, for: user, in: snapshot)
            let key = compiled.memoKey(in: snapshot)
            let carried = try #require(snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 100))
            #expect(!carried.changes.sharingNeutral)
            let patched = compiled.patched(carried.value.tally, changes: carried.changes, in: snapshot, shared: key.viewer == nil)
            #expect((patched == nil) == (user == "alex"))
            #expect(compiled.run(in: snapshot) == compiled.walk(in: snapshot))
        }
        #expect(try f.engine.run(byStatus, as: "alex", in: snapshot).recordCount == alexBefore + 1)
    }

    @Test func aChangedLookupTargetWalksForALookupReport() throws {
        let f = try ReportFixture()
        let byTier = ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("Account.PartnerTier")], summaries: [.count])
        _ = try f.engine.run(byTier, as: "admin", in: f.access.snapshot)
        try f.store.write { tx in
            guard var a = try tx.get(ID<Account>("globex"))?.value else { return }
            a.fields.partnerTier = .platinum
            _ = try tx.put(a)
        }
        let snapshot = f.access.snapshot
        let compiled = try f.engine.compile(byTier, for: "admin", in: snapshot)
        let key = compiled.memoKey(in: snapshot)
        let carried = try #require(snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 100))
        #expect(carried.changes.sharingNeutral)
        #expect(compiled.patched(carried.value.tally, changes: carried.changes, in: snapshot, shared: false) == nil)
        let run = compiled.run(in: snapshot)
        #expect(run == compiled.walk(in: snapshot))
        #expect(run.groups.map(\.key.description).contains("platinum"))
    }

    @Test func losingTheOnlyExtremeOrAShownRowPastTheLimitWalks() throws {
        let f = try ReportFixture()
        let newest = ReportDefinition(object: "Case", summaries: [.count, .init(.maximum, of: "CreatedDate")])
        var listed = ReportDefinition(object: "Case", columns: ["Subject"], summaries: [.count])
        listed.rowLimit = 2
        _ = try f.engine.run(newest, as: "admin", in: f.access.snapshot)
        _ = try f.engine.run(listed, as: "admin", in: f.access.snapshot)
        // c5 is the newest case (a day old), the only one with its opening date; c1 is the first row shown.
        try f.store.write { tx in
            guard var c = try tx.get(ID<Case>("c5"))?.value else { return }
            c.fields.createdAt = ReportFixture.now.addingTimeInterval(-300 * 86_400)
            _ = try tx.put(c)
        }
        try f.store.write { tx in try tx.delete(ID<Case>("c1")) }
        let snapshot = f.access.snapshot
        for definition in [newest, listed] {
            let compiled = try f.engine.compile(definition, for: "admin", in: snapshot)
            let key = compiled.memoKey(in: snapshot)
            let carried = try #require(snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 100))
            #expect(carried.changes.records.count == 2)
            #expect(compiled.patched(carried.value.tally, changes: carried.changes, in: snapshot, shared: true) == nil)
            #expect(compiled.run(in: snapshot) == compiled.walk(in: snapshot))
        }
        #expect(try f.engine.run(listed, as: "admin", in: snapshot).rows.count == 2)
    }

    @Test func tooManyChangesOrAnUnknownStepWalk() throws {
        let f = try ReportFixture()
        let byStatus = ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("Status")], summaries: [.count])
        _ = try f.engine.run(byStatus, as: "admin", in: f.access.snapshot)
        for n in 0..<5 {
            try f.store.write { tx in
                guard var c = try tx.get(ID<Case>("c\(n + 1)"))?.value else { return }
                c.fields.status = "Escalated"
                _ = try tx.put(c)
            }
        }
        let snapshot = f.access.snapshot
        let key = try f.engine.compile(byStatus, for: "admin", in: snapshot).memoKey(in: snapshot)
        #expect(snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 4) == nil)
        #expect(snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 5)?.changes.records.count == 5)
        // Another type under the same key is not an answer.
        #expect(snapshot.carriedAnswer(key, as: Int.self, maximumChanges: 5) == nil)
        #expect(try f.engine.run(byStatus, as: "admin", in: snapshot).groups.map(\.key.description) == ["Escalated"])
        // A fresh engine over the same store knows no earlier answer.
        let other = try AccessEngine(store: f.store, recordTypes: AccessEngine.standardRecordTypes + AnalyticsEntities.recordTypes)
        #expect(other.snapshot.carriedAnswer(key, as: CarriedReport.self, maximumChanges: 100) == nil)
    }
}
