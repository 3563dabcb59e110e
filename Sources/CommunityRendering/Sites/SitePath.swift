/// Checks that text is a path on the same site, safe to put in a `Location` header: a redirect's
/// source or target, a menu link to a page of the site.
///
/// A same-site path starts with exactly one `/` (so not `//evil.example` or `/\evil.example`,
/// which browsers follow to another host), has no scheme (`javascript:`, `https:`), no backslash,
/// no control characters (C0, DEL, C1, so no header splitting with CR/LF) and at most
/// ``maximumLength`` bytes.
public enum SitePath {
    /// The longest path accepted, in UTF-8 bytes.
    public static let maximumLength = 2048

    /// Why text is not a same-site path.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing at all.
        case empty
        /// Starts with a scheme such as `javascript:` or `https:`.
        case scheme(String)
        /// Does not start with `/`.
        case notRooted
        /// Starts with `//` or `/\`, which leads to another host.
        case otherHost
        /// Holds a backslash.
        case backslash
        /// Holds a control character (the code point).
        case controlCharacter(UInt32)
        /// Longer than the limit.
        case tooLong(length: Int, limit: Int)

        public var description: String {
            switch self {
            case .empty: "is empty"
            case .scheme(let scheme): "has the scheme \(scheme.debugDescription); only same-site paths are allowed"
            case .notRooted: "does not start with /"
            case .otherHost: "starts with // or /\\ and would lead to another host"
            case .backslash: "contains a backslash"
            case .controlCharacter(let code): "contains the control character U+\(String(code, radix: 16, uppercase: true))"
            case .tooLong(let length, let limit): "is \(length) bytes long (limit \(limit))"
            }
        }
    }

    /// The first problem with `text` as a same-site path; `nil` when it is one.
    public static func problem(in text: String) -> Problem? {
        guard !text.isEmpty else { return .empty }
        let length = text.utf8.count
        guard length <= maximumLength else { return .tooLong(length: length, limit: maximumLength) }
        for scalar in text.unicodeScalars {
            let code = scalar.value
            if code < 0x20 || code == 0x7F || (0x80...0x9F).contains(code) { return .controlCharacter(code) }
        }
        if let scheme = schemePrefix(of: text) { return .scheme(scheme) }
        guard text.hasPrefix("/") else { return .notRooted }
        if text.hasPrefix("//") || text.hasPrefix("/\\") { return .otherHost }
        if text.contains("\\") { return .backslash }
        return nil
    }

    /// Whether `text` is a same-site path.
    public static func isValid(_ text: String) -> Bool { problem(in: text) == nil }

    /// The scheme `text` starts with (`javascript`), if it has one: letters, digits, `+`, `-` or
    /// `.` after a letter, then `:`, with no `/`, `?` or `#` before the colon.
    static func schemePrefix(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[..<colon]
        guard let first = head.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        let isScheme = head.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "+" || s == "-" || s == ".")
        }
        return isScheme ? String(head) : nil
    }
}
