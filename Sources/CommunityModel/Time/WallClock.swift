public import Foundation
import Synchronization

/// Where the engine reads the time: a seam so tests control SLAs, escalations and digests.
public protocol WallClock: Sendable {
    /// The current moment.
    func now() -> Date
}

/// The system's real time.
public struct SystemClock: WallClock {
    /// Creates a system clock.
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to, for tests and simulations.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    /// Creates a clock stopped at `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {  // 2026-01-01T00:00:00Z
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward (or back, with a negative interval).
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    /// Sets the clock.
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
