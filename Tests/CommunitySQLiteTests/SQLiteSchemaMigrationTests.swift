import CommunityModel
@testable import CommunitySQLite
import Foundation
import Testing

/// Schema 2: compact bodies, index rows removed by key, counters derived from the feed, and
/// schema 1 files (JSON bodies) opened in place.
@Suite struct SQLiteSchemaMigrationTests {
    let owner: ID<User> = "u1"

    func account(_ id: String, _ name: String, region: String? = nil) -> Account {
        Account(id: ID(id), name: name, owner: owner, region: region)
    }

    /// Writes the tables exactly as schema 1 did, with JSON bodies and one change.
    func schemaOneFile(_ path: String, _ accounts: [Account]) throws {
        var sql = """
            CREATE TABLE ck_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE ck_entities(type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL,
                PRIMARY KEY(type, id)) WITHOUT ROWID;
            CREATE TABLE ck_index(type TEXT NOT NULL, field TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
                value TEXT NOT NULL, PRIMARY KEY(type, field, key, id)) WITHOUT ROWID;
            CREATE INDEX ck_index_by_entity ON ck_index(type, id);
            CREATE TABLE ck_changes(sequence INTEGER PRIMARY KEY, tx INTEGER NOT NULL, type TEXT NOT NULL,
                id TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, body BLOB);
            INSERT INTO ck_meta VALUES ('schema', 1), ('sequence', 7), ('transaction', 3);

            """
        for account in accounts {
            let json = try JSONEncoder().encode(account).map { String(format: "%02X", $0) }.joined()
            let id = account.id.rawValue
            sql += "INSERT INTO ck_entities VALUES ('Account', '\(id)', 1, X'\(json)');\n"
            if let region = account.region {
                sql += "INSERT INTO ck_index VALUES ('Account', 'region', 'p:\(region)', '\(id)', 'p:\(region)');\n"
            }
        }
        sql += "INSERT INTO ck_changes VALUES (7, 3, 'Account', '\(accounts[0].id.rawValue)', 'inserted', 1, NULL);"
        try rawSQLite(path, sql)
    }

    @Test func aSchemaOneFileOpensReadsItsJSONAndContinuesItsCounters() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v1.sqlite")
        try schemaOneFile(path, [account("acme", "Acme", region: "EMEA"), account("globex", "Globex", region: "NA")])
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == SQLiteSchema.version)
        // Schema 4: the JSON rows of the registered record type got their access fields.
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_entities WHERE access IS NULL") == 0)
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'access_filled'") == 1)
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'indexed'") == 7)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM sqlite_master WHERE name = 'ck_index_by_entity'") == 0)
        let snapshot = store.snapshot()
        #expect(snapshot.sequence == 7)
        #expect(try snapshot.value(ID<Account>("acme"))?.name == "Acme")
        #expect(try snapshot.query(Query<Account>().where("region", equals: .picklist("NA"))).map(\.value.id.rawValue) == ["globex"])

        // Rewriting a JSON row removes its old index row by key and stores it compact.
        try store.write { tx in try tx.put(account("acme", "Acme", region: "APAC"), expecting: .exactly(1)) }
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE id = 'acme' AND key = 'p:EMEA'") == 0)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE id = 'acme'") == 4)
        #expect(try rawSQLiteInteger(path, "SELECT substr(body, 1, 1) = X'C1' FROM ck_entities WHERE id = 'acme'") == 1)
        let feed = try store.changes(after: 7, limit: 10)
        #expect(feed.map(\.sequence) == [8])
        #expect(feed.map(\.transaction) == [4])
        #expect(feed.first?.value(as: Account.self)?.region == "APAC")
    }

    @Test func updatesAndDeletesLeaveNoStaleIndexRows() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("index.sqlite")
        let store = try SQLiteStore(path: path)
        try store.write { tx in try tx.put(account("acme", "Acme GmbH", region: "EMEA")) }
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 4)  // no parent: four rows
        try store.write { tx in try tx.put(account("acme", "Acme AG", region: "NA")) }
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 4)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index WHERE key = 'p:EMEA'") == 0)
        try store.write { tx in try tx.put(account("acme", "Acme AG")) }
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 3)
        try store.write { tx in try tx.delete(ID<Account>("acme")) }
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 0)
    }

    @Test func anUndecodableOldBodyStillLosesItsIndexRows() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("undecodable.sqlite")
        let store = try SQLiteStore(path: path)
        try store.write { tx in try tx.put(account("acme", "Acme", region: "EMEA")) }
        try rawSQLite(path, "UPDATE ck_entities SET body = X'C1FF' WHERE id = 'acme'")
        try store.write { tx in try tx.delete(ID<Account>("acme")) }
        try store.applyWaitingIndexDeltas()
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == 0)
    }

    @Test func theSequenceSurvivesPruningTheWholeFeedAndReopening() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("pruned.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            for i in 0..<3 { try store.write { tx in try tx.put(account("a\(i)", "A \(i)")) } }
            try store.pruneChanges(through: 3)
        }
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(store.snapshot().sequence == 3)
        try store.write { tx in try tx.put(account("a9", "A 9")) }
        let feed = try store.changes(after: 3, limit: 10)
        #expect(feed.map(\.sequence) == [4])
        #expect(feed.map(\.transaction) == [4])
        #expect(throws: StoreError.feedTruncated(requested: 0, oldest: 4)) { try store.changes(after: 0, limit: 10) }
    }
}
