/// A URL that is safe in an `href`, `src` or `action` attribute: relative, `http`, `https`
/// or `mailto`. `javascript:`, `data:`, `vbscript:` and anything with control characters
/// or backslashes is refused.
public struct SafeURL: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The URL text.
    public let string: String

    /// Checks `string`; `nil` when it is not safe.
    public init?(_ string: String) {
        guard !string.isEmpty, string.utf8.count <= 2048 else { return nil }
        for scalar in string.unicodeScalars {
            if scalar.value < 0x21 || scalar.value == 0x7F || scalar == "\\" || scalar == "<" || scalar == ">"
                || scalar == "\"" || scalar == "`" || (scalar.value >= 0x80 && scalar.value <= 0x9F)
            { return nil }
        }
        if let colon = string.firstIndex(of: ":") {
            let head = string[..<colon]
            if !head.contains("/") && !head.contains("?") && !head.contains("#") {
                switch head.lowercased() {
                case "http", "https":
                    guard string[string.index(after: colon)...].hasPrefix("//") else { return nil }
                case "mailto": break
                default: return nil
                }
            }
        }
        self.string = string
    }

    /// A URL from a literal in code; traps if it is not safe (a programmer error).
    public init(_ literal: StaticString) {
        guard let url = SafeURL(literal.description) else { preconditionFailure("unsafe URL literal \(literal)") }  // trap-safe: StaticString literals in code only; runtime text goes through the failable init
        self = url
    }

    /// A path inside the site, built from segments that are percent-encoded.
    public static func path(_ segments: [String], prefix: String = "") -> SafeURL {
        let encoded = segments.map(SafeURL.encodeSegment).joined(separator: "/")
        let text = prefix + "/" + encoded
        return SafeURL(text) ?? SafeURL("/")
    }

    /// Percent-encodes a path segment or query value (everything but unreserved characters).
    public static func encodeSegment(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out += String(byte >> 4, radix: 16, uppercase: true)
                out += String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// Whether this URL stays on the same site (a path beginning with a single `/`).
    public var isLocalPath: Bool { string.hasPrefix("/") && !string.hasPrefix("//") }

    public var description: String { string }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let url = SafeURL(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unsafe URL \(text)"))
        }
        self = url
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
