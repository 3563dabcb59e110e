import CommunityModel
import Foundation

/// The text an indexed value is looked up by: values that are equal (`==`) always get the
/// same key. Different values may share a key (numbers are keyed through `Double`); a
/// query checks every candidate with the real value, so a shared key costs a candidate,
/// never a wrong answer.
enum PostgresIndexKey {
    static func of(_ value: FieldValue) -> String {
        switch value {
        case .text(let s): "t:" + s.precomposedStringWithCanonicalMapping
        case .picklist(let s): "p:" + s.precomposedStringWithCanonicalMapping
        case .reference(let s): "r:" + s.precomposedStringWithCanonicalMapping
        case .number(let n): "n:" + number(n)
        case .currency(let d): "c:" + number(NSDecimalNumber(decimal: d).doubleValue)
        case .date(let d): "d:" + d.description
        case .dateTime(let t): "T:" + number(t.timeIntervalSinceReferenceDate)
        case .checkbox(let b): b ? "b:1" : "b:0"
        }
    }

    private static func number(_ n: Double) -> String { n == 0 ? "0" : "\(n)" }
}
