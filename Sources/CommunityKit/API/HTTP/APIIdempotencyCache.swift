import CommunityRendering
import Foundation
import Synchronization

/// Remembers the answers to POST requests sent with an `Idempotency-Key`, per caller, so a
/// retried request gets the first answer instead of a second write; the same key with a
/// different body is refused. Kept in memory, bounded by count and age.
final class APIIdempotencyCache: Sendable {
    struct Entry: Sendable {
        var bodyDigest: String
        var response: SiteResponse
        var storedAt: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let lifetime: TimeInterval

    init(capacity: Int, lifetime: TimeInterval) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    /// The remembered entry for a caller's key, if it is still fresh.
    func entry(_ key: String, at now: Date) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[key], now.timeIntervalSince(entry.storedAt) < lifetime else { return nil }
            return entry
        }
    }

    /// Remembers an answer.
    func store(_ key: String, _ entry: Entry) {
        state.withLock { state in
            if state.entries.updateValue(entry, forKey: key) == nil { state.order.append(key) }
            while state.order.count > capacity {
                state.entries.removeValue(forKey: state.order.removeFirst())
            }
        }
    }
}
