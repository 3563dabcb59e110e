import CommunityModel

/// A ``MemoryStore`` with one deliberate fault, to show the conformance suite notices it.
final class FaultyStore: Store {
    enum Fault: Sendable {
        /// Commits the writes made before the body threw.
        case commitsFailedTransactions
        /// Hands out the live state instead of a snapshot taken now.
        case liveSnapshots
        /// Skips every third change in the feed.
        case dropsFeedEntries
        /// Returns `all` in reverse id order.
        case reversesAll
        /// Ignores the expected version on put.
        case ignoresConflicts
        /// Never calls observers.
        case forgetsObservers
    }

    let fault: Fault
    let base = MemoryStore()

    init(_ fault: Fault) { self.fault = fault }

    func snapshot() -> any StoreSnapshot {
        switch fault {
        case .liveSnapshots: LiveView(store: base)
        case .reversesAll: ReversedView(base: base.snapshot())
        default: base.snapshot()
        }
    }

    @discardableResult
    func write<R>(_ body: (any StoreTransaction) throws -> R) throws -> R {
        switch fault {
        case .commitsFailedTransactions:
            var failure: (any Error)?
            let result: R? = try base.write { tx in
                do { return try body(tx) } catch {
                    failure = error
                    return nil
                }
            }
            if let failure { throw failure }
            return result!
        case .ignoresConflicts:
            return try base.write { tx in try body(Unchecked(base: tx)) }
        default:
            return try base.write(body)
        }
    }

    func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        let all = try base.changes(after: sequence, limit: limit)
        return fault == .dropsFeedEntries ? all.filter { $0.sequence % 3 != 0 } : all
    }

    func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation {
        fault == .forgetsObservers ? StoreObservation {} : base.observe(observer)
    }
}

private struct LiveView: StoreSnapshot {
    let store: MemoryStore
    var sequence: UInt64 { store.snapshot().sequence }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try store.snapshot().get(id) }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try store.snapshot().all(type) }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try store.snapshot().query(query) }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try store.snapshot().count(type) }
}

private struct ReversedView: StoreSnapshot {
    let base: any StoreSnapshot
    var sequence: UInt64 { base.sequence }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try base.get(id) }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try base.all(type).reversed() }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try base.query(query) }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try base.count(type) }
}

private struct Unchecked: StoreTransaction {
    let base: any StoreTransaction
    var sequence: UInt64 { base.sequence }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try base.get(id) }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try base.all(type) }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try base.query(query) }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try base.count(type) }
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int { try base.put(value, expecting: .any) }
    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws { try base.delete(id, expecting: .any) }
}
