public import Foundation
import Synchronization

/// Failure counters per client address, kept in this process's memory.
///
/// Client addresses are many and short-lived, so their counters are not written to the store:
/// each process throttles on its own, and a restart forgets them (account counters, kept in the
/// ``Credential``, do not forget). At most ``capacity`` addresses are tracked; past that, fully
/// decayed entries are dropped first, then the oldest.
public final class ClientThrottle: Sendable {
    /// The most client addresses tracked at once.
    public let capacity: Int
    private let policy: LockoutPolicy
    private let counters = Mutex<[String: FailureCounter]>([:])

    /// A throttle for `policy` tracking up to `capacity` addresses (at least 1).
    public init(policy: LockoutPolicy, capacity: Int = 100_000) {
        self.policy = policy
        self.capacity = max(1, capacity)
    }

    /// The key for an untrusted address text: trimmed, lower-cased and at most 64 characters.
    static func key(_ address: String) -> String {
        String(address.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
    }

    /// Until when attempts from `address` are refused at `date` (`nil` when they are not).
    public func lockedUntil(_ address: String, at date: Date) -> Date? {
        let key = Self.key(address)
        return counters.withLock { $0[key] }?.lockedUntil(at: date, threshold: policy.clientThreshold, policy: policy)
    }

    /// Records a failure from `address`; answers the decayed count after it.
    @discardableResult
    public func recordFailure(_ address: String, at date: Date) -> Int {
        let key = Self.key(address)
        return counters.withLock { table in
            let next = (table[key] ?? FailureCounter()).recordingFailure(at: date, policy: policy)
            if table[key] == nil, table.count >= capacity { evict(from: &table, at: date) }
            table[key] = next
            return next.count
        }
    }

    /// How many addresses are tracked.
    public var trackedCount: Int { counters.withLock { $0.count } }

    private func evict(from table: inout [String: FailureCounter], at date: Date) {
        let before = table.count
        table = table.filter { $0.value.count(at: date, policy: policy) > 0 }
        guard table.count == before, let oldest = table.min(by: { ($0.value.lastFailureAt ?? .distantPast) < ($1.value.lastFailureAt ?? .distantPast) })
        else { return }
        table[oldest.key] = nil
    }
}
