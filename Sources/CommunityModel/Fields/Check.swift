public import Foundation

/// Small validation helpers shared by the entities' `validate()` methods.
///
/// The checks run on every store write, so they avoid allocating: text is scanned as UTF-8
/// bytes, and characters are counted only when the byte count could exceed the limit.
public enum Check {
    /// The largest magnitude a decimal (a money amount) may have: 10¹⁵, a quadrillion.
    public static let maximumDecimalMagnitude = Decimal(sign: .plus, exponent: 15, significand: 1)
    /// The largest magnitude a custom number field may have: 10¹⁵.
    public static let maximumNumberMagnitude = 1e15
    /// The longest text (in UTF-8 bytes) any stored field may hold when its type declares no
    /// tighter limit: 1 MiB.
    public static let maximumTextBytes = 1_048_576
    /// The longest text value of a custom field without a declared limit, in characters.
    public static let maximumCustomTextLength = 131_072

    /// Requires non-blank text (unless `required` is false) of at most `max` characters,
    /// without control characters other than tab, line feed and carriage return.
    public static func text(_ value: String, field: String, max: Int, required: Bool = true) throws(ValidationError) {
        let sawVisibleASCII = try scan(value, field: field)
        // Only text without a visible ASCII character needs the (slower) Unicode white-space test.
        if required, !sawVisibleASCII, value.allSatisfy(\.isWhitespace) {
            throw ValidationError(field: field, reason: .required)
        }
        // A character is at least one UTF-8 byte, so counting characters (which walks
        // grapheme clusters) is needed only when the byte count is over the limit.
        if value.utf8.count > max {
            let count = value.count
            if count > max { throw ValidationError(field: field, reason: .tooLong(limit: max, actual: count)) }
        }
    }

    /// Like ``text(_:field:max:required:)`` for an optional, never-required field; `nil` passes.
    public static func optionalText(_ value: String?, field: String, max: Int) throws(ValidationError) {
        guard let value else { return }
        try text(value, field: field, max: max, required: false)
    }

    /// Rejects text with a C0 control character other than tab, line feed and carriage return
    /// (NUL among them), and text over ``maximumTextBytes``.
    public static func plainText(_ value: String, field: String) throws(ValidationError) {
        _ = try scan(value, field: field)
    }

    /// One pass over the UTF-8 bytes: rejects control characters and text over
    /// ``maximumTextBytes``; returns whether an ASCII character other than white space was seen.
    private static func scan(_ value: String, field: String) throws(ValidationError) -> Bool {
        let utf8 = value.utf8
        if utf8.count > maximumTextBytes {
            throw ValidationError(field: field, reason: .tooLong(limit: maximumTextBytes, actual: utf8.count))
        }
        var visible = false
        var offset = 0
        for byte in utf8 {
            if byte < 0x20 {
                if byte != 0x09, byte != 0x0A, byte != 0x0D {
                    throw ValidationError(field: field, reason: .invalidValue(controlCharacterMessage(byte, offset)))
                }
            } else if byte > 0x20, byte < 0x7F {
                visible = true
            }
            offset += 1
        }
        return visible
    }

    static func controlCharacterMessage(_ byte: UInt8, _ offset: Int) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) at byte \(offset)"
    }

    /// Requires a finite decimal (not NaN) whose magnitude is at most ``maximumDecimalMagnitude``.
    public static func decimal(_ value: Decimal, field: String) throws(ValidationError) {
        guard value.isFinite else {
            throw ValidationError(field: field, reason: .invalidValue("not a finite number"))
        }
        if value.magnitude > maximumDecimalMagnitude {
            throw ValidationError(field: field, reason: .outOfRange("magnitude above 1e15"))
        }
    }

    /// Requires a finite number.
    public static func finite(_ value: Double, field: String) throws(ValidationError) {
        guard value.isFinite else {
            throw ValidationError(field: field, reason: .invalidValue("not a finite number"))
        }
    }

    /// Checks a custom or standard field value on its own, without a schema: text without
    /// control characters of at most ``maximumCustomTextLength`` characters, picklist values and
    /// references of at most 255, numbers finite and at most ``maximumNumberMagnitude`` in
    /// magnitude, amounts as ``decimal(_:field:)``, finite date-times.
    public static func value(_ value: FieldValue, field: String) throws(ValidationError) {
        switch value {
        case .text(let s): try text(s, field: field, max: maximumCustomTextLength, required: false)
        case .picklist(let s), .reference(let s): try text(s, field: field, max: 255, required: false)
        case .number(let n):
            try finite(n, field: field)
            if abs(n) > maximumNumberMagnitude {
                throw ValidationError(field: field, reason: .outOfRange("magnitude above 1e15"))
            }
        case .currency(let d): try decimal(d, field: field)
        case .dateTime(let t): try finite(t.timeIntervalSinceReferenceDate, field: field)
        case .date, .checkbox: return
        }
    }

    /// Checks every custom field value of a record with ``value(_:field:)``, and that each
    /// name is a well-formed field name; the error names the field as `Object.Name`.
    public static func customFields(_ values: CustomFieldValues, object: EntityType) throws(ValidationError) {
        for entry in values {
            guard ID<Never>.isValid(entry.name) else {
                throw ValidationError(field: "\(object).\(entry.name.prefix(64))", reason: .invalidIdentifier(entry.name))
            }
            do {
                try value(entry.value, field: entry.name)
            } catch {
                throw ValidationError(field: "\(object).\(entry.name)", reason: error.reason)
            }
        }
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
