import CommunityModel
import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// A type that shares its entity type name with ``Widget`` but stores a different shape.
private struct WrongShape: Entity {
    static let entityType: EntityType = "Widget"
    var id: ID<WrongShape>
    var weight: Int
}

private struct Widget: Entity, Equatable {
    static let entityType: EntityType = "Widget"
    static var indexedFields: [IndexedField<Widget>] { [IndexedField("name") { .text($0.name) }] }
    var id: ID<Widget>
    var name: String
}

@Suite struct SQLitePersistenceTests {
    let owner: ID<User> = "u1"

    func account(_ id: String, _ name: String, partner: Bool = false, region: String? = nil) -> Account {
        Account(id: ID(id), name: name, owner: owner, isPartner: partner, region: region)
    }

    @Test func reopeningRestoresEntitiesVersionsIndexesAndTheFeed() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("community.sqlite")
        let registry = EntityRegistry([Account.self])
        do {
            let store = try SQLiteStore(path: path, registry: registry)
            try store.write { tx in
                try tx.put(account("acme", "Acme GmbH", partner: true, region: "EMEA"))
                try tx.put(account("globex", "Globex Inc", region: "NA"))
                try tx.put(account("initech", "Initech", partner: true, region: "NA"))
            }
            try store.write { tx in
                try tx.put(account("acme", "Acme AG", partner: true, region: "EMEA"), expecting: .exactly(1))
                try tx.delete(ID<Account>("globex"))
            }
        }
        let store = try SQLiteStore(path: path, registry: registry)
        let snapshot = store.snapshot()
        #expect(snapshot.sequence == 5)
        #expect(try snapshot.get(ID<Account>("acme"))?.version == 2)
        #expect(try snapshot.value(ID<Account>("acme"))?.name == "Acme AG")
        #expect(try snapshot.get(ID<Account>("globex")) == nil)
        #expect(try snapshot.count(Account.self) == 2)
        #expect(try snapshot.all(Account.self).map(\.value.id.rawValue) == ["acme", "initech"])
        let partners = try snapshot.query(Query<Account>().where("isPartner", equals: .checkbox(true)).ordered(by: "region"))
        #expect(partners.map(\.value.id.rawValue) == ["acme", "initech"])
        let north = try snapshot.query(Query<Account>().where("region", equals: .picklist("NA")))
        #expect(north.map(\.value.id.rawValue) == ["initech"])

        let feed = try store.changes(after: 0, limit: 10)
        #expect(feed.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(feed.map(\.kind) == [.inserted, .inserted, .inserted, .updated, .deleted])
        #expect(feed[3].value(as: Account.self)?.name == "Acme AG")
        #expect(feed[4].entity == nil)
        #expect(Set(feed[0...2].map(\.transaction)).count == 1)

