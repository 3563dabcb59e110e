/// A metadata value of a ``LogEvent``: text, a number, a flag or a list of values.
///
/// Values are built deliberately: literals, or the named factories below. Text is capped at
/// ``maximumTextLength`` characters and its control characters are replaced, so no input can
/// forge a log line or flood the log. Secrets never belong in a value; ``LogEvent`` also
/// replaces the value of any key that names one (see ``LogRedaction``) with ``redacted``.
public struct LogValue: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    /// What a value holds.
    public enum Content: Sendable, Hashable {
        /// Text, already capped and cleaned.
        case text(String)
        /// A whole number.
        case integer(Int64)
        /// A number with a fraction.
        case number(Double)
        /// A flag.
        case boolean(Bool)
        /// Several values.
        case list([LogValue])
        /// A value withheld because its key names a secret.
        case redacted
    }

    /// The longest text kept; longer text is cut and ends in `…`.
    public static let maximumTextLength = 256
    /// The longest list kept; the rest is dropped.
    public static let maximumListLength = 64

    /// The value.
    public let content: Content

    private init(_ content: Content) { self.content = content }

    /// Text from a literal.
    public init(stringLiteral value: StaticString) { self = .text("\(value)") }
    /// A whole number from a literal.
    public init(integerLiteral value: Int64) { content = .integer(value) }
    /// A number from a literal.
    public init(floatLiteral value: Double) { content = .number(value) }
    /// A flag from a literal.
    public init(booleanLiteral value: Bool) { content = .boolean(value) }
    /// A list from a literal.
    public init(arrayLiteral elements: LogValue...) { self = .list(elements) }

    /// Text known not to be secret (a site id, a field name, an error's kind), capped at
    /// ``maximumTextLength`` characters with control characters replaced by `�`.
    public static func text(_ value: String) -> LogValue {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == maximumTextLength {
                out += "…"
                break
            }
            if scalar.properties.generalCategory == .control {
                out.unicodeScalars.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return LogValue(.text(out))
    }

    /// A whole number, clamped to 64 bits.
    public static func integer(_ value: some BinaryInteger) -> LogValue { LogValue(.integer(Int64(clamping: value))) }

    /// A number with a fraction.
    public static func number(_ value: Double) -> LogValue { LogValue(.number(value)) }

    /// A flag.
    public static func boolean(_ value: Bool) -> LogValue { LogValue(.boolean(value)) }

    /// A list, keeping the first ``maximumListLength`` values.
    public static func list(_ values: [LogValue]) -> LogValue { LogValue(.list(Array(values.prefix(maximumListLength)))) }

    /// Names (of fields, actions, kinds) as a sorted list of text values.
    public static func names(_ values: some Sequence<String>) -> LogValue { .list(values.sorted().map(LogValue.text)) }

    /// A duration in whole milliseconds (negative durations count as zero).
    public static func milliseconds(_ duration: Duration) -> LogValue {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return LogValue(.integer(0)) }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return LogValue(.integer(overflow ? .max : whole + attoseconds / 1_000_000_000_000_000))
    }

    /// A URL path with the segments that could carry a secret replaced by `:redacted`.
    ///
    /// Tokens travel in paths (password resets, e-mail confirmations) and cannot be told
    /// from identifiers, so a segment is kept only when it is short (under 16 characters)
    /// or reads like a slug: lower-case letters, digits, `.`, `_` and `-` with no run of 16
    /// or more characters between hyphens. Page paths such as `/help/how-to-reset-a-password`
    /// stay readable; `/reset/Hq3v…` and record identifiers become `/reset/:redacted`.
    public static func path(_ path: String) -> LogValue {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> Substring in
            LogRedaction.isSafePathSegment(segment) ? segment : ":redacted"
        }
        return .text(segments.joined(separator: "/"))
    }

    /// The withheld value.
    public static let redacted = LogValue(.redacted)

    /// The value as text: lists as `[a, b]`, withheld values as `<redacted>`.
    public var description: String {
        switch content {
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .boolean(let value): String(value)
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .redacted: "<redacted>"
        }
    }
}
