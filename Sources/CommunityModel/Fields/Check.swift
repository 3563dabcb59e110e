/// Small validation helpers shared by the entities' `validate()` methods.
public enum Check {
    /// Requires non-blank text (unless `required` is false) of at most `max` characters.
    public static func text(_ value: String, field: String, max: Int, required: Bool = true) throws(ValidationError) {
        if required, value.allSatisfy(\.isWhitespace) {
            throw ValidationError(field: field, reason: .required)
        }
        let count = value.count
        if count > max { throw ValidationError(field: field, reason: .tooLong(limit: max, actual: count)) }
    }

    /// Requires a plausible e-mail address: one `@`, a non-empty local part, a dotted domain,
    /// no white space or angle brackets, at most 254 characters.
    public static func email(_ value: String, field: String) throws(ValidationError) {
        try text(value, field: field, max: 254)
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let bad = value.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !bad
        else {
            throw ValidationError(field: field, reason: .invalidValue("\(value.prefix(80).debugDescription) is not an e-mail address"))
        }
    }
}