        // Writing after reopening continues the sequence and the transaction ids.
        try store.write { tx in try tx.put(account("umbrella", "Umbrella Corp")) }
        let next = try store.changes(after: 5, limit: 10)
        #expect(next.map(\.sequence) == [6])
        #expect(next[0].transaction == feed[4].transaction + 1)
    }

    @Test func feedEntitiesOfUnregisteredTypesReadBackAsNil() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("feed.sqlite")
        let live = Locked<Change>()
        do {
            let store = try SQLiteStore(path: path)
            let observation = store.observe { changes in live.append(changes) }
            try store.write { tx in try tx.put(account("acme", "Acme")) }
            observation.cancel()
        }
        #expect(live.value.first?.value(as: Account.self)?.name == "Acme")
        do {
            let plain = try SQLiteStore(path: path)
            #expect(try plain.changes(after: 0, limit: 10).map { $0.entity == nil } == [true])
        }
        let registered = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        #expect(try registered.changes(after: 0, limit: 10).first?.value(as: Account.self)?.name == "Acme")
    }

    @Test func malformedJSONInARowIsReportedAsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("corrupt.sqlite")
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        try store.write { tx in
            try tx.put(account("acme", "Acme"))
            try tx.put(account("good", "Good"))
        }
        try rawSQLite(path, "UPDATE ck_entities SET body = CAST('{\"id\": \"acme\", \"name\": ' AS BLOB) WHERE id = 'acme'")
        let snapshot = store.snapshot()
        #expect {
            try snapshot.get(ID<Account>("acme"))
        } throws: { error in
            guard case .corrupt(let entity, let id, _)? = error as? StoreError else { return false }
            return entity == Account.entityType && id == "acme"
        }
        #expect(throws: StoreError.self) { try snapshot.all(Account.self) }
        #expect(try snapshot.value(ID<Account>("good"))?.name == "Good")
        // Inside a transaction too, and the failed transaction leaves nothing.
        #expect(throws: StoreError.self) {
            try store.write { tx in
                try tx.put(account("new", "New"))
                _ = try tx.get(ID<Account>("acme"))
            }
        }
        #expect(try store.snapshot().get(ID<Account>("new")) == nil)
    }

    @Test func aRowOfAnotherShapeIsReportedAsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("shape.sqlite"))
        try store.write { tx in try tx.put(WrongShape(id: "w1", weight: 3)) }
        #expect {
            try store.snapshot().get(ID<Widget>("w1"))
        } throws: { error in
            guard case .corrupt(let entity, let id, _)? = error as? StoreError else { return false }
            return entity == "Widget" && id == "w1"
        }
    }

    @Test func aCorruptFeedEntryIsReportedAsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("feed-corrupt.sqlite")
        let store = try SQLiteStore(path: path, registry: EntityRegistry([Account.self]))
        try store.write { tx in try tx.put(account("acme", "Acme")) }
        try rawSQLite(path, "UPDATE ck_changes SET body = CAST('nope' AS BLOB) WHERE sequence = 1")
        #expect {
            try store.changes(after: 0, limit: 10)
        } throws: { error in
            guard case .corrupt(let entity, let id, _)? = error as? StoreError else { return false }
            return entity == Account.entityType && id == "acme"
        }
    }

    @Test func unusablePathsAreBackendErrors() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try SQLiteStore(path: directory.file("missing/dir/store.sqlite"))
        } throws: { error in
            guard case .backend(let message)? = error as? StoreError else { return false }
            return message.contains("cannot open")
        }
        #expect(throws: StoreError.self) { try SQLiteStore(path: ":memory:") }
        #expect(throws: StoreError.self) { try SQLiteStore(path: "") }
        let notADatabase = directory.file("text.sqlite")
        try Data("this is not a database, just some text that is long enough".utf8).write(to: URL(fileURLWithPath: notADatabase))
        #expect {
            try SQLiteStore(path: notADatabase)
        } throws: { error in
            guard case .backend? = error as? StoreError else { return false }
            return true
        }
    }

    @Test func aForeignDatabaseIsRejected() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("other.sqlite")
        try rawSQLite(path, "CREATE TABLE ck_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO ck_meta VALUES ('schema', 99)")
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            guard case .backend(let message)? = error as? StoreError else { return false }
            return message.contains("schema 99")
        }
    }

    @Test func prunedChangesAreReportedAsTruncated() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("prune.sqlite"))
        for i in 0..<5 { try store.write { tx in try tx.put(account("a\(i)", "A \(i)")) } }
        try store.pruneChanges(through: 3)
        #expect(throws: StoreError.feedTruncated(requested: 0, oldest: 4)) { try store.changes(after: 0, limit: 10) }
        #expect(try store.changes(after: 3, limit: 10).map(\.sequence) == [4, 5])
        try store.pruneChanges(through: 5)
        #expect(throws: StoreError.feedTruncated(requested: 1, oldest: 6)) { try store.changes(after: 1, limit: 10) }
        #expect(try store.changes(after: 5, limit: 10).isEmpty)
    }

    @Test func valuesTravelAsParametersNotSQL() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("quotes.sqlite"))
        let hostile = "Robert'); DROP TABLE ck_entities; --"
        try store.write { tx in try tx.put(Widget(id: "w1", name: hostile)) }
        let found = try store.snapshot().query(Query<Widget>().where("name", equals: .text(hostile)))
        #expect(found.map(\.value) == [Widget(id: "w1", name: hostile)])
        #expect(try store.snapshot().count(Widget.self) == 1)
    }

    @Test func canonicallyEquivalentTextMatchesLikeSwiftEquality() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("unicode.sqlite"))
        try store.write { tx in try tx.put(Widget(id: "w1", name: "Caf\u{E9}")) }
        let decomposed = try store.snapshot().query(Query<Widget>().where("name", equals: .text("Cafe\u{301}")))
        #expect(decomposed.map(\.value.id.rawValue) == ["w1"])
    }
}
