import CommunityModel
import CommunityIdentity
import Foundation
import Synchronization

/// The rate limit on refetching providers' key sets: when each provider's keys were last
/// fetched (or a fetch was tried) by this engine. One per ``Community``.
final class OpenIDKeyRing: Sendable {
    let options: SingleSignOnOptions
    private let lastAttempts = Mutex<[ID<OpenIDProviderRecord>: Date]>([:])

    init(options: SingleSignOnOptions) { self.options = options }

    /// Records a fetch of `provider` at `now`, or, when the last one was less than the minimum
    /// interval ago, answers when the next may happen (and records nothing).
    func claim(_ provider: ID<OpenIDProviderRecord>, at now: Date) -> Date? {
        let interval = options.minimumKeyRefreshInterval
        return lastAttempts.withLock { attempts -> Date? in
            if let last = attempts[provider], now < last.addingTimeInterval(interval), now >= last {
                return last.addingTimeInterval(interval)
            }
            attempts[provider] = now
            return nil
        }
    }
}
