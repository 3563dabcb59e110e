import CommunityModel
import CommunityTesting
import Synchronization
import Testing

/// A small entity for these tests, with one indexed field.
private struct Note: Entity, Hashable {
    static let entityType: EntityType = "ObservedNote"
    static let indexedFields: [IndexedField<Note>] = [IndexedField("title") { .text($0.title) }]
    var id: ID<Note>
    var title: String
}

/// Two types sharing one table, so that reading one as the other is corrupt.
private struct Shelf: Entity {
    static let entityType: EntityType = "ObservedShared"
    var id: ID<Shelf>
}

private struct Crate: Entity {
    static let entityType: EntityType = "ObservedShared"
    var id: ID<Crate>
    var weight: Int
}

/// An entity whose table name says it holds secrets: its ids must never be logged.
private struct SessionRecord: Entity {
    static let entityType: EntityType = "UserSession"
    var id: ID<SessionRecord>
}

private struct ApplicationError: Error, Equatable {}

@Suite struct ObservedStoreTests {
    let metrics = CommunityMetrics()
    let logger = RecordingLogger()

    func observed(_ base: any Store = MemoryStore()) -> ObservedStore { ObservedStore(base, metrics: metrics, logger: logger) }

    @Test func keepsTheStoreLaws() throws {
        try StoreConformance.verify { ObservedStore(MemoryStore(), metrics: CommunityMetrics()) }
    }

