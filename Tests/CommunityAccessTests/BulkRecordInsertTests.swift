@testable import CommunityAccess
import CommunityModel
import CommunityTesting
import Testing

/// A bulk insert of a record batch (``AccessState/insertNewRecords(_:object:)``) leaves the
/// state that inserting the records one at a time leaves: the same dense ids, rows, owner,
/// account, contact and parent lists, live bits and counts, on random orgs, random type
/// orders and shuffled batches; and the counting sort behind it groups like per-item inserts.
@Suite("Bulk record inserts")
struct BulkRecordInsertTests {
    /// Every record table of a state, one line per fact, in a fixed order.
    static func tables(_ s: AccessState) -> [String] {
        var out: [String] = ["keys \(s.recordKeys.count) rows \(s.rows.count) users \(s.userIDs.keys) queues \(s.queueIDs.keys)"]
        out.append("objects \(s.objects.keys) live \(s.liveCount)")
        // Owner classes are labels the directory numbers in set order; compare what they stand for.
        func ownerRules(_ c: UInt32) -> String {
            Int(c) < s.directory.classLists.count ? "\(s.directory.classLists[Int(c)])" : "class \(c)"
        }
        for i in 0..<s.rows.count {
            let key = s.recordKeys.key(UInt32(i))
            let r = s.rows[i]
            let record = s.entities[i].record
            out.append(
                "row \(i) \(key.object)/\(key.id) obj \(r.object) alive \(r.alive) bit \(s.isAlive(UInt32(i))) shares \(r.hasShares) "
                    + "user \(r.ownerUser) queue \(r.ownerQueue) acct \(r.account) parent \(r.parent) crit \(r.criteria) "
                    + "role \(r.ownerRole) owner rules \(ownerRules(r.ownerClass)) bits \(r.ownerBits) contact \(s.rowContacts[i]) "
                    + "entity \(type(of: record).entityType)/\(record.idString)")
        }
        for (o, list) in s.recordsByObject.enumerated() { out.append("object \(o): \(Array(list))") }
        out += s.ownerIndex.entries.sorted { $0.key < $1.key }.map { "owner \($0.key): \($0.value)" }
        for (name, map) in [("account", s.accountChildren), ("contact", s.contactChildren), ("parent", s.parentChildren)] {
            out += map.entries.sorted { $0.key < $1.key }.map { "\(name) \($0.key): \($0.value)" }
        }
        out.append("criteria \(s.criteriaRecords.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })")
        out.append("toSync \(s.rowsToSync.sorted())")
        out.append("pending accounts \(s.pending.accounts.sorted()) stale \(s.directoryStale)")
        return out
    }

    static func expectSame(_ a: AccessState, _ b: AccessState, _ what: String) {
        let x = tables(a), y = tables(b)
        let first = zip(x, y).first { $0 != $1 }
        #expect(x == y, "\(what): \(x.count) vs \(y.count) lines, first difference \(String(describing: first))")
    }

    @Test("a bulk insert equals inserts one at a time", arguments: 700..<724)
    func bulkEqualsOneByOne(seed: Int) throws {
        var org = RandomOrg(seed: UInt64(seed))
        var configuration: [any Entity] = [], later: [any Entity] = []
        var batches: [EntityType: [any Record]] = [:]
        for entity in org.entities {
            switch entity {
            case let record as any Record: batches[type(of: record).entityType, default: []].append(record)
            case is SharingRule, is RecordShare: later.append(entity)
            default: configuration.append(entity)
            }
        }
        var plain = AccessState()
        plain.refreshDirectory()
        for entity in configuration { plain.apply(entity) }
        // Sometimes the directory is built first: users' accounts and contacts are then
        // interned before any record, as placeholders.
        if org.chance(0.5) { plain.refreshDirectory() }
        var bulk = plain
        var order = batches.keys.sorted { $0.name < $1.name }
        order.shuffle(using: &org.rng)
        for type in order {
            var batch = batches[type] ?? []
            if org.chance(0.5) { batch.shuffle(using: &org.rng) }
            let o = bulk.objectIndex(type)
            for record in batch { plain.upsertRecord(record) }
            let indices = bulk.insertNewRecords(batch, object: o)
            #expect(indices?.count == batch.count, "seed \(seed): \(type) was not inserted in bulk")
            #expect(indices == batch.compactMap { plain.recordIndex(object: type, id: $0.idString) })
            Self.expectSame(plain, bulk, "seed \(seed) after \(type)")
        }
        for entity in later {
            plain.apply(entity)
            bulk.apply(entity)
        }
        plain.refreshDirectory()
        bulk.refreshDirectory()
        Self.expectSame(plain, bulk, "seed \(seed) after rules, shares and the directory")
        // And the answers agree.
        let a = AccessSnapshot(state: plain, lineage: nil), b = AccessSnapshot(state: bulk, lineage: nil)
        for u in org.allUsers {
            for (o, id) in org.records where a.access(u, to: o, id: id) != b.access(u, to: o, id: id) {
                Issue.record("seed \(seed): access \(u) \(o) \(id)")
            }
        }
    }

