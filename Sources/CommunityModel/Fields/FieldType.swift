import Foundation

/// The declared type of a custom field.
public enum FieldType: Hashable, Sendable, Codable {
    /// Text of at most `maxLength` characters.
    case text(maxLength: Int)
    /// A number, optionally bounded.
    case number(min: Double? = nil, max: Double? = nil)
    /// A money amount.
    case currency
    /// A calendar day.
    case date
    /// A date and time.
    case dateTime
    /// A checkbox.
    case checkbox
    /// One of a fixed set of values.
    case picklist([String])
    /// A lookup to a record of the named entity type.
    case reference(EntityType)

    /// Checks that `value` fits this type, returning the reason when it does not.
    public func check(_ value: FieldValue) -> ValidationError.Reason? {
        switch (self, value) {
        case (.text(let limit), .text(let s)):
            let count = s.count
            return count > limit ? .tooLong(limit: limit, actual: count) : nil
        case (.number(let lo, let hi), .number(let n)):
            guard n.isFinite else { return .invalidValue("not a finite number") }
            if let lo, n < lo { return .outOfRange("\(n) < \(lo)") }
            if let hi, n > hi { return .outOfRange("\(n) > \(hi)") }
            return nil
        case (.currency, .currency(let amount)):
            guard amount.isFinite else { return .invalidValue("not a finite number") }
            return nil
        case (.dateTime, .dateTime(let time)):
            return time.timeIntervalSinceReferenceDate.isFinite ? nil : .invalidValue("not a finite date")
        case (.date, .date), (.checkbox, .checkbox):
            return nil
        case (.picklist(let allowed), .picklist(let s)):
            return allowed.contains(s) ? nil : .notInPicklist(s, allowed: allowed)
        case (.reference, .reference(let id)):
            return ID<Never>.isValid(id) ? nil : .invalidIdentifier(id)
        default:
            return .wrongType(expected: kindName, actual: value.kindName)
        }
    }

    /// A short name of the type, used in error messages and schema descriptions.
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
}
