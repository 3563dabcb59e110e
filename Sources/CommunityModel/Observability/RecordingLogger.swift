import Synchronization

/// A logger that keeps every event in memory, in the order received: for tests (the host's
/// and ours) that assert what was logged, and for a debugging page.
///
/// ```swift
/// let logger = RecordingLogger()
/// let community = try Community(CommunityConfiguration(csrfSecret: secret, logger: logger))
/// _ = community.handle(SiteRequest(.post, "/partners/_action/askQuestion", form: ["title": "Hi"]))
/// #expect(logger.events(named: .csrfRejected).count == 1)
/// ```
public final class RecordingLogger: CommunityLogger {
    private let recorded = Mutex<[LogEvent]>([])
    private let capacity: Int

    /// A logger that keeps the newest `capacity` events (at least one).
    public init(capacity: Int = 10_000) { self.capacity = max(1, capacity) }

    /// Keeps the event, dropping the oldest one when full.
    public func log(_ event: LogEvent) {
        recorded.withLock { events in
            if events.count >= capacity { events.removeFirst(events.count - capacity + 1) }
            events.append(event)
        }
    }

    /// Every event kept, oldest first.
    public var events: [LogEvent] { recorded.withLock { $0 } }

    /// The events with a name, oldest first.
    public func events(named name: LogEventName) -> [LogEvent] { recorded.withLock { $0.filter { $0.name == name } } }

    /// Forgets every event.
    public func removeAll() { recorded.withLock { $0.removeAll() } }
}
