import CommunityModel
import CommunitySQLite
import Foundation
import Testing

/// `all` decodes large types on all cores: the answer is the same rows in the same order as
/// a MemoryStore's, and a damaged body anywhere in a large type is still a typed error.
@Suite("SQLiteStore bulk reads")
struct SQLiteBulkReadTests {
    static let count = 20_000

    static func account(_ n: Int) -> Account {
        Account(id: ID("acct-\(n)"), name: "Account \(n)", owner: ID("u\(n % 7)"), region: n % 3 == 0 ? "EMEA" : "NA")
    }

    @Test func aLargeTypeReadsInOrderLikeMemory() throws {
        let directory = try TemporaryDirectory()
        let sqlite = try SQLiteStore(path: directory.file("bulk.sqlite"))
        let memory = MemoryStore()
        for store in [sqlite, memory] as [any Store] {
            try store.write { tx in for n in 0..<Self.count { try tx.put(Self.account(n)) } }
            try store.write { tx in for n in stride(from: 0, to: Self.count, by: 97) { try tx.put(Self.account(n)) } }
        }
        let a = try sqlite.snapshot().all(Account.self)
        let b = try memory.snapshot().all(Account.self)
        #expect(a.count == Self.count)
        #expect(a.map { "\($0.value.id.rawValue)@\($0.version)" } == b.map { "\($0.value.id.rawValue)@\($0.version)" })
        #expect(try a.map { try EntityBody.encode($0.value) } == b.map { try EntityBody.encode($0.value) })
    }

    @Test func aDamagedBodyInALargeTypeIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bulk-damaged.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            try store.write { tx in for n in 0..<Self.count { try tx.put(Self.account(n)) } }
        }
        try rawSQLite(path, "UPDATE ck_entities SET body = x'C1FF' WHERE type = 'Account' AND id = 'acct-15000'")
        let store = try SQLiteStore(path: path)
        #expect {
            try store.snapshot().all(Account.self)
        } throws: { error in
            guard case .corrupt(_, let id, _)? = error as? StoreError else { return false }
            return id == "acct-15000"
        }
    }
}
