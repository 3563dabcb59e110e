import Synchronization

/// Answers derived from one snapshot, kept with it: a snapshot never changes, so an answer
/// computed from it is never stale, and every published snapshot starts with an empty memo
/// (see ``AccessSnapshot/memoized(_:compute:)``).
///
/// Bounded by ``capacity`` entries; when full, nothing more is kept (the snapshot is replaced at
/// the next change anyway). The lock is held only to look up or store an answer, never while one
/// is computed, so two readers may compute the same answer at once (both answers are identical).
final class SnapshotMemo: Sendable {
    /// The most answers kept.
    let capacity: Int
    private let entries = Mutex<[Key: any Sendable]>([:])

    /// A key of any hashable, sendable type (keys of different types never compare equal).
    struct Key: Hashable, Sendable {
        let value: any Hashable & Sendable

        static func == (lhs: Key, rhs: Key) -> Bool { AnyHashable(lhs.value) == AnyHashable(rhs.value) }
        func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(value)) }
    }

    /// An empty memo keeping at most `capacity` answers.
    init(capacity: Int = 256) { self.capacity = max(0, capacity) }

    func value(_ key: Key) -> (any Sendable)? { entries.withLock { $0[key] } }

    func store(_ value: any Sendable, for key: Key) {
        entries.withLock { entries in
            guard entries[key] == nil, entries.count < capacity else { return }
            entries[key] = value
        }
    }

    /// How many answers are kept (for tests and diagnostics).
    var count: Int { entries.withLock { $0.count } }
}