    @Test func aConflictIsCountedAndLoggedOnceAndRethrownUnchanged() throws {
        let store = observed()
        try store.write { tx in try tx.put(Note(id: "n1", title: "First"), expecting: .absent) }
        let conflict = StoreError.conflict(entity: "ObservedNote", id: "n1", expected: .absent, actual: 1)
        #expect(throws: conflict) {
            try store.write { tx in try tx.put(Note(id: "n1", title: "Again"), expecting: .absent) }
        }
        #expect(metrics.snapshot().storeConflicts == 1)
        let events = logger.events
        #expect(events.map(\.name) == [.storeConflict])
        let event = try #require(events.first)
        #expect(event.level == .notice)
        #expect(event.metadata["entity"] == "ObservedNote" && event.metadata["id"] == "n1")
        #expect(event.metadata["operation"] == "put" && event.metadata["expected"] == "absent" && event.metadata["actual"] == 1)
    }

    @Test func aConflictTheBodyHandlesIsCountedButTheWriteSucceeds() throws {
        let store = observed()
        try store.write { tx in try tx.put(Note(id: "n1", title: "First")) }
        try store.write { tx in
            do { try tx.put(Note(id: "n1", title: "Again"), expecting: .absent) } catch StoreError.conflict {
                try tx.put(Note(id: "n1", title: "Merged"), expecting: .exactly(1))
            }
        }
        #expect(try store.snapshot().value(ID<Note>("n1"))?.title == "Merged")
        #expect(metrics.snapshot().storeConflicts == 1 && logger.events(named: .storeConflict).count == 1)
    }

    @Test func readErrorsAreCountedByKind() throws {
        let store = observed(MemoryStore(feedCapacity: 1))
        try store.write { tx in try tx.put(Note(id: "n1", title: "One")) }
        try store.write { tx in try tx.put(Note(id: "n2", title: "Two")) }
        try store.write { tx in try tx.put(Shelf(id: "s1")) }
        #expect(throws: StoreError.self) { try store.snapshot().query(Query<Note>().where("colour", equals: .text("red"))) }
        #expect(throws: StoreError.self) { try store.changes(after: 0, limit: 10) }
        #expect(throws: StoreError.self) { try store.snapshot().get(ID<Crate>("s1")) }
        #expect(throws: StoreError.self) { try store.write { tx in try tx.get(ID<Crate>("s1")) } }
        let snapshot = metrics.snapshot()
        #expect(snapshot.storeErrors["unindexedField"] == 1 && snapshot.storeErrors["feedTruncated"] == 1)
        #expect(snapshot.storeErrors["corrupt"] == 2, "once from the snapshot, once from the transaction (not again from the write)")
        let events = logger.events(named: .storeError)
        #expect(events.map { $0.metadata["kind"] } == ["unindexedField", "feedTruncated", "corrupt", "corrupt"])
        #expect(events.map { $0.metadata["operation"] } == ["query", "changes", "get", "get"])
        #expect(events[0].metadata["field"] == "colour")
        #expect(events[1].metadata["requested"] == 0 && events[1].metadata["oldest"] == 3)
        #expect(events.allSatisfy { $0.level == .error })
    }

    @Test func aBackendErrorIsLoggedWithItsMessage() throws {
        let store = observed()
        #expect(throws: StoreError.backend("disk full")) { try store.write { _ in throw StoreError.backend("disk full") } }
        let event = try #require(logger.events(named: .storeError).first)
        #expect(event.metadata["kind"] == "backend" && event.metadata["detail"] == "disk full" && event.metadata["operation"] == "write")
        #expect(metrics.snapshot().storeErrors["backend"] == 1)
    }

    @Test func validationFailuresAreLoggedWithoutTheValue() throws {
        let store = observed()
        let secretish = "Hunter2-Value-Nobody-May-See"
        #expect(throws: ValidationError.self) {
            try store.write { tx in
                try tx.put(Note(id: "n1", title: secretish))
                _ = try ID<Note>(parsing: secretish + " <script>")
            }
        }
        #expect(metrics.snapshot().storeValidationFailures == 1)
        let event = try #require(logger.events(named: .storeValidationFailed).first)
        #expect(event.level == .info && event.metadata["reason"] == "invalidIdentifier" && event.metadata["operation"] == "write")
        #expect(!event.description.contains(secretish))
        #expect(try store.snapshot().count(Note.self) == 0, "nothing written")
    }

    @Test func aValueThePutRejectsIsLoggedOnceWithItsEntity() throws {
        let store = observed()
        #expect(throws: ValidationError.self) {
            try store.write { tx in try tx.put(Account(id: "a1", name: "  ", owner: "u1")) }
        }
        #expect(metrics.snapshot().storeValidationFailures == 1)
        #expect(logger.events.count == 1, "reported at the put, not again at the write")
        let event = try #require(logger.events(named: .storeValidationFailed).first)
        #expect(event.metadata["entity"] == "Account" && event.metadata["operation"] == "put")
        #expect(event.metadata["field"] == "Account.Name" && event.metadata["reason"] == "required")
    }

    @Test func applicationErrorsAreNotTheStoresToCount() {
        let store = observed()
        #expect(throws: ApplicationError()) { try store.write { _ in throw ApplicationError() } }
        #expect(logger.events.isEmpty)
        let snapshot = metrics.snapshot()
        #expect(snapshot.storeConflicts == 0 && snapshot.totalStoreErrors == 0 && snapshot.storeValidationFailures == 0)
    }

    @Test func idsOfSecretTablesAreRedacted() throws {
        let store = observed()
        let sessionID = "k7Jq2mXv9PzL4wRt"
        try store.write { tx in try tx.put(SessionRecord(id: ID(sessionID))) }
        #expect(throws: StoreError.self) {
            try store.write { tx in try tx.put(SessionRecord(id: ID(sessionID)), expecting: .absent) }
        }
        let event = try #require(logger.events(named: .storeConflict).first)
        #expect(event.metadata["entity"] == "UserSession" && event.metadata["id"] == .redacted)
        #expect(!logger.events.contains { $0.description.contains(sessionID) })
    }

    @Test func observersAreForwardedAndTheirLagIsMeasuredWhileTheyWork() throws {
        let store = observed()
        let seen = Mutex<[UInt64]>([])
        let lagInside = Mutex<[UInt64]>([])
        let observation = store.observe { changes in
            seen.withLock { $0 += changes.map(\.sequence) }
            lagInside.withLock { $0.append(store.observerLag()) }
        }
        try store.write { tx in
            try tx.put(Note(id: "n1", title: "One"))
            try tx.put(Note(id: "n2", title: "Two"))
        }
        try store.write { tx in try tx.put(Note(id: "n3", title: "Three")) }
        #expect(seen.withLock { $0 } == [1, 2, 3])
        #expect(lagInside.withLock { $0 } == [2, 1], "the commit being delivered is not yet applied")
        #expect(store.observerLag() == 0)
        observation.cancel()
        try store.write { tx in try tx.put(Note(id: "n4", title: "Four")) }
        #expect(seen.withLock { $0 } == [1, 2, 3], "cancelled")
        #expect(store.observerLag() == 0, "no observers left")
    }

    @Test func aLateObserverStartsAtTheHead() throws {
        let store = observed()
        try store.write { tx in try tx.put(Note(id: "n1", title: "One")) }
        let observation = store.observe { _ in }
        #expect(store.observerLag() == 0)
        observation.cancel()
    }
}
