import CommunityModel
@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Schema 3: index rows written in batches from the deltas in the feed, queries exact in
/// between, schema 2 files migrated, malformed deltas refused with a typed error.
@Suite struct SQLiteIndexBatchTests {
    static let regions = ["EMEA", "NA", "APAC", nil]
    static let owners: [ID<User>] = ["u1", "u2", "u3"]

    func account(_ id: Int, _ step: Int) -> Account {
        Account(
            id: ID("a\(id)"), name: "Account \(id) v\(step)", owner: Self.owners[(id + step) % 3],
            isPartner: (id + step) % 2 == 0, region: Self.regions[(id * 7 + step) % 4])
    }

    /// The queries both stores answer after every write.
    func queries() -> [Query<Account>] {
        var out: [Query<Account>] = []
        for region in Self.regions.compactMap({ $0 }) { out.append(Query<Account>().where("region", equals: .picklist(region))) }
        for owner in Self.owners { out.append(Query<Account>().where("owner", equals: .reference(owner.rawValue))) }
        out.append(Query<Account>().where("isPartner", equals: .checkbox(true)).where("region", equals: .picklist("NA")))
        out.append(Query<Account>().filter("region", .oneOf([.picklist("EMEA"), .picklist("APAC")])))
        out.append(Query<Account>().filter("normalizedName", .range(lower: .text("account 1"), upper: .text("account 3"))))
        out.append(Query<Account>().where("owner", equals: .reference("user:u2")).ordered(by: "normalizedName", descending: true).page(offset: 1, limit: 3))
        return out
    }

    func answers(_ snapshot: any StoreSnapshot) throws -> [[String]] {
        try queries().map { try snapshot.query($0).map { "\($0.value.id.rawValue)@\($0.version)" } }
    }