    @Test func batchesThatDoNotSuitABulkInsertChangeNothing() throws {
        let org = RandomOrg(seed: 77)
        var state = AccessState()
        state.refreshDirectory()
        for entity in org.entities where !(entity is any Record) && !(entity is RecordShare) && !(entity is SharingRule) {
            state.apply(entity)
        }
        state.refreshDirectory()
        let cases = org.entities.compactMap { $0 as? Case }
        var before = Self.tables(state)
        // Two records with one id.
        #expect(state.insertNewRecords(cases + [cases[0]], object: state.objectIndex("Case")) == nil)
        #expect(Self.tables(state) == before)
        // An empty batch inserts nothing.
        #expect(state.insertNewRecords([], object: state.objectIndex("Lead")) == [])
        #expect(Self.tables(state) == before)
        // An object that already has live records.
        let projects = org.entities.compactMap { $0 as? Project }
        state.upsertRecord(projects[0])
        before = Self.tables(state)
        #expect(state.insertNewRecords(Array(projects.dropFirst()), object: state.objectIndex(Project.entityType)) == nil)
        #expect(Self.tables(state) == before)
        // Criteria rules have slots on Case (the guest rule's).
        for rule in org.entities.compactMap({ $0 as? SharingRule }) { state.apply(rule) }
        state.refreshDirectory()
        before = Self.tables(state)
        #expect(state.criteriaSlots[state.objectIndex("Case")] != nil)
        #expect(state.insertNewRecords(cases, object: state.objectIndex("Case")) == nil)
        #expect(Self.tables(state) == before)
    }

    @Test("counting sort groups like sorted inserts", arguments: 0..<30)
    func groupedIndicesEqualSortedInserts(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let n = Int.random(in: 0...400, using: &rng)
        let groupCount = Int.random(in: 1...40, using: &rng)
        // Distinct values in random order; groups include none (-1) and out of range.
        let values = (0..<n).map { UInt32($0 * 3 + 1) }.shuffled(using: &rng)
        let groups = (0..<n).map { _ in Int32.random(in: -2...Int32(groupCount + 2), using: &rng) }
        var reference: [Int: [UInt32]] = [:]
        for k in 0..<n where groups[k] >= 0 && Int(groups[k]) < groupCount {
            reference[Int(groups[k]), default: []].sortedInsert(values[k])
        }
        let order = AccessState.ascendingOrder(values)
        let grouped = GroupedIndices(groups: groups, values: values, order: order, groupCount: groupCount)
        var found: [Int: [UInt32]] = [:]
        grouped.forEachGroup { g, members in found[g] = Array(members) }
        #expect(found == reference)
        #expect(grouped.filledGroups == reference.count)
        // Merging into an existing sorted list gives the sorted union.
        let existing = (0..<20).map { UInt32($0 * 5) }
        for (g, list) in reference {
            #expect(existing.sortedUnion(grouped.members(of: g)) == Array(Set(existing + list)).sorted())
        }
    }
}
