import CommunityModel
@testable import CommunitySQLite
import Foundation
import Testing

/// Large transactions, the bulk path: rows prepared on all cores, each entity's last state
/// written in key order, index rows applied in key order. Compared with `MemoryStore` (the
/// plain reference) change by change, and failures part-way leave nothing behind.
@Suite struct SQLiteBulkWriteTests {
    static let regions = ["EMEA", "NA", "APAC", nil]

    func account(_ n: Int, _ step: Int) -> Account {
        Account(
            id: ID("a\(n)"), name: "Account \(n) v\(step)", owner: ID("u\((n + step) % 5)"), isPartner: (n + step) % 2 == 0,
            region: Self.regions[(n * 7 + step) % 4])
    }

    func queries() -> [Query<Account>] {
        var out: [Query<Account>] = []
        for region in Self.regions.compactMap({ $0 }) { out.append(Query<Account>().where("region", equals: .picklist(region))) }
        for owner in 0..<5 { out.append(Query<Account>().where("owner", equals: .reference("user:u\(owner)"))) }
        out.append(Query<Account>().where("isPartner", equals: .checkbox(true)).where("region", equals: .picklist("NA")))
        out.append(Query<Account>().filter("normalizedName", .range(lower: .text("account 1"), upper: .text("account 3"))))
        return out
    }

    func answers(_ reader: any StoreReader) throws -> [[String]] {
        try queries().map { try reader.query($0).map { "\($0.value.id.rawValue)@\($0.version)" } }
    }

    func everything(_ reader: any StoreReader) throws -> [String] {
        try reader.all(Account.self).map { "\($0.value.id.rawValue)@\($0.version):\($0.value.name)" }
    }

    func feed(_ store: any Store, after: UInt64 = 0) throws -> [String] {
        try store.changes(after: after, limit: 100_000).map { change in
            let name = (change.entity as? Account)?.name ?? "-"
            return "\(change.sequence)/\(change.transaction) \(change.kind) \(change.id)@\(change.version) \(name)"
        }
    }

    /// One large transaction's operations: puts, repeated puts, deletes and puts after deletes.
    func bulk(_ tx: any StoreTransaction, count: Int, step: Int) throws {
        for n in 0..<count { try tx.put(account(n, step)) }
        for n in stride(from: 0, to: count, by: 7) { try tx.put(account(n, step + 1)) }
        for n in stride(from: 3, to: count, by: 11) { try tx.delete(ID<Account>("a\(n)")) }
        for n in stride(from: 3, to: count, by: 33) { try tx.put(account(n, step + 2)) }
    }

