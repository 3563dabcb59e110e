import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

/// The aggregator's group bookkeeping: names interned once, members moved between groups, and
/// entries let go (and reused) once nothing refers to them.
@Suite struct KPIGroupTableTests {
    @Test func aNameIsInternedOnceAndFreedEntriesAreReused() {
        var table = KPIGroupTable()
        let question = table.intern("Question:q1")
        #expect(table.intern("Question:q1") == question)
        #expect(table.find("Question:q2") == nil)
        table.releaseIfUnused(question)
        #expect(table.find("Question:q1") == nil)
        #expect(table.count == 0)
        let next = table.intern("Answer:a1")
        #expect(next == question, "the freed entry is reused")
        #expect(table[next].name == "Answer:a1")
    }

    @Test func movingAMemberLeavesItsOldGroup() {
        var table = KPIGroupTable()
        let answer = table.intern("Answer:a1")
        let q1 = table.intern("Question:q1"), q2 = table.intern("Question:q2")
        table[answer].slot = .unread
        #expect(table.move(answer, to: q1) == nil)
        #expect(table[q1].members == [answer])
        #expect(table.move(answer, to: q2) == q1)
        #expect(table[q1].members.isEmpty)
        #expect(table[q2].members == [answer])
        #expect(table.move(answer, to: q2) == nil, "staying put touches nothing")
        table.releaseIfUnused(q1)
        #expect(table.find("Question:q1") == nil)
        table.releaseIfUnused(q2)
        #expect(table.find("Question:q2") != nil, "a group with a member is kept")
    }

    @Test func deletingEveryEntityLeavesNoBookkeepingBehind() throws {
        let store = MemoryStore()
        let aggregator = try KPIAggregator.following(store, clock: ManualClock(K.base))
        var written: [any Entity] = []
        for n in 0..<20 {
            written.append(K.question("q\(n % 4)", by: "u1", site: "a", day: 0, best: nil, upvoters: ["u2"], topics: ["T1"], group: nil))
            written.append(K.answer("a\(n)", to: "q\(n % 5)", by: "u2", day: 0, hours: 2, published: true))
            written.append(K.theCase("k\(n % 3)", day: 0, site: nil))
            written.append(K.tracking("k\(n % 4)", day: 0, respondedAfter: 1, closedAfter: nil))
            written.append(K.post("f\(n)", by: "u1", site: nil, day: 0, likers: ["u3"], group: nil, topics: [], status: .published))
            written.append(K.search("s\(n)", site: "a", query: "jam", results: 0, day: 0, click: nil))
        }
        for entity in written {
            try store.write { tx in
                func put<E: Entity>(_ e: E) throws { _ = try tx.put(e) }
                try put(entity)
            }
        }
        #expect(aggregator.trackedNameCount > 0)
        try store.write { tx in
            func delete<E: Entity>(_ e: E) throws { if try tx.value(e.id) != nil { try tx.delete(e.id) } }
            for entity in written { try delete(entity) }
        }
        #expect(aggregator.aggregates == KPIAggregates())
        #expect(aggregator.trackedNameCount == 0)
    }
}
