import Synchronization

/// The default ``Store``: in memory, thread-safe, readers never blocked by a writer.
///
/// The committed state is an immutable value published under a short lock; a reader takes
/// it (one retain, O(1)) and reads without locks. Writers are serialised, work on their own
/// copy, and publish it in one assignment, so a transaction that throws leaves nothing behind.
///
/// Rows and secondary indexes are persistent hash tries that share structure between
/// versions, so a write copies only the O(log n) nodes on its path however many snapshots
/// are alive: a single-row write stays in the tens of microseconds at a million rows.
/// The change feed keeps the newest `feedCapacity` changes; older ones are reported as
/// ``StoreError/feedTruncated(requested:oldest:)``.
///
/// Every `put` is checked with a ``StoreValidator`` first (the entity's ``Entity/validate()``,
/// then custom fields against the store's schemas): an invalid entity throws its
/// ``ValidationError``, is not written, and the transaction cannot commit, even if the body
/// catches the error.
public final class MemoryStore: Store {
    private let current: Mutex<MemoryState>
    private let writer = Mutex(())
    private let feed: Mutex<ChangeLog>
    /// Observers by token, in registration order (tokens only grow, so appending keeps it sorted).
    private let observers = Mutex<[(token: UInt64, observer: @Sendable ([Change]) -> Void)]>([])
    private let nextObserver = Atomic<UInt64>(1)
    /// The checks every `put` runs before writing.
    public let validator: StoreValidator

    /// Creates an empty store that keeps up to `feedCapacity` changes for ``changes(after:limit:)``
    /// and checks the custom fields of records against `schemas` (see ``StoreValidator``).
    public init(feedCapacity: Int = 1_000_000, schemas: [ObjectSchema] = []) {
        current = Mutex(MemoryState())
        feed = Mutex(ChangeLog(capacity: max(1, feedCapacity)))
        validator = StoreValidator(schemas: schemas)
    }

    /// The committed state as of now: O(1), never waits for a writer.
    public func snapshot() -> any StoreSnapshot {
        current.withLock { $0 }
    }

    /// Runs `body` as one serialised transaction; publishes nothing if it throws or if a
    /// `put` inside it was refused as invalid.
    @discardableResult
    public func write<R>(_ body: (any StoreTransaction) throws -> R) throws -> R {
        try writer.withLock { _ in
            let transaction = MemoryTransaction(state: current.withLock { $0 }, validator: validator)
            let result = try body(transaction)
            if let rejection = transaction.rejection { throw rejection }
            guard !transaction.pending.isEmpty else { return result }
            var state = transaction.state
            state.transactions = transaction.transactionID
            state.sequence += UInt64(transaction.pending.count)
            feed.withLock { $0.append(transaction.pending) }
            current.withLock { $0 = state }
            let targets = observers.withLock { $0 }
            // Changes are materialised (each entity boxed) only when somebody observes them;
            // the feed keeps the compact entries, which share the committed rows.
            let changes = targets.isEmpty ? [] : transaction.pending.map(\.change)
            transaction.pending = []
            for target in targets { target.observer(changes) }
            return result
        }
    }

    /// Committed changes after `sequence`, oldest first, from the bounded in-memory feed.
    public func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        try feed.withLock { try $0.changes(after: sequence, limit: limit) }
    }

    /// Calls `observer` after every commit, in commit order, on the committing thread.
    public func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation {
        let token = nextObserver.add(1, ordering: .relaxed).oldValue
        observers.withLock { $0.append((token, observer)) }
        return StoreObservation { [weak self] in
            self?.observers.withLock { $0.removeAll { $0.token == token } }
        }
    }
}

/// One committed change as the feed keeps it: the row it wrote rather than a boxed copy of
/// the entity (the row is shared with the tables for as long as it is current).
struct FeedEntry {
    var sequence: UInt64
    var transaction: UInt64
    var entityType: EntityType
    var id: String
    /// The version after the change (the deleted version for deletes).
    var version: Int
    /// The row written; `nil` for deletes.
    var row: MemoryRow?
    var kind: Change.Kind

    /// The change as the public feed reports it.
    var change: Change {
        Change(
            sequence: sequence, transaction: transaction, entityType: entityType, id: id, kind: kind, version: version,
            entity: row?.entity)
    }
}

/// The bounded in-memory change log behind ``MemoryStore/changes(after:limit:)``.
struct ChangeLog {
    let capacity: Int
    private var entries: [FeedEntry] = []
    private var start = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ changes: [FeedEntry]) {
        entries.append(contentsOf: changes)
        if entries.count - start > capacity {
            start = entries.count - capacity
            if start > capacity {  // compact now and then, giving back the space dropped
                entries = Array(entries[start...])
                start = 0
            }
        }
    }

    func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        guard start < entries.count else { return [] }
        let oldest = entries[start].sequence
        if sequence < oldest - 1 { throw StoreError.feedTruncated(requested: sequence, oldest: oldest) }
        let skip = sequence - (oldest - 1)  // changes at or before `sequence` still kept
        guard skip < UInt64(entries.count - start) else { return [] }
        let from = start + Int(skip)
        let available = entries.count - from
        return entries[from..<from + min(available, max(0, limit))].map(\.change)
    }
}
