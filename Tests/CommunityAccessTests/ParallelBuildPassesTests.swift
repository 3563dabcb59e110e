@testable import CommunityAccess
import CommunityModel
import CommunityTesting
import Testing

/// The passes a build runs on all cores give what their one-thread forms give: interning a
/// batch of new keys at once (``ShardedInterner/internNew(_:)``) gives every key the id
/// interning them one by one gives; the criteria field index collected in chunks, and through
/// stored access fields, has the posting lists of one pass over the decoded records; a bulk
/// insert that interns only the records' own keys leaves the state a record-by-record insert
/// leaves. Random inputs, fixed seeds.
@Suite("Parallel build passes")
struct ParallelBuildPassesTests {
    static func randomKey(_ rng: inout SeededRandom) -> RecordKey {
        let length = Int.random(in: 1...20, using: &rng)
        let id = String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement(using: &rng) ?? "a" })
        return RecordKey(object: UInt16.random(in: 0...6, using: &rng), id: id)
    }

    @Test("interning new keys at once equals interning them one by one", arguments: 0..<12)
    func internNewEqualsOneByOne(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        var plain = ShardedInterner<RecordKey>()
        // Keys interned before, some of them also referenced again later.
        var earlier: [RecordKey] = []
        for _ in 0..<Int.random(in: 0...300, using: &rng) { earlier.append(Self.randomKey(&rng)) }
        for key in earlier { _ = plain.intern(key) }
        var fast = plain
        var batch: [RecordKey] = []
        var seen = Set(earlier)
        for _ in 0..<Int.random(in: 0...5_000, using: &rng) {
            let key = Self.randomKey(&rng)
            if seen.insert(key).inserted { batch.append(key) }
        }
        let chunk = [1, 7, 100, 65_536][seed % 4]
        let expected = batch.map { plain.intern($0) }
        let first = fast.internNew(batch, chunk: chunk)
        #expect(expected == batch.indices.map { first + UInt32($0) })
        #expect(fast.count == plain.count)
        for (k, key) in (earlier + batch).enumerated() {
            #expect(fast.id(key) == plain.id(key), "seed \(seed): key \(k)")
            if let id = plain.id(key) { #expect(fast.key(id) == key) }
        }
        // Keys never interned are still absent, and interning goes on from the same point.
        let other = RecordKey(object: 99, id: "never")
        #expect(fast.id(other) == nil)
        #expect(fast.intern(other) == plain.intern(other))
    }

    /// A state holding `org`'s configuration and records, built the plain way.
    static func plainState(_ org: RandomOrg) -> AccessState {
        var state = AccessState()
        state.refreshDirectory()
        for entity in org.entities where !(entity is SharingRule) && !(entity is RecordShare) { state.apply(entity) }
        state.refreshDirectory()
        return state
    }

    static func describe(_ lists: [[CriteriaFieldIndex.Value: [UInt32]]]) -> [String] {
        lists.enumerated().flatMap { n, byValue in byValue.map { "\(n) \($0.key) \($0.value)" }.sorted() }
    }

    @Test("criteria postings collected in chunks and from access fields equal one pass", arguments: 400..<412)
    func collectInChunksEqualsOnePass(seed: Int) {
        var org = RandomOrg(seed: UInt64(seed))
        let state = Self.plainState(org)
        let names = ["StageName", "Priority", "Status", "Region", "Tier__c", "IsPartner", "AccountId", "Amount", "LastName"]
        // The same records, some of them as projections of their access fields.
        var projected = state.entities
        let misses = FieldMisses()
        for i in 0..<projected.count where org.chance(0.6) {
            let record = state.entities[i].record
            guard !(record is MissingRecord) else { continue }
            projected[i] = .decoded(ProjectedRecord(id: record.idString, fields: RecordAccessFields(of: record), misses: misses))
        }
        for o in state.recordsByObject.indices {
            let records = state.recordsByObject[o]
            let reference = CriteriaFieldIndex.collect(names, records: records, rows: state.rows, entities: state.entities, chunk: Int.max)
            for chunk in [1, 3, 50] {
                let chunked = CriteriaFieldIndex.collect(names, records: records, rows: state.rows, entities: state.entities, chunk: chunk)
                #expect(Self.describe(chunked) == Self.describe(reference), "seed \(seed) object \(o) chunk \(chunk)")
            }
            // Projections answer the covered fields; `Amount` and `LastName` are not covered,
            // so only the covered names are compared, and reading the others notes a miss.
            let covered = names.filter(RecordAccessFields.covers)
            let fromFields = CriteriaFieldIndex.collect(covered, records: records, rows: state.rows, entities: projected, chunk: 5)
            let decoded = CriteriaFieldIndex.collect(covered, records: records, rows: state.rows, entities: state.entities, chunk: Int.max)
            #expect(Self.describe(fromFields) == Self.describe(decoded), "seed \(seed) object \(o) from access fields")
        }
        if projected.contains(where: { if case .decoded(let r) = $0 { r is ProjectedRecord } else { false } }) {
            _ = CriteriaFieldIndex.collect(["LastName"], records: state.recordsByObject[1], rows: state.rows, entities: projected, chunk: 2)
            #expect(misses.any || state.recordsByObject[1].isEmpty)
        }
    }

    @Test("a bulk insert that interns only its own keys equals inserts one at a time", arguments: 720..<732)
    func ownKeysOnlyBulkInsert(seed: Int) {
        let org = RandomOrg(seed: UInt64(seed))
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
        var bulk = plain
        // Accounts, then contacts, then the rest: every account and contact a later batch
        // names is interned by then.
        var onlyOwn: [EntityType] = []
        for type in [EntityType("Account"), "Contact", "Opportunity", "Case", Project.entityType] {
            let batch = batches[type] ?? []
            let o = bulk.objectIndex(type)
            if let known = AccessState.resolveKnown(batch, object: o, users: bulk.userIDs, queues: bulk.queueIDs, keys: bulk.recordKeys),
                bulk.internsOnlyOwnKeys(batch, known, object: o)
            {
                onlyOwn.append(type)
            }
            for record in batch { plain.upsertRecord(record) }
            let indices = bulk.insertNewRecords(batch, object: o)
            #expect(indices == batch.compactMap { plain.recordIndex(object: type, id: $0.idString) })
            BulkRecordInsertTests.expectSame(plain, bulk, "seed \(seed) after \(type)")
        }
        // Accounts may have placeholders (partner users' accounts) and take the other path;
        // the opportunities, whose accounts and contacts are all known, take this one.
        #expect(onlyOwn.contains("Opportunity"), "seed \(seed): the opportunities' batch took the one-by-one path")
        for entity in later {
            plain.apply(entity)
            bulk.apply(entity)
        }
        plain.refreshDirectory()
        bulk.refreshDirectory()
        BulkRecordInsertTests.expectSame(plain, bulk, "seed \(seed) after rules, shares and the directory")
    }
}
