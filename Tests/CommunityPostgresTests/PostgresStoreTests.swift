import CommunityModel
@testable import CommunityPostgres
import CommunityTesting
import Foundation
import Synchronization
import Testing

extension PostgresTests {
    /// Conflicts between hosts, lost connections, the feed across stores, and bad input.
    @Suite struct Store {
        typealias Item = ConformanceItem

        /// Two stores on one schema are two hosts: each has its own connections.
        static func twoHosts() throws -> (PostgresStore, PostgresStore) {
            let schema = PostgresTestServer.freshSchema()
            return (try PostgresTestServer.store(schema: schema), try PostgresTestServer.store(schema: schema))
        }

        @Test func twoHostsUpdatingOneEntityExactlyOneWins() throws {
            let (a, b) = try Self.twoHosts()
            try a.write { tx in try tx.put(Item(id: ID("shared"), group: "red", rank: 1)) }
            let aWrote = DispatchSemaphore(value: 0)
            let bOutcome = Mutex<Result<Int, StoreError>?>(nil)
            let bDone = DispatchSemaphore(value: 0)
            Thread {
                aWrote.wait()
                do {
                    // Waits for A's row lock, then finds version 2 and matches no row.
                    let version = try b.write { tx in try tx.put(Item(id: ID("shared"), group: "blue", rank: 2), expecting: .exactly(1)) }
                    bOutcome.withLock { $0 = .success(version) }
                } catch let error as StoreError {
                    bOutcome.withLock { $0 = .failure(error) }
                } catch {
                    bOutcome.withLock { $0 = .failure(.backend("\(error)")) }
                }
                bDone.signal()
            }.start()
            let version = try a.write { tx in
                let version = try tx.put(Item(id: ID("shared"), group: "green", rank: 3), expecting: .exactly(1))
                aWrote.signal()
                return version
            }
            bDone.wait()
            #expect(version == 2)
            let outcome = bOutcome.withLock { $0 }
            #expect(outcome == .failure(.conflict(entity: Item.entityType, id: "shared", expected: .exactly(1), actual: 2)))
            #expect(try b.snapshot().get(ID<Item>("shared"))?.value.group == "green")
        }

        @Test func racingHostsGetOneWinPerRoundAndConflictsOtherwise() throws {
            let (a, b) = try Self.twoHosts()
            try a.write { tx in try tx.put(ConformanceCounter(id: ID("c"), value: 0)) }
            let wins = Mutex(0)
            let conflicts = Mutex(0)
            let others = Mutex<[String]>([])
            for round in 1...15 {
                let start = DispatchGroup()
                let done = DispatchGroup()
                for (k, store) in [a, b].enumerated() {
                    start.enter()
                    done.enter()
                    Thread {
                        start.leave()
                        start.wait()
                        do {
                            try store.write { tx in
                                try tx.put(ConformanceCounter(id: ID("c"), value: round * 10 + k), expecting: .exactly(round))
                            }
                            wins.withLock { $0 += 1 }
                        } catch StoreError.conflict(_, _, .exactly(round), round + 1) {
                            conflicts.withLock { $0 += 1 }
                        } catch {
                            others.withLock { $0.append("\(error)") }
                        }
                        done.leave()
                    }.start()
                }
                done.wait()
            }
            #expect(others.withLock { $0 } == [])
            #expect(wins.withLock { $0 } == 15)
            #expect(conflicts.withLock { $0 } == 15)
            #expect(try a.snapshot().get(ID<ConformanceCounter>("c"))?.version == 16)
        }

        @Test func anotherHostsCommitsReachObserversInOrder() throws {
            let (a, b) = try Self.twoHosts()
            let received = Mutex<[UInt64]>([])
            let entities = Mutex(0)
            let observation = b.observe { changes in
                received.withLock { $0 += changes.map(\.sequence) }
                entities.withLock { $0 += changes.filter { $0.entity is Item }.count }
            }
            defer { observation.cancel() }
            for k in 0..<20 {
                try a.write { tx in
                    try tx.put(Item(id: ID("x\(k)"), group: "red", rank: k))
                    try tx.put(Item(id: ID("y\(k)"), group: "blue", rank: k))
                }
            }
            try b.write { tx in try tx.put(Item(id: ID("own"), group: "red", rank: 0)) }
            // B's own commit is delivered before its write returns, after A's 40 changes.
            #expect(received.withLock { $0 } == Array(1...41))
            #expect(entities.withLock { $0 } == 41)
        }

        @Test func aConnectionLostInsideATransactionWritesNothing() throws {
            let store = try PostgresTestServer.store()
            let killer = try PostgresConnection(url: try PostgresTestServer.url(), schema: "public")
            #expect(throws: StoreError.self) {
                try store.write { tx in
                    try tx.put(Item(id: ID("half-1"), group: "red", rank: 1))
                    // The writer is the only connection of this store idle inside a transaction.
                    try killer.query(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction' AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO ck_index%'")
                    try tx.put(Item(id: ID("half-2"), group: "red", rank: 2))
                }
            }
            let snapshot = store.snapshot()
            #expect(try snapshot.get(ID<Item>("half-1")) == nil)
            #expect(snapshot.sequence == 0)
            // The next write reconnects.
            try store.write { tx in try tx.put(Item(id: ID("after"), group: "red", rank: 3)) }
            #expect(try store.changes(after: 0, limit: 10).map(\.id) == ["after"])
        }

        @Test func badConfigurationAndUnreachableServersThrowTypedErrors() throws {
            #expect(throws: StoreError.self) {
                try PostgresStore(configuration: PostgresConfiguration(url: try PostgresTestServer.url(), schema: "Robert'); DROP"))
            }
            #expect(throws: StoreError.self) {
                try PostgresStore(configuration: PostgresConfiguration(url: "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2"))
            }
            #expect(throws: StoreError.self) { try PostgresStore(configuration: PostgresConfiguration(url: "not a url at all ===")) }
            #expect(PostgresConfiguration.isValidSchema("tenant_42"))
            #expect(!PostgresConfiguration.isValidSchema("9lives"))
            #expect(!PostgresConfiguration.isValidSchema(""))
            #expect(!PostgresConfiguration.isValidSchema(String(repeating: "a", count: 64)))
        }

        @Test func valuesTravelAsParameters() throws {
            let store = try PostgresTestServer.store()
            let hostile = "x'); DROP TABLE ck_entities; --"
            try store.write { tx in try tx.put(Item(id: ID("q"), group: hostile, rank: 1, label: "\"quoted\" \\ back")) }
            let found = try store.snapshot().query(Query<Item>().where("group", equals: .picklist(hostile)))
            #expect(found.map(\.value.id.rawValue) == ["q"])
            #expect(found.first?.value.label == "\"quoted\" \\ back")
        }

        @Test func prunedFeedSaysSo() throws {
            let store = try PostgresTestServer.store()
            for k in 0..<4 { try store.write { tx in try tx.put(Item(id: ID("p\(k)"), group: "red", rank: k)) } }
            try store.pruneChanges(through: 2)
            #expect(throws: StoreError.feedTruncated(requested: 1, oldest: 3)) { try store.changes(after: 1, limit: 10) }
            #expect(try store.changes(after: 2, limit: 10).map(\.sequence) == [3, 4])
        }
    }
}
