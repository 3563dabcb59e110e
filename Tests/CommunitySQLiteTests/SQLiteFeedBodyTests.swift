import CommunityModel
@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Schema 5: a put's feed row has no body while the entity's row holds that version; the body
/// is copied into the feed row before the row is replaced or deleted. Readers of the feed get
/// exactly the changes `MemoryStore` (the plain reference) gives, across single-row, repeated,
/// large and failed transactions, reopening and pruning.
@Suite struct SQLiteFeedBodyTests {

    static let regions = ["EMEA", "NA", "APAC", nil]

    func account(_ n: Int, _ step: Int) -> Account {
        Account(id: ID("a\(n)"), name: "Account \(n) v\(step)", owner: ID("u\(step % 3)"), region: Self.regions[(n + step) % 4])
    }

    /// Every change as text, with its entity's compact body (the exact bytes, or `-`).
    func feed(_ store: any Store, after: UInt64 = 0) throws -> [String] {
        try store.changes(after: after, limit: 1_000_000).map { change in
            let body = try (change.entity as? Account).map { try EntityBody.encode($0).map { String($0, radix: 16) }.joined() } ?? "-"
            return "\(change.sequence)/\(change.transaction) \(change.kind) \(change.entityType.name):\(change.id)@\(change.version) \(body)"
        }
    }

    /// Releases `store` and opens its file again.
    static func reopen(_ store: inout SQLiteStore, registry: EntityRegistry) throws -> SQLiteStore {
        let path = store.path
        store = try SQLiteStore(path: path + "-other", registry: registry)
        return try SQLiteStore(path: path, registry: registry)
    }

    /// One random transaction's operations on accounts `a0`…`a(span-1)`; `size` operations,
    /// reading through the transaction now and then (which writes its rows so far).
    func randomOperations(_ tx: any StoreTransaction, size: Int, span: Int, step: Int, _ random: inout SeededRandom) throws {
        for _ in 0..<size {
            let n = Int.random(in: 0..<span, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1: try tx.delete(ID<Account>("a\(n)"))
            case 2: _ = try tx.get(ID<Account>("a\(n)"))
            default: try tx.put(account(n, step + Int.random(in: 0..<1_000, using: &random)))
            }
        }
    }