    /// A differential run against `MemoryStore`: single-row puts and deletes, across several
    /// index batches, with every query compared after every commit and after reopening.
    @Test func queriesMatchAPlainStoreBetweenAndAcrossBatches() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("batches.sqlite")
        let memory = MemoryStore()
        var generator = SeededRandom(seed: 0x1DE7_A)
        var sqlite: SQLiteStore? = try SQLiteStore(path: path)
        for step in 0..<(SQLiteStore.indexBatch * 4 + 7) {
            let id = Int.random(in: 0..<20, using: &generator)
            let delete = step % 5 == 4
            do {
                let stores: [any Store] = [memory, try #require(sqlite)]
                for store in stores {
                    try store.write { tx in
                        if delete { try tx.delete(ID<Account>("a\(id)")) } else { try tx.put(account(id, step)) }
                    }
                }
            }
            let expected = try answers(memory.snapshot())
            #expect(try answers(try #require(sqlite).snapshot()) == expected, "after step \(step)")
            if step == SQLiteStore.indexBatch + 3 {
                sqlite = nil  // reopen with changes waiting for their index rows
                sqlite = try SQLiteStore(path: path)
                #expect(try answers(try #require(sqlite).snapshot()) == expected, "after reopening")
            }
        }
        // Applying every waiting delta leaves exactly the rows of the live entities.
        let store = try #require(sqlite)
        try store.applyWaitingIndexDeltas()
        let live = try memory.snapshot().all(Account.self).map(\.value)
        let rows = live.reduce(0) { $0 + SQLiteTransaction.indexRows(of: $1).count }
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == Int64(rows))
        #expect(try answers(store.snapshot()) == answers(memory.snapshot()))
    }

    @Test func aTransactionQueriesItsOwnUncommittedWrites() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("own.sqlite"))
        try store.write { tx in try tx.put(Account(id: "x", name: "X", owner: "u1", region: "EMEA")) }
        try store.write { tx in
            try tx.put(Account(id: "x", name: "X", owner: "u1", region: "NA"))
            try tx.put(Account(id: "y", name: "Y", owner: "u1", region: "NA"))
            let na = try tx.query(Query<Account>().where("region", equals: .picklist("NA"))).map(\.value.id.rawValue)
            #expect(na == ["x", "y"])
            #expect(try tx.query(Query<Account>().where("region", equals: .picklist("EMEA"))).isEmpty)
        }
    }

    /// Each single-row commit below the batch size writes no index row; the commit that
    /// reaches it writes them all and records the new `indexed` sequence.
    @Test func singleRowCommitsWriteTheirIndexRowsInBatches() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("counts.sqlite")
        let store = try SQLiteStore(path: path)
        for i in 0..<(SQLiteStore.indexBatch - 1) {
            try store.write { tx in try tx.put(account(i, 0)) }
        }
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 0)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE idx IS NOT NULL") == Int64(SQLiteStore.indexBatch - 1))
        try store.write { tx in try tx.put(account(99, 0)) }
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'indexed'") == Int64(SQLiteStore.indexBatch))
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") > 0)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE id = 'a0'") == Int64(SQLiteTransaction.indexRows(of: account(0, 0)).count))
    }

    @Test func pruningAppliesTheWaitingDeltasFirst() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("prune.sqlite")
        let store = try SQLiteStore(path: path)
        for i in 0..<5 { try store.write { tx in try tx.put(account(i, 1)) } }
        try store.pruneChanges(through: 5)
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'indexed'") == 5)
        let expected = (0..<5).reduce(0) { $0 + SQLiteTransaction.indexRows(of: account($1, 1)).count }
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == Int64(expected))
        let reopened = try queries().map { try store.snapshot().query($0).count }
        let memory = MemoryStore()
        for i in 0..<5 { try memory.write { tx in try tx.put(account(i, 1)) } }
        #expect(try reopened == queries().map { try memory.snapshot().query($0).count })
    }

    /// A schema 2 file (index rows written by every commit, no `idx` column) opens as the current schema (through 3, 4 and 5)
    /// with everything committed counted as indexed.
    @Test func aSchemaTwoFileOpensAndKeepsItsIndex() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v2.sqlite")
        let body = try EntityBody.encode(Account(id: "acme", name: "Acme", owner: "u1", region: "EMEA")).map { String(format: "%02X", $0) }.joined()
        try rawSQLite(
            path,
            """
            CREATE TABLE ck_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE ck_entities(type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL,
                PRIMARY KEY(type, id)) WITHOUT ROWID;
            CREATE TABLE ck_index(type TEXT NOT NULL, field TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
                value TEXT NOT NULL, PRIMARY KEY(type, field, key, id)) WITHOUT ROWID;
            CREATE TABLE ck_changes(sequence INTEGER PRIMARY KEY, tx INTEGER NOT NULL, type TEXT NOT NULL,
                id TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, body BLOB);
            INSERT INTO ck_meta VALUES ('schema', 2), ('sequence', 0), ('transaction', 0);
            INSERT INTO ck_entities VALUES ('Account', 'acme', 1, X'\(body)');
            INSERT INTO ck_index VALUES ('Account', 'region', 'p:EMEA', 'acme', 'p:EMEA');
            INSERT INTO ck_changes VALUES (4, 2, 'Account', 'acme', 'inserted', 1, X'\(body)');
            """)
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == SQLiteSchema.version)
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'indexed'") == 4)
        #expect(try store.snapshot().query(Query<Account>().where("region", equals: .picklist("EMEA"))).map(\.value.id.rawValue) == ["acme"])
        try store.write { tx in try tx.put(Account(id: "acme", name: "Acme", owner: "u1", region: "NA"), expecting: .exactly(1)) }
        #expect(try store.snapshot().query(Query<Account>().where("region", equals: .picklist("EMEA"))).isEmpty)
        #expect(try store.changes(after: 4, limit: 10).map(\.sequence) == [5])
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE key = 'p:EMEA'") == 0)
    }

    /// A feed row whose delta is damaged stops the index from catching up with a typed error
    /// naming the change; nothing of that catch-up is written.
    @Test func aDamagedDeltaIsReportedAndNothingIsApplied() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("damaged.sqlite")
        let store = try SQLiteStore(path: path)
        try store.write { tx in try tx.put(account(1, 0)) }
        try store.write { tx in try tx.put(account(2, 0)) }
        try rawSQLite(path, "UPDATE ck_changes SET idx = X'0100FF' WHERE sequence = 2")
        #expect {
            try store.applyWaitingIndexDeltas()
        } throws: { error in
            guard case .corrupt(let type, let id, let detail)? = error as? StoreError else { return false }
            return type == Account.entityType && id == "a2" && detail.contains("#2")
        }
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 0)
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'indexed'") == 0)
        // Queries stay exact: both entities are still candidates from the feed.
        #expect(try store.snapshot().query(Query<Account>().where("owner", equals: .reference(account(1, 0).owner.description))).count >= 1)
    }

    @Test func deltasRoundTripAndRefuseMalformedBytes() throws {
        let row = SQLiteTransaction.IndexRow(field: "région", key: "p:EMEA", value: "p:EMEA")
        let delta = IndexDelta(removeAll: true, removed: [SQLiteTransaction.IndexRow(field: "owner", key: "r:u1", value: "")], written: [row])
        let type = Account.entityType
        #expect(try IndexDelta(bytes: delta.bytes, type: type, id: "a", sequence: 1) == delta)
        let bytes = delta.bytes
        for cut in 0..<bytes.count {
            #expect(throws: StoreError.self) { try IndexDelta(bytes: Array(bytes[..<cut]), type: type, id: "a", sequence: 1) }
        }
        #expect(throws: StoreError.self) { try IndexDelta(bytes: bytes + [0], type: type, id: "a", sequence: 1) }
        #expect(throws: StoreError.self) { try IndexDelta(bytes: [2, 0, 0, 0], type: type, id: "a", sequence: 1) }
        #expect(throws: StoreError.self) { try IndexDelta(bytes: [1, 2, 0, 0], type: type, id: "a", sequence: 1) }
        // A count larger than the bytes left, and a varint that never ends.
        #expect(throws: StoreError.self) { try IndexDelta(bytes: [1, 0, 0xFF, 0x7F], type: type, id: "a", sequence: 1) }
        #expect(throws: StoreError.self) { try IndexDelta(bytes: [1, 0] + [UInt8](repeating: 0xFF, count: 12), type: type, id: "a", sequence: 1) }
    }
}