    @Test func largeTransactionsMatchAPlainStore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bulk.sqlite")
        let registry = EntityRegistry([Account.self])
        let memory = MemoryStore()
        let count = SQLiteTransaction.parallelPreparation + 1_500
        do {
            let sqlite = try SQLiteStore(path: path, registry: registry)
            for step in [0, 10] {
                for store in [memory, sqlite] as [any Store] {
                    try store.write { tx in try bulk(tx, count: count - step * 50, step: step) }
                }
                #expect(try everything(sqlite.snapshot()) == everything(memory.snapshot()), "step \(step)")
                #expect(try answers(sqlite.snapshot()) == answers(memory.snapshot()), "step \(step)")
                #expect(try feed(sqlite) == feed(memory), "step \(step)")
            }
            // Single-row writes on top go back to the usual path.
            for store in [memory, sqlite] as [any Store] {
                try store.write { tx in try tx.put(account(1, 99)) }
                try store.write { tx in try tx.delete(ID<Account>("a2")) }
            }
            #expect(try answers(sqlite.snapshot()) == answers(memory.snapshot()))
            // The index holds exactly the rows of the live entities.
            try sqlite.applyWaitingIndexDeltas()
            let live = try memory.snapshot().all(Account.self).map(\.value)
            let rows = live.reduce(0) { $0 + SQLiteTransaction.indexRows(of: $1).count }
            #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == Int64(rows))
        }
        let reopened = try SQLiteStore(path: path, registry: registry)
        #expect(try everything(reopened.snapshot()) == everything(memory.snapshot()))
        #expect(try answers(reopened.snapshot()) == answers(memory.snapshot()))
        #expect(try feed(reopened) == feed(memory))
    }

    /// Reads inside a large transaction see its own writes; versions and conflicts count the
    /// transaction's earlier changes.
    @Test func aLargeTransactionReadsItsOwnWritesAndChecksVersions() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("own.sqlite"))
        try store.write { tx in
            for n in 0..<3_000 { try tx.put(account(n, 0)) }
            #expect(try tx.count(Account.self) == 3_000)
            #expect(try tx.get(ID<Account>("a42"))?.version == 1)
            #expect(try tx.put(account(42, 1), expecting: .exactly(1)) == 2)
            #expect(throws: StoreError.self) { try tx.put(account(43, 1), expecting: .absent) }
            try tx.delete(ID<Account>("a44"), expecting: .exactly(1))
            #expect(try tx.put(account(44, 2), expecting: .absent) == 1)
            let emea = try tx.query(Query<Account>().where("region", equals: .picklist("EMEA")))
            #expect(emea.count == (0..<3_000).filter { n in Self.regions[(n * 7 + (n == 42 ? 1 : n == 44 ? 2 : 0)) % 4] == "EMEA" }.count)
            for n in 3_000..<4_000 { try tx.put(account(n, 0)) }
        }
        let snapshot = store.snapshot()
        #expect(try snapshot.count(Account.self) == 4_000)
        #expect(try snapshot.get(ID<Account>("a42"))?.version == 2)
        #expect(try snapshot.get(ID<Account>("a44"))?.version == 1)
        #expect(snapshot.sequence == 4_003)
    }

    /// A statement that fails in the middle of a large write (a trigger refusing one entity
    /// row) rolls the whole transaction back: no entity, feed or index row of it remains.
    @Test func aStorageFailureInTheMiddleOfABatchLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fail.sqlite")
        let store = try SQLiteStore(path: path)
        try store.write { tx in for n in 0..<100 { try tx.put(account(n, 0)) } }
        let before = try everything(store.snapshot())
        let indexRows = try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index")
        try rawSQLite(path, "CREATE TRIGGER refuse BEFORE INSERT ON ck_entities WHEN NEW.id = 'a2500' BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
        #expect {
            try store.write { tx in for n in 0..<5_000 { try tx.put(account(n, 1)) } }
        } throws: { error in
            guard case .backend(let message)? = error as? StoreError else { return false }
            return message.contains("refused by test")
        }
        #expect(try everything(store.snapshot()) == before)
        #expect(try store.changes(after: 100, limit: 10).isEmpty)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == indexRows)
        #expect(store.snapshot().sequence == 100)
        // A failure in the index batch at commit rolls back too.
        try rawSQLite(path, "DROP TRIGGER refuse")
        try rawSQLite(path, "CREATE TRIGGER refuse BEFORE INSERT ON ck_index WHEN NEW.id = 'a4000' BEGIN SELECT RAISE(ABORT, 'index refused'); END")
        #expect(throws: StoreError.self) {
            try store.write { tx in for n in 0..<5_000 { try tx.put(account(n, 1)) } }
        }
        #expect(try everything(store.snapshot()) == before)
        #expect(try rawSQLiteInteger(path, "SELECT count(*) FROM ck_index") == indexRows)
        try rawSQLite(path, "DROP TRIGGER refuse")
        try store.write { tx in for n in 0..<5_000 { try tx.put(account(n, 1)) } }
        #expect(try store.snapshot().count(Account.self) == 5_000)
        #expect(store.snapshot().sequence == 5_100)
    }

    /// A body that throws part-way through a large write leaves nothing, and an invalid
    /// entity refuses the whole transaction even when the body catches its error.
    @Test func aThrowOrAnInvalidEntityPartWayLeavesNothing() throws {
        struct Stop: Error {}
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("throw.sqlite"))
        #expect(throws: Stop.self) {
            try store.write { tx in
                for n in 0..<3_000 { try tx.put(account(n, 0)) }
                _ = try tx.count(Account.self)  // rows written part-way, inside the transaction
                for n in 3_000..<4_000 { try tx.put(account(n, 0)) }
                throw Stop()
            }
        }
        #expect(try store.snapshot().count(Account.self) == 0)
        #expect(try store.changes(after: 0, limit: 10).isEmpty)
        #expect(throws: ValidationError.self) {
            try store.write { tx in
                for n in 0..<3_000 { try tx.put(account(n, 0)) }
                do { try tx.put(Account(id: "bad", name: "bad\u{0}name", owner: "u1")) } catch {}
            }
        }
        #expect(try store.snapshot().count(Account.self) == 0)
        #expect(store.snapshot().sequence == 0)
    }

    /// Observers get every change of a large transaction, in order, with its entity.
    @Test func observersSeeEveryChangeOfALargeTransaction() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("observe.sqlite"))
        let seen = Locked<String>()
        let observation = store.observe { changes in
            seen.append(changes.map { "\($0.sequence) \($0.kind) \($0.id) \(($0.entity as? Account)?.name ?? "-")" })
        }
        try store.write { tx in try bulk(tx, count: 2_500, step: 0) }
        observation.cancel()
        let memory = MemoryStore()
        try memory.write { tx in try bulk(tx, count: 2_500, step: 0) }
        let expected = try memory.changes(after: 0, limit: 100_000).map {
            "\($0.sequence) \($0.kind) \($0.id) \(($0.entity as? Account)?.name ?? "-")"
        }
        #expect(seen.value == expected)
    }
}
