import CommunityModel
import Foundation

/// The text an indexed value is looked up by: values that are equal (`==`) always get the
/// same key. Different values may share a key (numbers are keyed through `Double`); the
/// query checks every candidate with the real value, so a shared key costs only a
/// candidate, never a wrong answer.
enum IndexKey {
    static func of(_ value: FieldValue) -> String {
        switch value {
        case .text(let s): "t:" + canonical(s)
        case .picklist(let s): "p:" + canonical(s)
        case .reference(let s): "r:" + canonical(s)
        case .number(let n): "n:" + number(n)
        case .currency(let d): "c:" + number(NSDecimalNumber(decimal: d).doubleValue)
        case .date(let d): "d:" + d.description
        case .dateTime(let t): "T:" + number(t.timeIntervalSinceReferenceDate)
        case .checkbox(let b): b ? "b:1" : "b:0"
        }
    }

    private static func number(_ n: Double) -> String { n == 0 ? "0" : "\(n)" }

    /// NFC; ASCII text is already in it (and skips Foundation's conversion).
    private static func canonical(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s : s.precomposedStringWithCanonicalMapping
    }
}

/// The exact text form of an indexed value kept next to its key, read back for range
/// filters and ordering: a kind letter, a colon, then the payload. Numbers and moments keep
/// their exact bits, money its exact decimal text.
enum IndexValueCodec {
    static func encode(_ value: FieldValue) -> String {
        switch value {
        case .text(let s): "t:" + s
        case .picklist(let s): "p:" + s
        case .reference(let s): "r:" + s
        case .number(let n): "n:" + String(n.bitPattern, radix: 16)
        case .currency(let d): "c:" + d.description
        case .date(let d): "d:" + d.description
        case .dateTime(let t): "T:" + String(t.timeIntervalSinceReferenceDate.bitPattern, radix: 16)
        case .checkbox(let b): b ? "b:1" : "b:0"
        }
    }

    static func decode(_ text: String) -> FieldValue? {
        guard text.utf8.count >= 2, text.utf8.dropFirst().first == UInt8(ascii: ":") else { return nil }
        let payload = String(text.dropFirst(2))
        switch text.first {
        case "t": return .text(payload)
        case "p": return .picklist(payload)
        case "r": return .reference(payload)
        case "n": return UInt64(payload, radix: 16).map { .number(Double(bitPattern: $0)) }
        case "c": return Decimal(string: payload, locale: Locale(identifier: "en_US_POSIX")).map(FieldValue.currency)
        case "d": return (try? Day(parsing: payload)).map(FieldValue.date)
        case "T": return UInt64(payload, radix: 16).map { .dateTime(Date(timeIntervalSinceReferenceDate: Double(bitPattern: $0))) }
        case "b": return payload == "1" ? .checkbox(true) : payload == "0" ? .checkbox(false) : nil
        default: return nil
        }
    }
}
