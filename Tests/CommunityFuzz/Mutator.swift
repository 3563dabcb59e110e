import CommunityTesting
import Foundation
import FuzzSupport

/// Hostile values and the mutations the fuzz targets apply to strings, paths and query strings.
struct Mutator {
    var random: SeededRandom

    /// Values that have broken parsers before: ids of the wrong shape, numbers at the edges,
    /// Unicode and control characters, markup and script, bad percent-encoding.
    static let hostile: [String] = [
        "", " ", "0", "-1", "-0", "1.5", "-2147483649", "2147483648", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "99999999999999999999999999", "1e308", "-1e308", "1e-320", "NaN", "nan", "-NaN", "inf", "-inf",
        "Infinity", "0x7fffffff", "+5", "٣", "１２", "1_000",
        String(repeating: "a", count: 64), String(repeating: "a", count: 65), String(repeating: "x", count: 5_000),
        "bad id", "a/b", "a..b", "lead-acme-1", "opp-acme-1", "case-acme-1", "acme", "pat", "cara", "guest",
        "../../../etc/passwd", "..", ".", "//evil.example", "\\\\evil.example", "http://evil.example/", "https://evil.example/x",
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)", "mailto:a@b.example", "/partners/leads", "/partners/_action/askQuestion",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "</textarea><script>alert(1)</script>",
        "<svg/onload=alert(1)>", "<iframe src=javascript:alert(1)>", "</title><script>alert(1)</script>", "</style><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>", "<!--", "]]>", "<![CDATA[<script>alert(1)</script>]]>", "&#106;avascript:alert(1)",
        "{{7*7}}", "${7*7}", "%s%s%s%n", "{\"a\":1}", "[]", "null", "true",
        "\u{0}", "a\u{0}b", "\u{1}\u{2}\u{7F}", "\r\n", "a\r\nSet-Cookie: x=1", "\u{202E}evil", "\u{FEFF}", "\u{FFFF}", "\u{FFFD}",
        "e\u{301}", String(repeating: "\u{301}", count: 500), "🙂", "👩‍👩‍👧‍👦", "민지", "Ωmega", "\u{200B}",
        "%", "%zz", "%E0%A4%A", "%00", "%2e%2e%2f", "%252e", "%C0%AE", "%FF", "a%20b", "%0d%0aLocation:%20//evil",
        "2026-02-30", "0000-00-00", "99999-01-01", "2026-12-15", "-1-01-01",
        "low", "high", "critical", "Proposal", "open", "closed", "1", "5", "100", "1000000",
    ]

    /// A hostile value, now and then a random or very long one.
    mutating func value() -> String {
        switch random.below(12) {
        case 0: return randomText(length: random.below(40))
        case 1: return String(repeating: random.pick(Self.hostile, or: "x"), count: 1 + random.below(200))
        case 2: return String(repeating: "A", count: random.oneIn(4) ? 200_000 : 10_000)
        case 3: return "\(Int64(bitPattern: random.next()))"
        default: return random.pick(Self.hostile, or: "")
        }
    }

    /// `text` changed by one mutation: replaced, appended to, cut, repeated or given a hostile insert.
    mutating func mutate(_ text: String) -> String {
        switch random.below(7) {
        case 0, 1: return value()
        case 2: return text + value()
        case 3: return value() + text
        case 4:
            let scalars = Array(text.unicodeScalars)
            let at = random.below(scalars.count + 1)
            return String(String.UnicodeScalarView(scalars[..<at])) + value() + String(String.UnicodeScalarView(scalars[at...]))
        case 5: return String(text.prefix(random.below(text.count + 1)))
        default: return String(repeating: text, count: 2 + random.below(50))
        }
    }

    /// Random scalars from ASCII, controls, Latin, Hangul, emoji and specials.
    mutating func randomText(length: Int) -> String {
        var out = String.UnicodeScalarView()
        for _ in 0..<length {
            let ranges: [ClosedRange<UInt32>] = [0x00...0x1F, 0x20...0x7E, 0x20...0x7E, 0x80...0x2FF, 0xAC00...0xD7A3, 0x1F600...0x1F64F, 0xFFF0...0xFFFF, 0x200B...0x202E]
            let range = random.pick(ranges, or: 0x20...0x7E)
            let value = range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1))
            if let scalar = Unicode.Scalar(value) { out.append(scalar) }
        }
        return String(out)
    }

    /// A request path changed by one mutation: dot segments, doubled slashes, encoded bytes,
    /// hostile or very long segments, lost prefixes.
    mutating func mutatePath(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch random.below(12) {
        case 0: return path + "/.."
        case 1: return path.replacingOccurrences(of: "/", with: "//")
        case 2: return path + "/%2e%2e/%2e%2e/etc/passwd"
        case 3: return path + "/" + String(repeating: "x", count: random.oneIn(3) ? 100_000 : 2_000)
        case 4: return path + String(repeating: "/a", count: 1 + random.below(3_000))
        case 5: return path + "/"
        case 6: return path.uppercased()
        case 7: return random.pick(["", "/", "//", "?", "#", "*", "/%", "/\u{0}", "partners", "/partners/../help", "/help/./x"], or: "")
        case 8:
            if segments.count > 1 { segments[segments.count - 1] = value() }
            return segments.joined(separator: "/")
        case 9:
            segments.insert(value(), at: random.below(segments.count + 1))
            return segments.joined(separator: "/")
        case 10: return path + "/" + percentEncoded(value())
        default: return path + "/_action/" + random.pick(["askQuestion", "registerLead", "submitCase", "articleVote", "x"], or: "x")
        }
    }

    /// A query dictionary changed by one mutation, using parameter names seen in links plus common ones.
    mutating func mutateQuery(_ query: [String: String], names: [String]) -> [String: String] {
        var query = query
        let common = ["q", "page", "limit", "offset", "sort", "topic", "category", "filter", "id", "locale", "status", "view", "order"]
        let name = random.oneIn(5) ? value() : random.pick(names + common, or: "q")
        switch random.below(4) {
        case 0: query[name] = value()
        case 1: if let key = query.keys.sorted().first { query[key] = mutate(query[key] ?? "") } else { query[name] = value() }
        case 2: query = [:]
        default:
            for _ in 0..<(1 + random.below(20)) { query[random.pick(names + common, or: "q")] = value() }
        }
        return query
    }

    /// `text` with every byte outside the unreserved set percent-encoded.
    func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
