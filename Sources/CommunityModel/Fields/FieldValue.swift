public import Foundation

/// A typed field value: what a standard or custom field of a record holds.
///
/// Values compare within their kind, so sharing-rule criteria and store indexes can
/// test `==` and order ranges without converting through strings.
public enum FieldValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Free text.
    case text(String)
    /// A number.
    case number(Double)
    /// A money amount, exact.
    case currency(Decimal)
    /// A calendar day.
    case date(Day)
    /// A date and time.
    case dateTime(Date)
    /// A checkbox.
    case checkbox(Bool)
    /// One of a picklist's allowed values.
    case picklist(String)
    /// The string id of another record.
    case reference(String)

    /// The value as text, for criteria that compare with a literal.
    public var description: String {
        switch self {
        case .text(let s), .picklist(let s), .reference(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .currency(let d): "\(d)"
        case .date(let d): d.description
        case .dateTime(let t): ISO8601DateFormatter().string(from: t)
        case .checkbox(let b): b ? "true" : "false"
        }
    }

    /// A short name of the value's kind, used in error messages.
    public var kindName: String {
        switch self {
        case .text: "text"
        case .number: "number"
        case .currency: "currency"
        case .date: "date"
        case .dateTime: "dateTime"
        case .checkbox: "checkbox"
        case .picklist: "picklist"
        case .reference: "reference"
        }
    }

    /// Orders two values of the same kind; values of different kinds order by kind name.
    public static func ordered(_ lhs: FieldValue, _ rhs: FieldValue) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)), (.picklist(let a), .picklist(let b)),
             (.reference(let a), .reference(let b)):
            return a < b
        case (.number(let a), .number(let b)): return a < b
        case (.currency(let a), .currency(let b)): return a < b
        case (.date(let a), .date(let b)): return a < b
        case (.dateTime(let a), .dateTime(let b)): return a < b
        case (.checkbox(let a), .checkbox(let b)): return !a && b
        default: return lhs.kindName < rhs.kindName
        }
    }
}

extension FieldValue {
    /// The keys of the stored form, which is the one Swift synthesises for this enum:
    /// `{"<case>": {"_0": <value>}}`.
    private enum Kind: String, CodingKey, CaseIterable {
        case text, number, currency, date, dateTime, checkbox, picklist, reference
    }

    private enum Payload: String, CodingKey {
        case _0
    }

    /// Decodes the synthesised form, looking up each case by name instead of listing every
    /// key (which builds a string per key): the stores decode one per custom field value.
    ///
    /// - Throws: `DecodingError.typeMismatch` unless exactly one known case key is present;
    ///   the payload's own `DecodingError` otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        var found: Kind?
        for kind in Kind.allCases where container.contains(kind) {
            guard found == nil else {
                throw DecodingError.typeMismatch(
                    FieldValue.self,
                    DecodingError.Context(codingPath: container.codingPath, debugDescription: "Invalid number of keys found, expected one."))
            }
            found = kind
        }
        guard let kind = found else {
            throw DecodingError.typeMismatch(
                FieldValue.self,
                DecodingError.Context(codingPath: container.codingPath, debugDescription: "Invalid number of keys found, expected one."))
        }
        let payload = try container.nestedContainer(keyedBy: Payload.self, forKey: kind)
        switch kind {
        case .text: self = .text(try payload.decode(String.self, forKey: ._0))
        case .number: self = .number(try payload.decode(Double.self, forKey: ._0))
        case .currency: self = .currency(try payload.decode(Decimal.self, forKey: ._0))
        case .date: self = .date(try payload.decode(Day.self, forKey: ._0))
        case .dateTime: self = .dateTime(try payload.decode(Date.self, forKey: ._0))
        case .checkbox: self = .checkbox(try payload.decode(Bool.self, forKey: ._0))
        case .picklist: self = .picklist(try payload.decode(String.self, forKey: ._0))
        case .reference: self = .reference(try payload.decode(String.self, forKey: ._0))
        }
    }
}