    @Test func theFeedMatchesAPlainStoreOverRandomTransactions() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("feed.sqlite")
        let registry = EntityRegistry([Account.self])
        let memory = MemoryStore()
        var sqlite = try SQLiteStore(path: path, registry: registry)
        var random = SeededRandom(seed: 18)
        for step in 0..<120 {
            // Mostly single-row and small transactions, some past the sorted-rows threshold,
            // a few past the parallel one; reopened now and then.
            let size: Int
            switch step % 40 {
            case 17: size = SQLiteTransaction.parallelPreparation + 300
            case 5, 25: size = SQLiteTransaction.sortedRows * 3
            default: size = Int.random(in: 1...6, using: &random)
            }
            let span = size > 100 ? 3_000 : 60
            let seed = random.next()
            for store in [memory, sqlite] as [any Store] {
                var replay = SeededRandom(seed: seed)
                try store.write { tx in try randomOperations(tx, size: size, span: span, step: step * 1_000, &replay) }
            }
            if step % 10 == 9 {
                #expect(try feed(sqlite) == feed(memory))
            }
            if step % 30 == 29 {
                // Reopened: the old store (and its lock) goes first.
                sqlite = try Self.reopen(&sqlite, registry: registry)
            }
        }
        let store = sqlite
        #expect(try feed(store) == feed(memory))
        // Reading from the middle gives the same tail.
        #expect(try feed(store, after: 40) == feed(memory, after: 40))
        // Most puts' bodies live only in their rows; everything else's feed rows have theirs.
        let bodiless = try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE body IS NULL AND kind <> 'deleted'")
        let rows = try rawSQLiteInteger(path, "SELECT count(*) FROM ck_entities")
        #expect(bodiless == rows)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes AS c JOIN ck_entities AS e ON e.seq = c.sequence") == rows)
    }

    @Test func anUpdateOrDeleteKeepsTheOldChangesBody() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("keep.sqlite")
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        try store.write { tx in
            try tx.put(account(1, 0))
            try tx.put(account(2, 0))
        }
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE body IS NULL") == 2)
        let before = try feed(store)
        try store.write { tx in try tx.put(account(1, 1)) }
        try store.write { tx in try tx.delete(ID<Account>("a2")) }
        // The first two changes now carry their bodies; the update reads from its row.
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE sequence <= 2 AND body IS NOT NULL") == 2)
        #expect(try rawSQLiteInteger(path, "SELECT body IS NULL FROM ck_changes WHERE sequence = 3") == 1)
        #expect(try Array(feed(store).prefix(2)) == before)
        let changes = try store.changes(after: 0, limit: 10)
        #expect(changes.map { ($0.entity as? Account)?.name ?? "-" } == ["Account 1 v0", "Account 2 v0", "Account 1 v1", "-"])
        // After a prune, replacing a row whose change is gone touches no feed row.
        try store.pruneChanges(through: 3)
        try store.write { tx in try tx.put(account(1, 2)) }
        #expect(try feed(store, after: 3).count == 2)
        #expect(try store.changes(after: 4, limit: 1).first.flatMap { $0.entity as? Account }?.name == "Account 1 v2")
    }

    @Test func aBodilessChangeWithoutItsRowIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("corrupt.sqlite")
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        try store.write { tx in try tx.put(account(1, 0)) }
        try rawSQLite(path, "UPDATE ck_entities SET seq = NULL")
        #expect {
            _ = try store.changes(after: 0, limit: 10)
        } throws: { error in
            guard case .corrupt(_, let id, let detail)? = error as? StoreError else { return false }
            return id == "a1" && detail.contains("no body")
        }
    }

    /// A failure after the old body was copied into its feed row rolls that copy back too.
    @Test func aFailedReplacementLeavesTheFeedAsItWas() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fail.sqlite")
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        try store.write { tx in for n in 0..<100 { try tx.put(account(n, 0)) } }
        let before = try feed(store)
        try rawSQLite(path, "CREATE TRIGGER refuse BEFORE INSERT ON ck_changes WHEN NEW.id = 'a7' BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
        for count in [1, 100] {
            #expect(throws: StoreError.self) {
                try store.write { tx in for n in 0..<count { try tx.put(account((n + 7) % 100, 1)) } }
            }
            #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE body IS NOT NULL") == 0)
            #expect(try feed(store) == before)
        }
        try rawSQLite(path, "DROP TRIGGER refuse")
        try store.write { tx in try tx.put(account(7, 1)) }
        #expect(try feed(store).prefix(100).elementsEqual(before))
    }

    /// A schema 4 file (feed rows with bodies, no `seq` column) opens as the current schema; its old
    /// changes read back as before, and new writes keep them.
    @Test func aSchemaFourFileMigrates() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v4.sqlite")
        let bodies = try (0..<3).map { try EntityBody.encode(account($0, 0)).map { String(format: "%02X", $0) }.joined() }
        var sql = """
            CREATE TABLE ck_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE ck_entities(type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL,
                access BLOB, PRIMARY KEY(type, id)) WITHOUT ROWID;
            CREATE TABLE ck_index(type TEXT NOT NULL, field TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
                value TEXT NOT NULL, PRIMARY KEY(type, field, key, id)) WITHOUT ROWID;
            CREATE TABLE ck_changes(sequence INTEGER PRIMARY KEY, tx INTEGER NOT NULL, type TEXT NOT NULL,
                id TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, body BLOB, idx BLOB);
            INSERT INTO ck_meta VALUES ('schema', 4), ('sequence', 0), ('transaction', 0), ('indexed', 3), ('access_filled', 1);

            """
        for n in 0..<3 {
            sql += "INSERT INTO ck_entities VALUES ('Account', 'a\(n)', 1, X'\(bodies[n])', NULL);\n"
            sql += "INSERT INTO ck_changes VALUES (\(n + 1), 1, 'Account', 'a\(n)', 'inserted', 1, X'\(bodies[n])', NULL);\n"
        }
        try rawSQLite(path, sql)
        let memory = MemoryStore()
        try memory.write { tx in for n in 0..<3 { try tx.put(account(n, 0)) } }
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(try rawSQLiteInteger(path, "SELECT value FROM ck_meta WHERE key = 'schema'") == SQLiteSchema.version)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_entities WHERE seq IS NULL") == 3)
        #expect(try feed(store) == feed(memory))
        for s in [store, memory] as [any Store] {
            try s.write { tx in
                try tx.put(account(0, 1))
                try tx.delete(ID<Account>("a1"))
                try tx.put(account(3, 0))
            }
        }
        #expect(try feed(store) == feed(memory))
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE sequence <= 3 AND body IS NOT NULL") == 3)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_changes WHERE body IS NULL AND kind <> 'deleted'") == 2)
    }
}
