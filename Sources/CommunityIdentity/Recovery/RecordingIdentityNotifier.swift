import Foundation
import Synchronization

/// A notifier that keeps every message in memory, for tests and examples.
public final class RecordingIdentityNotifier: IdentityNotifier {
    private let stored = Mutex<[IdentityMessage]>([])

    /// An empty notifier.
    public init() {}

    public func deliver(_ message: IdentityMessage) throws { stored.withLock { $0.append(message) } }

    /// Every message delivered so far, oldest first.
    public var messages: [IdentityMessage] { stored.withLock { $0 } }

    /// The token in the latest message's link, if any.
    public var latestToken: String? {
        guard let link = messages.last?.linkPath, let range = link.range(of: "token=") else { return nil }
        return String(link[range.upperBound...].prefix { $0 != "&" })
    }
}
