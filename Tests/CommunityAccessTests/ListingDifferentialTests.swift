import CommunityAccess
import CommunityModel
import Testing

/// The listing (candidates gathered once per snapshot, a cursor seek, checks until the page is
/// full) returns exactly what a plain listing would: every record of the object filtered by the
/// reference evaluator's read check, sorted by handle, cut into pages. Over random orgs, for
/// every user, object and page size, on a cold and a warm snapshot, and after changes.
@Suite("Listing versus filter-sort-page reference")
struct ListingDifferentialTests {
    /// Every page of a listing, read with `limit` records per page.
    static func pages(_ snapshot: AccessSnapshot, _ user: ID<User>, _ object: EntityType, limit: Int, filter: RecordFilter? = nil) -> [[String]] {
        var out: [[String]] = []
        var cursor: RecordCursor? = nil
        repeat {
            let page = snapshot.visibleRecords(of: user, object: object, filter: filter, after: cursor, limit: limit)
            out.append(page.records.map(\.record.testID))
            cursor = page.nextCursor
        } while cursor != nil && out.count <= 1_000
        return out
    }

    /// The plain answer: readable records (reference evaluator), in handle order, in pages.
    static func referencePages(
        _ snapshot: AccessSnapshot, _ reference: ReferenceEvaluator, _ user: ID<User>, _ object: EntityType,
        records: [(EntityType, String)], limit: Int, where keep: (String) -> Bool = { _ in true }
    ) -> [[String]] {
        let readable = records.filter { $0.0 == object && keep($0.1) && reference.access(user, object, $0.1) >= .read }
            .compactMap { r in snapshot.handle(for: object, id: r.1).map { ($0, r.1) } }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
        var out: [[String]] = []
        var start = 0
        repeat {
            out.append(Array(readable[start..<min(start + limit, readable.count)]))
            start += limit
        } while start < readable.count
        return out
    }

    static func compare(_ snapshot: AccessSnapshot, _ reference: ReferenceEvaluator, org: RandomOrg, seed: Int) {
        var mismatches = 0
        // Twice: the first pass gathers candidates, the second reads them from the snapshot's cache.
        for pass in 0..<2 {
            for u in org.allUsers {
                for object in RandomOrg.objects {
                    for limit in [1, 3, 100] {
                        let fast = pages(snapshot, u, object, limit: limit)
                        let slow = referencePages(snapshot, reference, u, object, records: org.records, limit: limit)
                        if fast != slow {
                            mismatches += 1
                            if mismatches <= 3 { Issue.record("seed \(seed) pass \(pass): \(u) \(object) limit \(limit): \(fast) vs \(slow)") }
                        }
                    }
                    let expectedCount = referencePages(snapshot, reference, u, object, records: org.records, limit: 1_000).joined().count
                    #expect(snapshot.countVisibleRecords(of: u, object: object) == expectedCount, "seed \(seed): count \(u) \(object)")
                }
            }
        }
        #expect(mismatches == 0, "seed \(seed)")
    }

    @Test("random orgs: every user, object and page size, cold and warm", arguments: 0..<12)
    func randomOrg(seed: Int) {
        let org = RandomOrg(seed: UInt64(seed))
        let engine = AccessEngine()
        engine.load(org.entities)
        Self.compare(engine.snapshot, ReferenceEvaluator(entities: org.entities), org: org, seed: seed)
    }

