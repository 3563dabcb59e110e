/// One structured thing that happened: a level, a stable name, a fixed sentence and metadata.
///
/// The message is a fixed sentence; what varies (site, status, field names, durations) goes
/// in ``metadata`` so a host can index it. Metadata whose key names a secret (see
/// ``LogRedaction/isSecretKey(_:)``) is replaced by ``LogValue/redacted`` when the event is
/// made, so a password, token, session id, cookie or CSRF token cannot reach a logger by key.
public struct LogEvent: Sendable, Hashable, CustomStringConvertible {
    /// How much it matters.
    public let level: LogLevel
    /// What kind of event it is, such as ``LogEventName/csrfRejected``.
    public let name: LogEventName
    /// A fixed, human sentence.
    public let message: String
    /// The details, with secret-named keys redacted.
    public let metadata: [String: LogValue]

    /// An event; metadata under secret-naming keys is redacted.
    public init(_ level: LogLevel, _ name: LogEventName, _ message: String, metadata: [String: LogValue] = [:]) {
        self.level = level
        self.name = name
        self.message = message
        var cleaned = metadata
        for key in metadata.keys where LogRedaction.isSecretKey(key) { cleaned[key] = .redacted }
        self.metadata = cleaned
    }

    /// `level name: message key=value …`, keys sorted.
    public var description: String {
        var out = "\(level) \(name): \(message)"
        for key in metadata.keys.sorted() {
            out += " \(key)=\(metadata[key]?.description ?? "")"
        }
        return out
    }
}
