/// Reads the `Cookie` request header into name/value pairs (RFC 6265 section 4.2 syntax).
///
/// Pieces that are not `name=value` with a token name and cookie-octet value (optionally in
/// double quotes) are ignored, as are values above the size limit and cookies past the
/// count limit. The first cookie of a name wins.
public struct CookieParser: Sendable, Hashable {
    /// The most cookies kept.
    public var maxCookies: Int
    /// The longest value kept, in bytes.
    public var maxValueBytes: Int

    /// A parser with limits.
    public init(maxCookies: Int = 50, maxValueBytes: Int = 4096) {
        self.maxCookies = maxCookies
        self.maxValueBytes = maxValueBytes
    }

    /// The cookies in one or more `Cookie` header values.
    public func parse(_ headerValues: [String]) -> [String: String] {
        var out: [String: String] = [:]
        var kept = 0
        for header in headerValues {
            for piece in header.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: true) {
                guard kept < maxCookies else { return out }
                guard let (name, value) = cookie(in: piece) else { continue }
                if out[name] == nil {
                    out[name] = value
                    kept += 1
                }
            }
        }
        return out
    }

    private func cookie(in piece: Substring.UTF8View.SubSequence) -> (String, String)? {
        var bytes = piece[...]
        while let first = bytes.first, first == 32 || first == 9 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 32 || last == 9 { bytes = bytes.dropLast() }
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let name = bytes[..<equals]
        var value = bytes[bytes.index(after: equals)...]
        guard !name.isEmpty, name.count <= 256, name.allSatisfy(RequestHeadParser.isTokenByte) else { return nil }
        if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
            value = value.dropFirst().dropLast()
        }
        guard value.count <= maxValueBytes, value.allSatisfy(Self.isCookieOctet) else { return nil }
        guard let nameText = String(validating: name, as: UTF8.self), let valueText = String(validating: value, as: UTF8.self) else {
            return nil
        }
        return (nameText, valueText)
    }

    /// `%x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E`: printable ASCII without space, `"`, `,`, `;` and `\`.
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: true
        default: false
        }
    }
}
