/// How much a ``LogEvent`` matters, from the most verbose to the most severe.
///
/// The seven levels are swift-log's `Logger.Level`, case for case and in the same order, so
/// a bridge maps them by raw value: `Logger.Level(rawValue: event.level.rawValue)`.
public enum LogLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Step-by-step detail, only for tracing a problem down.
    case trace
    /// Detail useful while debugging.
    case debug
    /// Something normal happened that is worth knowing (a form rejected as invalid).
    case info
    /// Something normal but noteworthy (a failed sign-in, a write conflict).
    case notice
    /// Something that may need attention (a CSRF rejection, a lock-out, a slow request).
    case warning
    /// An operation failed (a storage error).
    case error
    /// The engine cannot go on as configured.
    case critical

    /// The level's position from `trace` (0) to `critical` (6).
    public var severity: Int {
        switch self {
        case .trace: 0
        case .debug: 1
        case .info: 2
        case .notice: 3
        case .warning: 4
        case .error: 5
        case .critical: 6
        }
    }

    /// Orders levels by severity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.severity < rhs.severity }

    /// The level's name, as swift-log spells it.
    public var description: String { rawValue }
}
