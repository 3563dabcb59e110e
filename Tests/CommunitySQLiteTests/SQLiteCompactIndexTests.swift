import CommunityModel
@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Schema 6's `ck_index`: (type, field) pairs as slots of `ck_fields`, the value NULL when it
/// is the key. Schema 5 files are rebuilt in place when opened (a failure leaves the schema 5
/// file as it was), and random writes through large and small transactions, applied or still
/// waiting in the feed, answer queries exactly as `MemoryStore` does.
@Suite struct SQLiteCompactIndexTests {

    /// Regions in NFC and NFD: the NFD one's key (NFC) is not its value, so its value is stored.
    static let regions = ["EMEA", "NA", "Zu\u{308}rich", "Z\u{FC}rich", nil]

    func account(_ n: Int, _ step: Int) -> Account {
        Account(
            id: ID("a\(n)"), name: "Account \(n) v\(step)", owner: ID("u\((n + step) % 5)"), isPartner: (n + step) % 2 == 0,
            region: Self.regions[(n * 7 + step) % Self.regions.count])
    }

    func randomAccount(_ random: inout SeededRandom, ids: Int) -> Account {
        let n = Int.random(in: 0..<ids, using: &random)
        return account(n, Int.random(in: 0..<20, using: &random))
    }

    func queries() -> [Query<Account>] {
        var out: [Query<Account>] = []
        for region in Self.regions.compactMap({ $0 }) { out.append(Query<Account>().where("region", equals: .picklist(region))) }
        for owner in 0..<5 { out.append(Query<Account>().where("owner", equals: .reference("user:u\(owner)"))) }
        out.append(Query<Account>().where("isPartner", equals: .checkbox(true)).where("region", equals: .picklist("NA")))
        out.append(Query<Account>().filter("owner", .oneOf([.reference("user:u1"), .reference("user:u3")])).ordered(by: "region"))
        out.append(Query<Account>().filter("normalizedName", .range(lower: .text("account 1"), upper: .text("account 3"))))
        out.append(Query<Account>().filter("region", .range(lower: .picklist("NA"), upper: nil)).ordered(by: "region", descending: true))
        out.append(Query<Account>().where("parentID", equals: .reference("a1")))
        return out
    }

