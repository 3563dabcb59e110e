@testable import CommunityAccess
import CommunityModel
import CommunityTesting
import Testing

/// The passes a build runs on all cores give what their one-thread forms give: interning a
/// batch of new keys at once (``ShardedInterner/internNew(_:)``) gives every key the id
/// interning them one by one gives; the criteria field index collected in chunks, and through
/// stored access fields, has the posting lists of one pass over the decoded records; a bulk
/// insert that interns only the records' own keys, or new accounts and contacts between its
/// records (first occurrences found by shard), leaves the state a record-by-record insert
/// leaves; chunks of a chunked array changed on all cores equal a serial pass. Random inputs,
/// fixed seeds.
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

    @Test("first occurrences found by shard equal a dictionary's", arguments: 0..<16)
    func firstOccurrencesEqualADictionary(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        // Few distinct keys repeated many times, or many keys seen once or twice.
        let pool = (0..<Int.random(in: 1...[5, 50, 3_000, 20_000][seed % 4], using: &rng)).map { _ in Self.randomKey(&rng) }
        let keys = (0..<Int.random(in: 0...30_000, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? pool[0] }
        var firstSeen: [RecordKey: Int32] = [:]
        let expected = keys.indices.map { m in firstSeen[keys[m]] ?? { firstSeen[keys[m]] = Int32(m); return Int32(m) }() }
        #expect(AccessState.firstOccurrences(keys, keys.map(\.fingerprint)) == expected)
        // Fingerprints that collide (all equal) still tell keys apart.
        let few = Array(keys.prefix(500))
        var seen: [RecordKey: Int32] = [:]
        let plain = few.indices.map { m in seen[few[m]] ?? { seen[few[m]] = Int32(m); return Int32(m) }() }
        #expect(AccessState.firstOccurrences(few, few.map { _ in 42 }) == plain)
    }

    @Test("a bulk insert with new accounts and contacts between its records equals inserts one at a time", arguments: 740..<756)
    func newKeysBetweenRecordsBulkInsert(seed: Int) {
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
        if org.chance(0.5) { plain.refreshDirectory() }
        var bulk = plain
        // Opportunities and cases before the accounts and contacts they name (as the
        // benchmark loads them: accounts become placeholders between the records), then the
        // accounts and contacts, whose own keys are interned already.
        var shared: [EntityType] = []
        for type in [EntityType("Opportunity"), "Case", "Contact", "Account", Project.entityType] {
            var batch = batches[type] ?? []
            if org.chance(0.3) { batch.shuffle(using: &org.rng) }
            let o = bulk.objectIndex(type)
            let controlled = Int(o) < bulk.parentControlled.count && bulk.parentControlled[Int(o)]
            if let known = AccessState.resolveKnown(batch, object: o, users: bulk.userIDs, queues: bulk.queueIDs, keys: bulk.recordKeys),
                !controlled, !batch.isEmpty, !bulk.internsOnlyOwnKeys(batch, known, object: o)
            {
                shared.append(type)
            }
            for record in batch { plain.upsertRecord(record) }
            let indices = bulk.insertNewRecords(batch, object: o)
            #expect(indices == batch.compactMap { plain.recordIndex(object: type, id: $0.idString) })
            BulkRecordInsertTests.expectSame(plain, bulk, "seed \(seed) after \(type)")
        }
        #expect(shared.contains("Opportunity") || shared.contains("Case"), "seed \(seed): no batch interned new keys by shard")
        for entity in later {
            plain.apply(entity)
            bulk.apply(entity)
        }
        plain.refreshDirectory()
        bulk.refreshDirectory()
        BulkRecordInsertTests.expectSame(plain, bulk, "seed \(seed) after rules, shares and the directory")
        let a = AccessSnapshot(state: plain, lineage: nil), b = AccessSnapshot(state: bulk, lineage: nil)
        for u in org.allUsers {
            for (o, id) in org.records where a.access(u, to: o, id: id) != b.access(u, to: o, id: id) {
                Issue.record("seed \(seed): access \(u) \(o) \(id)")
            }
        }
    }

    @Test("chunks changed on all cores equal a serial pass", arguments: 0..<8)
    func chunksChangedConcurrently(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let size = ChunkedArray<Int>.chunkSize
        let count = [0, 1, size - 1, size, size + 1, 5 * size + 17, Int.random(in: 0...(20 * size), using: &rng), 3][seed]
        var array = ChunkedArray<Int>(filler: 0)
        for k in 0..<count { array.append(k &* 7919 % 1_000) }
        let shared = array  // a published copy must keep its values
        let before = Array(array)
        array.updateChunksConcurrently { base, chunk in
            for j in chunk.indices where chunk[j] % 3 == 0 { chunk[j] = -(base + j) }
        }
        #expect(Array(array) == before.indices.map { before[$0] % 3 == 0 ? -$0 : before[$0] })
        #expect(Array(shared) == before)
        #expect(array.count == count)
    }
}
