import CommunityModel
import CommunitySQLite
import Foundation
import Testing

@Suite struct SQLiteFailureTests {
    func account(_ id: String) -> Account { Account(id: ID(id), name: "Name \(id)", owner: "u1", region: "NA") }

    func isBackend(_ error: any Error) -> Bool {
        if case .backend? = error as? StoreError { return true }
        return false
    }

    /// A statement that fails half-way through a transaction (here: a trigger that rejects one
    /// entity row) fails the whole transaction, even when the body catches the error.
    @Test func aFailedStatementPoisonsTheTransaction() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("poison.sqlite")
        let store = try SQLiteStore(path: path)
        try store.write { tx in try tx.put(account("before")) }
        try rawSQLite(path, "CREATE TRIGGER reject BEFORE INSERT ON ck_entities WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'rejected by test'); END")

        #expect(throws: StoreError.self) {
            try store.write { tx in
                try tx.put(account("fine"))
                try tx.put(account("boom"))
            }
        }
        #expect {
            try store.write { tx in
                try tx.put(account("fine"))
                do { try tx.put(account("boom")) } catch {}  // swallowed, but the transaction is done for
                try tx.put(account("after"))
            }
        } throws: { error in
            guard case .backend(let message)? = error as? StoreError else { return false }
            return message.contains("rejected by test")
        }
        let snapshot = store.snapshot()
        #expect(try snapshot.all(Account.self).map(\.value.id.rawValue) == ["before"])
        #expect(try snapshot.get(ID<Account>("boom")) == nil)
        #expect(snapshot.sequence == 1)
        #expect(try store.changes(after: 1, limit: 10).isEmpty)

        // The store keeps working afterwards.
        try store.write { tx in try tx.put(account("later")) }
        #expect(try store.changes(after: 1, limit: 10).map(\.sequence) == [2])
    }

    @Test func aSnapshotThatCannotOpenThrowsOnEveryRead() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("gone.sqlite"))
        try store.write { tx in try tx.put(account("a")) }
        try FileManager.default.removeItem(at: directory.url)
        let snapshot = store.snapshot()
        #expect(snapshot.sequence == 0)
        #expect { try snapshot.get(ID<Account>("a")) } throws: { isBackend($0) }
        #expect { try snapshot.all(Account.self) } throws: { isBackend($0) }
        #expect { try snapshot.count(Account.self) } throws: { isBackend($0) }
        #expect { try snapshot.query(Query<Account>()) } throws: { isBackend($0) }
        #expect { try store.changes(after: 0, limit: 10) } throws: { isBackend($0) }
    }
}