    func answers(_ reader: any StoreReader) throws -> [[String]] {
        try queries().map { try reader.query($0).map { "\($0.value.id.rawValue)@\($0.version)" } }
    }

    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }
    func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    /// A schema 5 file as that version wrote it: accounts `0..<indexedCount` with their index
    /// rows in the old form (type and field as text, the value always stored), the rest with
    /// their deltas still waiting in the feed.
    func schemaFiveFile(_ path: String, _ accounts: [Account], indexedCount: Int) throws {
        var sql = """
            CREATE TABLE ck_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE ck_entities(type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL,
                access BLOB, seq INTEGER, PRIMARY KEY(type, id)) WITHOUT ROWID;
            CREATE TABLE ck_index(type TEXT NOT NULL, field TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
                value TEXT NOT NULL, PRIMARY KEY(type, field, key, id)) WITHOUT ROWID;
            CREATE TABLE ck_changes(sequence INTEGER PRIMARY KEY, tx INTEGER NOT NULL, type TEXT NOT NULL,
                id TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, body BLOB, idx BLOB);
            INSERT INTO ck_meta VALUES ('schema', 5), ('sequence', 0), ('transaction', 0), ('indexed', \(indexedCount)),
                ('access_filled', 1);

            """
        for (k, account) in accounts.enumerated() {
            let id = account.id.rawValue
            let sequence = k + 1
            let rows = SQLiteTransaction.indexRows(of: account)
            sql += "INSERT INTO ck_entities VALUES ('Account', '\(id)', 1, X'\(hex(try EntityBody.encode(account)))', NULL, \(sequence));\n"
            let delta = k < indexedCount ? "NULL" : "X'\(hex(IndexDelta(removeAll: false, removed: [], written: rows).bytes))'"
            sql += "INSERT INTO ck_changes VALUES (\(sequence), \(sequence), 'Account', '\(id)', 'inserted', 1, NULL, \(delta));\n"
            guard k < indexedCount else { continue }
            for row in rows {
                sql += "INSERT INTO ck_index VALUES ('Account', \(quoted(row.field)), \(quoted(row.key)), '\(id)', \(quoted(row.value)));\n"
            }
        }
        try rawSQLite(path, sql)
    }

    @Test func aSchemaFiveFileIsRebuiltInPlaceAndAnswersAsBefore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v5.sqlite")
        let accounts = (0..<60).map { account($0, 0) }
        try schemaFiveFile(path, accounts, indexedCount: 50)
        let oldRows = try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index")
        let memory = MemoryStore()
        try memory.write { tx in for a in accounts { try tx.put(a) } }

        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == SQLiteSchema.version)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == oldRows)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_fields") == 4)  // no parentID rows
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM sqlite_master WHERE name = 'ck_index_6'") == 0)
        // Only the NFD region's rows keep a value of their own.
        let nfd = try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE value IS NOT NULL")
        // (Swift's == on strings is canonical equivalence: compare the bytes.)
        #expect(nfd == Int64(accounts.prefix(50).filter { $0.region.map { Array($0.utf8) } == Array("Zu\u{308}rich".utf8) }.count))
        #expect(nfd > 0)
        #expect(try !memory.snapshot().query(Query<Account>().where("owner", equals: .reference("user:u1"))).isEmpty)
        #expect(try answers(store.snapshot()) == answers(memory.snapshot()))
        // The waiting deltas apply onto the rebuilt table, and writes carry on.
        try store.applyWaitingIndexDeltas()
        #expect(try answers(store.snapshot()) == answers(memory.snapshot()))
        for s in [store, memory] as [any Store] {
            try s.write { tx in
                for n in 0..<40 { try tx.put(account(n, 3)) }
                try tx.delete(ID<Account>("a55"))
            }
        }
        try store.applyWaitingIndexDeltas()
        #expect(try answers(store.snapshot()) == answers(memory.snapshot()))
    }

    @Test func aFailedRebuildLeavesTheSchemaFiveFileAsItWas() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v5-fail.sqlite")
        let accounts = (0..<20).map { account($0, 0) }
        try schemaFiveFile(path, accounts, indexedCount: 20)
        // A table in the way of the rebuild's new table makes the migration fail part-way.
        try rawSQLite(path, "CREATE TABLE ck_index_6(x)")
        let oldRows = try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index")
        #expect(throws: StoreError.self) { try SQLiteStore(path: path, registry: EntityRegistry([Account.self])) }
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == 5)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM sqlite_master WHERE name = 'ck_fields'") == 0)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE field = 'owner'") == 20)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == oldRows)
        try rawSQLite(path, "DROP TABLE ck_index_6")
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == oldRows)
        let memory = MemoryStore()
        try memory.write { tx in for a in accounts { try tx.put(a) } }
        #expect(try answers(store.snapshot()) == answers(memory.snapshot()))
    }

    /// Random puts, updates and deletes in large transactions (the bulk path) and single-row
    /// ones, queried between them while deltas wait and after they are applied.
    @Test func randomWritesThroughLargeAndSmallTransactionsAnswerLikeMemory() throws {
        var random = SeededRandom(seed: 0x5EED_0006)
        let directory = try TemporaryDirectory()
        let path = directory.file("random.sqlite")
        let memory = MemoryStore()
        let sqlite = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        let ids = 400
        for round in 0..<12 {
            let large = round % 3 != 2
            let count = large ? Int.random(in: 100...600, using: &random) : 1
            let transactions = large ? 1 : Int.random(in: 5...40, using: &random)
            for _ in 0..<transactions {
                var operations: [Account?] = []
                for _ in 0..<count {
                    let value = randomAccount(&random, ids: ids)
                    operations.append(Int.random(in: 0..<5, using: &random) == 0 ? nil : value)
                }
                let deleted = (0..<count).map { _ in "a\(Int.random(in: 0..<ids, using: &random))" }
                for store in [memory, sqlite] as [any Store] {
                    try store.write { tx in
                        for (k, operation) in operations.enumerated() {
                            if let operation { try tx.put(operation) } else { try tx.delete(ID<Account>(deleted[k])) }
                        }
                    }
                }
            }
            #expect(try answers(sqlite.snapshot()) == answers(memory.snapshot()), "round \(round)")
            if round % 4 == 3 {
                try sqlite.applyWaitingIndexDeltas()
                #expect(try answers(sqlite.snapshot()) == answers(memory.snapshot()), "round \(round), applied")
            }
        }
        try sqlite.applyWaitingIndexDeltas()
        let live = try memory.snapshot().all(Account.self).map(\.value)
        let rows = live.reduce(0) { $0 + SQLiteTransaction.indexRows(of: $1).count }
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == Int64(rows))
    }
}