    @Test("a filtered listing pages the readable records that match", arguments: 0..<8)
    func filtered(seed: Int) throws {
        let org = RandomOrg(seed: UInt64(seed))
        let engine = AccessEngine()
        engine.load(org.entities)
        let reference = ReferenceEvaluator(entities: org.entities)
        let snapshot = engine.snapshot
        for u in org.allUsers {
            for stage in ["Won", "Prospecting"] {
                let filter = RecordFilter.field("StageName", equals: .picklist(stage))
                let matching = { (id: String) in
                    snapshot.record("Opportunity", id: id)?.value(of: "StageName") == .picklist(stage)
                }
                for limit in [1, 3] {
                    #expect(Self.pages(snapshot, u, "Opportunity", limit: limit, filter: filter)
                        == Self.referencePages(snapshot, reference, u, "Opportunity", records: org.records, limit: limit, where: matching))
                }
            }
        }
    }

    @Test("one grouped pass lists what a listing per value lists", arguments: 0..<12)
    func grouped(seed: Int) {
        let org = RandomOrg(seed: UInt64(seed))
        let engine = AccessEngine()
        engine.load(org.entities)
        let snapshot = engine.snapshot
        let stages: [FieldValue] = [.picklist("Won"), .picklist("Prospecting"), .picklist("Lost")]
        for u in org.allUsers {
            for limit in [0, 1, 2, 50] {
                let grouped = snapshot.visibleRecords(of: u, object: "Opportunity", groupedBy: "StageName", values: stages, limit: limit)
                #expect(Set(grouped.keys) == Set(stages))
                for stage in stages {
                    let single = snapshot.visibleRecords(
                        of: u, object: "Opportunity", filter: .field("StageName", equals: stage), limit: max(limit, 1))
                    let expected = limit == 0 ? [] : single.records.map(\.record.testID)
                    #expect(grouped[stage]?.map(\.record.testID) == expected, "seed \(seed) \(u) \(stage) limit \(limit)")
                }
                // Exact counts end the pass early without changing the answer.
                let counts = Dictionary(uniqueKeysWithValues: stages.map { stage in
                    (stage, snapshot.countVisibleRecords(of: u, object: "Opportunity", filter: .field("StageName", equals: stage)))
                })
                let early = snapshot.visibleRecords(
                    of: u, object: "Opportunity", groupedBy: "StageName", values: stages, limit: limit, expectedCounts: counts)
                #expect(early.mapValues { $0.map(\.record.testID) } == grouped.mapValues { $0.map(\.record.testID) })
            }
        }
    }

    @Test("grouping uses the filter's equality: text and picklist values with the same text match")
    func groupedEquality() {
        let org = RandomOrg(seed: 3)
        let engine = AccessEngine()
        engine.load(org.entities)
        let snapshot = engine.snapshot
        for u in org.allUsers {
            let grouped = snapshot.visibleRecords(
                of: u, object: "Opportunity", groupedBy: "StageName", values: [.text("Won"), .picklist("Won")], limit: 50)
            let single = snapshot.visibleRecords(of: u, object: "Opportunity", filter: .field("StageName", equals: .text("Won")), limit: 50)
            #expect(grouped[.text("Won")]?.map(\.record.testID) == single.records.map(\.record.testID))
            #expect(grouped[.picklist("Won")]?.map(\.record.testID) == single.records.map(\.record.testID))
        }
    }

    @Test("an unknown user or object lists nothing, grouped or not")
    func unknown() {
        let org = RandomOrg(seed: 1)
        let engine = AccessEngine()
        engine.load(org.entities)
        let snapshot = engine.snapshot
        let stranger = ID<User>("nobody")
        #expect(snapshot.visibleRecords(of: stranger, object: "Opportunity").records.isEmpty)
        let grouped = snapshot.visibleRecords(of: stranger, object: "Opportunity", groupedBy: "StageName", values: [.picklist("Won")], limit: 5)
        #expect(grouped.count == 1 && grouped[.picklist("Won")]?.isEmpty == true)
        let user = org.allUsers[0]
        #expect(snapshot.visibleRecords(of: user, object: "Nothing__c").records.isEmpty)
        #expect(snapshot.visibleRecords(of: user, object: "Opportunity", limit: 0).records.isEmpty)
    }

    @Test("after changes from the store feed, new snapshots list the new truth and old ones keep theirs", arguments: 200..<212)
    func afterChanges(seed: Int) throws {
        var org = RandomOrg(seed: UInt64(seed))
        let store = MemoryStore()
        try store.write { tx in for e in org.entities { try DifferentialTests.put(e, tx) } }
        let engine = try AccessEngine(store: store, recordTypes: AccessEngine.standardRecordTypes + [Project.self])
        for step in 0..<12 {
            let before = engine.snapshot
            let user = org.pick(org.allUsers)
            let held = RandomOrg.objects.map { Self.pages(before, user, $0, limit: 2) }
            let change = DifferentialTests.mutation(&org, store: store)
            try store.write { tx in for e in change { try DifferentialTests.put(e, tx) } }
            // The earlier snapshot (and its kept candidates) still answers as it did.
            #expect(RandomOrg.objects.map { Self.pages(before, user, $0, limit: 2) } == held, "seed \(seed) step \(step)")
            if step % 3 == 2 {
                let reference = ReferenceEvaluator(entities: try DifferentialTests.contents(store))
                Self.compare(engine.snapshot, reference, org: org, seed: seed * 1000 + step)
            }
        }
    }
}
