@testable import CommunityKit
import Synchronization
import Testing

/// The member index builds lists off the request path: ahead of the first request, and after a
/// change for large lists (served as they were meanwhile); small lists stay exact.
@Suite struct SiteMemberIndexRefreshTests {
    /// Work handed to the index's executor, run when the test says.
    final class ManualExecutor: Sendable {
        private let queued = Mutex<[@Sendable () -> Void]>([])
        var run: @Sendable (@escaping @Sendable () -> Void) -> Void { { [self] work in queued.withLock { $0.append(work) } } }
        var pending: Int { queued.withLock { $0.count } }
        func drain() {
            let work = queued.withLock { q in defer { q.removeAll() }; return q }
            for w in work { w() }
        }
    }

    static func user(_ id: String, _ nickname: String) -> User {
        User(id: ID(id), kind: .internal, name: nickname, nickname: nickname, email: "\(id)@x.example", profileID: "staff")
    }

    static func put(_ store: MemoryStore, _ users: [User]) throws {
        try store.write { tx in for u in users { try tx.put(u) } }
    }

    /// Counts builds.
    final class Counter: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    static func build(_ store: MemoryStore, _ calls: Counter) -> @Sendable () throws -> [User] {
        { calls.add(); return try store.snapshot().all(User.self).map(\.value) }
    }

    @Test func aPreparedListAnswersTheFirstRequestWithoutBuilding() throws {
        let store = MemoryStore()
        try Self.put(store, [Self.user("b", "Bo"), Self.user("a", "Al")])
        let executor = ManualExecutor()
        let index = SiteMemberIndex(store: store, executor: executor.run)
        let prepared = Counter(), requested = Counter()
        index.prepare("partners", users: .max, build: Self.build(store, prepared))
        index.prepare("partners", users: .max, build: Self.build(store, prepared))
        #expect(executor.pending == 1, "one background build at a time")
        executor.drain()
        let members = try index.members(of: "partners", build: Self.build(store, requested))
        #expect(members.ordered == ["a", "b"])
        #expect(prepared.value == 1 && requested.value == 0)
    }

    @Test func aRequestBeforeThePreparedListLandsBuildsItsOwn() throws {
        let store = MemoryStore()
        try Self.put(store, [Self.user("a", "Al")])
        let executor = ManualExecutor()
        let index = SiteMemberIndex(store: store, executor: executor.run)
        let calls = Counter()
        index.prepare("partners", users: .max, build: Self.build(store, calls))
        #expect(try index.members(of: "partners", build: Self.build(store, calls)).ordered == ["a"])
        executor.drain()
        #expect(try index.members(of: "partners", build: Self.build(store, calls)).ordered == ["a"])
        #expect(calls.value == 2)
    }

    @Test func aLargeListIsServedAsItWasWhileOneBackgroundRefreshCatchesUp() throws {
        let store = MemoryStore()
        try Self.put(store, [Self.user("a", "Al"), Self.user("b", "Bo")])
        let executor = ManualExecutor()
        let index = SiteMemberIndex(store: store, backgroundThreshold: 2, executor: executor.run)
        let calls = Counter()
        let before = try index.members(of: "s", build: Self.build(store, calls))
        try Self.put(store, [Self.user("c", "Cy")])
        let stale = try index.members(of: "s", build: Self.build(store, calls))
        _ = try index.members(of: "s", build: Self.build(store, calls))
        #expect(stale.ordered == ["a", "b"] && stale.generation == before.generation)
        #expect(executor.pending == 1, "one refresh, however many requests")
        executor.drain()
        let fresh = try index.members(of: "s", build: Self.build(store, calls))
        #expect(fresh.ordered == ["a", "b", "c"] && fresh.generation > before.generation)
        #expect(calls.value == 2)
    }

    @Test func aSmallListIsRebuiltAtOnceAfterAChange() throws {
        let store = MemoryStore()
        try Self.put(store, [Self.user("a", "Al")])
        let executor = ManualExecutor()
        let index = SiteMemberIndex(store: store, backgroundThreshold: 100, executor: executor.run)
        let calls = Counter()
        _ = try index.members(of: "s", build: Self.build(store, calls))
        try Self.put(store, [Self.user("c", "Cy")])
        #expect(try index.members(of: "s", build: Self.build(store, calls)).ordered == ["a", "c"])
        #expect(executor.pending == 0)
    }

    @Test func aFailedBackgroundBuildLeavesNothingBehind() throws {
        struct Broken: Error {}
        let store = MemoryStore()
        let executor = ManualExecutor()
        let index = SiteMemberIndex(store: store, executor: executor.run)
        index.prepare("s", users: .max) { throw Broken() }
        executor.drain()
        #expect(throws: Broken.self) { try index.members(of: "s") { throw Broken() } }
        try Self.put(store, [Self.user("a", "Al")])
        #expect(try index.members(of: "s") { try store.snapshot().all(User.self).map(\.value) }.ordered == ["a"])
    }

    @Test func aSmallUserBaseIsPreparedAtOnceAndNothingRunsLater() throws {
        let store = MemoryStore()
        try Self.put(store, [Self.user("a", "Al")])
        let executor = ManualExecutor()
        let index = SiteMemberIndex(store: store, executor: executor.run)
        let calls = Counter()
        index.prepare("s", users: 1, build: Self.build(store, calls))
        #expect(executor.pending == 0 && calls.value == 1)
        #expect(try index.members(of: "s", build: Self.build(store, calls)).ordered == ["a"])
        #expect(calls.value == 1)
    }
}
