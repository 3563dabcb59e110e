import CommunityAccess
import CommunityModel
import Foundation
import Synchronization
import SharingWorkload
import Testing

/// `AccessSnapshot.summarizeVisible` against a plain reference: list every readable record
/// and group it by hand. Run for every user of a generated org, so every sharing path
/// (hierarchy, rules, groups, sharing sets, View All, public defaults) is covered.
@Suite("Record summaries agree with listings")
struct RecordSummaryTests {
    static func org() throws -> (MemoryStore, AccessEngine, Workload) {
        let workload = WorkloadGenerator.generate(.tiny, seed: 7)
        let store = MemoryStore()
        try WorkloadStore.fill(store, with: workload)
        return (store, try AccessEngine(store: store), workload)
    }

    static func reference(_ snapshot: AccessSnapshot, _ user: ID<User>, _ query: SummaryQuery) -> [FieldValue?: (Int, Decimal)] {
        let filter = RecordFilter(conditions: query.conditions)
        let all = snapshot.visibleRecords(of: user, object: query.object, filter: filter, limit: Int.max).records
        var out: [FieldValue?: (Int, Decimal)] = [:]
        for visible in all {
            let key = visible.record.value(of: query.groupBy)
            var entry = out[key] ?? (0, 0)
            entry.0 += 1
            if let measure = query.measure, case .currency(let amount)? = visible.record.value(of: measure) { entry.1 += amount }
            out[key] = entry
        }
        return out
    }

    @Test func everyUsersSummaryMatchesTheirListing() throws {
        let (_, engine, workload) = try Self.org()
        let snapshot = engine.snapshot
        let queries = [
            SummaryQuery(object: "Opportunity", groupBy: "StageName", measure: "Amount"),
            SummaryQuery(object: "Case", groupBy: "Status"),
            SummaryQuery(object: "Opportunity", groupBy: "StageName", measure: "Amount",
                         conditions: [SharingCriterion(field: "Region__c", equals: .picklist("EMEA"))]),
        ]
        var nonEmpty = 0
        for user in workload.users {
            let id = try ID<User>(parsing: user.id)
            for query in queries {
                let summary = snapshot.summarizeVisible(of: id, query)
                let expected = Self.reference(snapshot, id, query)
                #expect(summary.count == expected.values.reduce(0) { $0 + $1.0 }, "\(user.id) \(query.object)")
                #expect(summary.groups.count == expected.count)
                for group in summary.groups {
                    #expect(group.count == expected[group.key]?.0, "\(user.id) \(String(describing: group.key))")
                    if query.measure != nil { #expect(group.sum == expected[group.key]?.1) } else { #expect(group.sum == nil) }
                }
                // The engine's kept answer (asked twice: computed, then remembered) is the same.
                #expect(engine.summarizeVisible(of: id, query) == summary)
                #expect(engine.summarizeVisible(of: id, query) == summary)
                if summary.count > 0 { nonEmpty += 1 }
            }
        }
        #expect(nonEmpty > workload.users.count / 2, "the org should give most users something to summarise")
    }

    @Test func aNewSnapshotSeesAChangeTheOldOneDoesNot() throws {
        let (store, engine, workload) = try Self.org()
        let owner = try #require(workload.users.first { $0.kind == .internal })
        let ownerID = try ID<User>(parsing: owner.id)
        let query = SummaryQuery(object: "Opportunity", groupBy: "StageName", measure: "Amount")
        let before = engine.snapshot
        let old = before.summarizeVisible(of: ownerID, query)
        try store.write { tx in
            try tx.put(Opportunity(id: "opp-new", name: "New", accountID: nil, stage: "Brand New Stage", amount: 1234, closeDate: try Day(year: 2027, month: 1, day: 1), owner: ownerID))
        }
        let after = engine.snapshot.summarizeVisible(of: ownerID, query)
        #expect(after.count == old.count + 1)
        #expect(after.groups.contains { $0.key == .picklist("Brand New Stage") && $0.count == 1 && $0.sum == 1234 })
        #expect(before.summarizeVisible(of: ownerID, query) == old, "an old snapshot keeps its answer")
    }

    /// Work handed to the refresh executor, run when the test says so.
    final class PendingWork: Sendable {
        let queue = Mutex<[@Sendable () -> Void]>([])
        func submit(_ work: @escaping @Sendable () -> Void) { queue.withLock { $0.append(work) } }
        func runAll() -> Int {
            let work = queue.withLock { q in defer { q.removeAll() }; return q }
            for w in work { w() }
            return work.count
        }
    }

    @Test func smallSummariesAreExactAfterEveryChange() throws {
        let (store, engine, workload) = try Self.org()
        let pending = PendingWork()
        engine.setSummaryRefreshPolicy(SummaryRefreshPolicy(backgroundThreshold: .max, executor: pending.submit))
        let ownerID = try ID<User>(parsing: try #require(workload.users.first { $0.kind == .internal }).id)
        let query = SummaryQuery(object: "Opportunity", groupBy: "StageName", measure: "Amount")
        let first = engine.summarizeVisible(of: ownerID, query)
        try store.write { tx in
            try tx.put(Opportunity(id: "opp-small", name: "S", accountID: nil, stage: "Prospecting", amount: 10, closeDate: try Day(year: 2027, month: 1, day: 1), owner: ownerID))
        }
        let second = engine.summarizeVisible(of: ownerID, query)
        #expect(second.count == first.count + 1)
        #expect(second.asOf == engine.snapshot.sequence)
        #expect(pending.runAll() == 0, "nothing goes to the background under the threshold")
    }

    @Test func largeSummariesServeTheLastAnswerWhileOneRefreshCatchesUp() throws {
        let (store, engine, workload) = try Self.org()
        let pending = PendingWork()
        engine.setSummaryRefreshPolicy(SummaryRefreshPolicy(backgroundThreshold: 0, executor: pending.submit))
        let ownerID = try ID<User>(parsing: try #require(workload.users.first { $0.kind == .internal }).id)
        let query = SummaryQuery(object: "Opportunity", groupBy: "StageName", measure: "Amount")
        let first = engine.summarizeVisible(of: ownerID, query)
        #expect(pending.runAll() == 0, "the first answer is computed in place")
        try store.write { tx in
            try tx.put(Opportunity(id: "opp-large", name: "L", accountID: nil, stage: "Prospecting", amount: 10, closeDate: try Day(year: 2027, month: 1, day: 1), owner: ownerID))
        }
        let stale = engine.summarizeVisible(of: ownerID, query)
        _ = engine.summarizeVisible(of: ownerID, query)
        #expect(stale == first, "the previous answer, saying when it is from")
        #expect(stale.asOf < engine.snapshot.sequence)
        #expect(pending.runAll() == 1, "one refresh however many viewers ask")
        let fresh = engine.summarizeVisible(of: ownerID, query)
        #expect(fresh.count == first.count + 1)
        #expect(fresh.asOf == engine.snapshot.sequence)
        #expect(fresh == engine.snapshot.summarizeVisible(of: ownerID, query))
    }

    @Test func unknownUsersAndObjectsSummariseNothing() throws {
        let (_, engine, _) = try Self.org()
        let nobody = engine.snapshot.summarizeVisible(of: "nobody", SummaryQuery(object: "Opportunity", groupBy: "StageName", measure: "Amount"))
        #expect(nobody.count == 0 && nobody.groups.isEmpty && nobody.sum == 0)
        let noObject = engine.snapshot.summarizeVisible(of: "nobody", SummaryQuery(object: "Nope", groupBy: "X"))
        #expect(noObject.count == 0 && noObject.sum == nil)
    }
}
