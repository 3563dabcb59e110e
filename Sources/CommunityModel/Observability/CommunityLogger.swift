/// Where the engine sends its ``LogEvent``s. The host decides where they go; the engine only
/// emits them (swift-log's split between `Logger` and `LogHandler`).
///
/// One requirement keeps the seam small and lets it grow through ``LogEvent``. A conformer
/// must be cheap and must not throw or block for long: events are emitted on the request and
/// commit paths. The engine's default is ``SilentLogger``; ``RecordingLogger`` keeps events
/// in memory for tests. Bridging to swift-log takes a few lines (see the README).
public protocol CommunityLogger: Sendable {
    /// Records one event.
    func log(_ event: LogEvent)
}

extension CommunityLogger {
    /// Records an event built from its parts.
    public func log(_ level: LogLevel, _ name: LogEventName, _ message: String, metadata: [String: LogValue] = [:]) {
        log(LogEvent(level, name, message, metadata: metadata))
    }
}
