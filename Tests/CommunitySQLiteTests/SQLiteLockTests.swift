import CommunityModel
import CommunitySQLite
import Foundation
import Testing

/// One SQLite file has one open store: a second open fails at once instead of writing with
/// a stale change sequence.
@Suite struct SQLiteLockTests {
    func account(_ id: String) -> Account { Account(id: ID(id), name: id, owner: "u") }

    @Test func aSecondStoreOnTheSameFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("locked.sqlite")
        let first = try SQLiteStore(path: path)
        #expect(throws: StoreError.locked(path: path)) { try SQLiteStore(path: path) }
        // Another spelling of the same path, and a link to the file, share the lock.
        #expect(throws: StoreError.self) { try SQLiteStore(path: directory.url.appendingPathComponent("./locked.sqlite").path) }
        let link = directory.file("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: StoreError.locked(path: link)) { try SQLiteStore(path: link) }
        // The first store is unaffected.
        try first.write { tx in try tx.put(account("a")) }
        #expect(try first.snapshot().count(Account.self) == 1)
    }

    @Test func theErrorSaysAnotherProcessHoldsTheStore() {
        let description = StoreError.locked(path: "/data/portal.sqlite").description
        #expect(description.contains("/data/portal.sqlite"))
        #expect(description.contains("another process"))
    }

    @Test func theLockIsReleasedWhenTheStoreIsDeinitialised() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("released.sqlite")
        do {
            let first = try SQLiteStore(path: path)
            try first.write { tx in try tx.put(account("a")) }
        }
        // The next store continues the change sequence instead of colliding with it.
        let second = try SQLiteStore(path: path)
        try second.write { tx in try tx.put(account("b")) }
        #expect(try second.changes(after: 0, limit: 10).map(\.sequence) == [1, 2])
        #expect(throws: StoreError.locked(path: path)) { try SQLiteStore(path: path) }
    }

    @Test func aFailedOpenLeavesTheLockFree() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("not-a-database.sqlite")
        try Data("this is not SQLite".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        try FileManager.default.removeItem(atPath: path)
        _ = try SQLiteStore(path: path)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func anotherProcessCannotTakeTheLockWhileTheStoreIsOpen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("shared.sqlite")
        func otherProcessLocks() throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            process.arguments = ["--nonblock", "--exclusive", path + "-lock", "true"]
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        do {
            let store = try SQLiteStore(path: path)
            #expect(try otherProcessLocks() != 0)
            try store.write { tx in try tx.put(account("a")) }
        }
        #expect(try otherProcessLocks() == 0)
    }

    @Test func invalidEntitiesAndBadPicklistValuesRollBackTheSQLiteTransaction() throws {
        let directory = try TemporaryDirectory()
        let schema = try ObjectSchema(object: "Account", fields: [FieldDefinition(name: "Tier__c", type: .picklist(["Gold"]))])
        let store = try SQLiteStore(path: directory.file("valid.sqlite"), schemas: [schema])
        var bad = account("bad")
        bad.customFields = ["Tier__c": .picklist("Tin")]
        #expect(throws: ValidationError(field: "Account.Tier__c", reason: .notInPicklist("Tin", allowed: ["Gold"]))) {
            try store.write { tx in
                try tx.put(account("good"))
                try tx.put(bad)
            }
        }
        #expect(throws: ValidationError.self) {
            try store.write { tx in
                try tx.put(account("good"))
                do { try tx.put(Account(id: "nul", name: "N\u{0}", owner: "u")) } catch {}
            }
        }
        #expect(try store.snapshot().count(Account.self) == 0)
        #expect(try store.changes(after: 0, limit: 10).isEmpty)
        // Nothing half-written: the store keeps working with the next sequence number.
        var good = account("good")
        good.customFields = ["Tier__c": .picklist("Gold")]
        try store.write { tx in try tx.put(good) }
        #expect(try store.changes(after: 0, limit: 10).map(\.sequence) == [1])
    }
}
