/// A logger that writes nothing: the engine's default until the host supplies its own.
public struct SilentLogger: CommunityLogger {
    /// A silent logger.
    public init() {}

    /// Drops the event.
    public func log(_ event: LogEvent) {}
}
