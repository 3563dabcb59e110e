/// A value that breaks a rule: names the field and says what is wrong.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why a value was rejected.
    public enum Reason: Hashable, Sendable {
        /// A required field has no value (or only white space).
        case required
        /// Text longer than the field allows.
        case tooLong(limit: Int, actual: Int)
        /// A value of the wrong kind for the field's type.
        case wrongType(expected: String, actual: String)
        /// A picklist value that is not among the allowed ones.
        case notInPicklist(String, allowed: [String])
        /// A reference to a record that does not exist.
        case unknownReference(String)
        /// A field the object's schema does not declare.
        case unknownField
        /// An identifier with characters or a length outside the identifier rules.
        case invalidIdentifier(String)
        /// A number outside the allowed range.
        case outOfRange(String)
        /// Any other malformed value, with an explanation.
        case invalidValue(String)
    }

    /// The field (or parameter) that was rejected, such as `Case.Subject` or `Budget__c`.
    public var field: String
    /// What is wrong with it.
    public var reason: Reason

    /// Creates a validation error.
    public init(field: String, reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .required: "\(field): a value is required"
        case .tooLong(let limit, let actual): "\(field): \(actual) characters, at most \(limit) allowed"
        case .wrongType(let expected, let actual): "\(field): expected \(expected), got \(actual)"
        case .notInPicklist(let value, let allowed):
            "\(field): \(value.debugDescription) is not one of \(allowed.joined(separator: ", "))"
        case .unknownReference(let id): "\(field): no record with id \(id.debugDescription)"
        case .unknownField: "\(field): no such field"
        case .invalidIdentifier(let text): "\(field): \(text.debugDescription) is not a valid identifier"
        case .outOfRange(let detail): "\(field): out of range (\(detail))"
        case .invalidValue(let detail): "\(field): \(detail)"
        }
    }
}
