import Synchronization

/// Answers an engine's snapshots carry forward: the newest answer per key, with the generation
/// of the snapshot it was computed for (see ``AccessSnapshot/carry(_:for:)``). Shared by every
/// snapshot one engine publishes. Bounded: when full, it starts again empty.
final class CarriedAnswers: Sendable {
    struct Entry: Sendable {
        var generation: UInt64
        var value: any Sendable
    }

    /// The most answers kept (as many as one snapshot's memo, ``SnapshotMemo/capacity``).
    static let capacity = 256
    private let entries = Mutex<[SnapshotMemo.Key: Entry]>([:])

    func entry(_ key: SnapshotMemo.Key) -> Entry? { entries.withLock { $0[key] } }

    /// Keeps `value` unless an answer from a later snapshot is kept already.
    func store(_ value: any Sendable, generation: UInt64, for key: SnapshotMemo.Key) {
        entries.withLock { entries in
            if let kept = entries[key], kept.generation > generation { return }
            if entries.count >= Self.capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(generation: generation, value: value)
        }
    }
}
