/// Strict percent-decoding of URL paths, queries and form bodies.
///
/// Every `%` must be followed by two hexadecimal digits and the decoded bytes must be valid
/// UTF-8; anything else is an ``HTTPError`` with status 400.
public enum PercentDecoding {
    /// Decodes `%XX` escapes (and, when `plusIsSpace`, `+` as a space) into a UTF-8 string.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, plusIsSpace: Bool, what: String) throws(HTTPError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: i)
                guard first != bytes.endIndex, let high = hexValue(bytes[first]) else {
                    throw .badRequest("invalid percent-encoding in the \(what)")
                }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex, let low = hexValue(bytes[second]) else {
                    throw .badRequest("invalid percent-encoding in the \(what)")
                }
                out.append(high << 4 | low)
                i = bytes.index(after: second)
                continue
            }
            out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            i = bytes.index(after: i)
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw .badRequest("the \(what) is not valid UTF-8")
        }
        return text
    }

    /// Decodes `name=value&…` pairs (a query string or a form body) into fields: the first
    /// of a repeated name wins; empty pieces are skipped; a piece without `=` has an empty value.
    ///
    /// - Throws: 400 for bad encoding, more than `maxFields` pieces or a name or value longer
    ///   than `maxFieldBytes` after decoding.
    public static func fields<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, maxFields: Int, maxFieldBytes: Int, what: String
    ) throws(HTTPError) -> [String: String] where Bytes.SubSequence: Collection<UInt8> {
        var out: [String: String] = [:]
        var count = 0
        for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            count += 1
            guard count <= maxFields else { throw .badRequest("too many fields in the \(what) (at most \(maxFields))") }
            let parts = piece.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], plusIsSpace: true, what: what)
            let value = parts.count > 1 ? try decode(parts[1], plusIsSpace: true, what: what) : ""
            guard name.utf8.count <= maxFieldBytes, value.utf8.count <= maxFieldBytes else {
                throw .badRequest("a field in the \(what) is longer than \(maxFieldBytes) bytes")
            }
            if out[name] == nil { out[name] = value }
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
