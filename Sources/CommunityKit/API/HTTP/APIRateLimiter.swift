import Foundation
import Synchronization

/// Counts API requests per key (a token, a user, a guest's address) in fixed windows; a key
/// over its limit is answered 429 with the seconds until its window ends.
final class APIRateLimiter: Sendable {
    private struct Window {
        var start: Date
        var count: Int
    }

    private let windows = Mutex<[String: Window]>([:])
    private let length: TimeInterval

    init(window: TimeInterval) { length = max(1, window) }

    /// Counts one request for `key`; the seconds to wait when it is over `limit`, else `nil`.
    func admit(_ key: String, limit: Int, at now: Date) -> Int? {
        windows.withLock { windows in
            if windows.count > 100_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < length } }
            var window = windows[key] ?? Window(start: now, count: 0)
            if now.timeIntervalSince(window.start) >= length || now < window.start { window = Window(start: now, count: 0) }
            guard window.count < limit else {
                let remaining = length - now.timeIntervalSince(window.start)
                return max(1, Int(remaining.rounded(.up).clamped(to: 1...86_400)))  // trap-safe: clamped to 1...86400 first
            }
            window.count += 1
            windows[key] = window
            return nil
        }
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
