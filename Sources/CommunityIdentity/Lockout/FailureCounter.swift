public import Foundation

/// A count of recent failures and when the last one happened; decays with time.
public struct FailureCounter: Hashable, Sendable, Codable {
    /// Failures counted when the last one happened.
    public var count: Int
    /// When the last failure happened.
    public var lastFailureAt: Date?

    /// A counter with no failures.
    public init(count: Int = 0, lastFailureAt: Date? = nil) {
        self.count = max(0, count)
        self.lastFailureAt = lastFailureAt
    }

    /// The count at `date`, after forgiving one failure per decay interval since the last one.
    public func count(at date: Date, policy: LockoutPolicy) -> Int {
        guard count > 0, let last = lastFailureAt else { return 0 }
        let elapsed = date.timeIntervalSince(last)
        guard elapsed.isFinite, elapsed > 0 else { return count }
        let forgiven = (elapsed / policy.decayInterval).rounded(.down)
        guard forgiven < Double(count) else { return 0 }
        return count - Int(forgiven)
    }

    /// Until when attempts are refused at `date` (`nil` when they are not).
    public func lockedUntil(at date: Date, threshold: Int, policy: LockoutPolicy) -> Date? {
        guard let last = lastFailureAt else { return nil }
        let current = count(at: date, policy: policy)
        let delay = policy.delay(afterFailures: current, threshold: threshold)
        guard delay > 0 else { return nil }
        let until = last.addingTimeInterval(delay)
        return until > date ? until : nil
    }

    /// The counter after one more failure at `date` (counting from the decayed value).
    public func recordingFailure(at date: Date, policy: LockoutPolicy) -> FailureCounter {
        let current = count(at: date, policy: policy)
        return FailureCounter(count: current < 1_000_000 ? current + 1 : current, lastFailureAt: date)
    }
}
