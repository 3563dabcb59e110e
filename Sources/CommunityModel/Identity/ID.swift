import Foundation

/// A typed identifier: an `ID<Account>` cannot be passed where an `ID<Case>` is wanted.
///
/// The stable string form (``rawValue``) is what URLs and JSON carry. It is 1 to 64
/// characters of ASCII letters, digits, `_`, `-`, `.` and `:` so that it is safe in a
/// path segment, an HTML attribute and an SQL parameter alike.
public struct ID<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The stable string form of the identifier.
    public let rawValue: String

    /// Wraps a string the caller knows to be valid (for example one this library generated).
    ///
    /// - Precondition: `rawValue` is a valid identifier (see ``isValid(_:)``).
    public init(_ rawValue: String) {
        precondition(Self.isValid(rawValue), "invalid identifier \(rawValue.debugDescription)")  // trap-safe: the documented contract; outside text goes through init(parsing:) or init(sanitizing:)
        self.rawValue = rawValue
    }

    /// Parses untrusted text (a URL segment, a form field) into an identifier.
    ///
    /// - Throws: ``ValidationError`` with reason ``ValidationError/Reason/invalidIdentifier`` when
    ///   the text is empty, too long or holds characters outside the identifier alphabet.
    public init(parsing text: String) throws(ValidationError) {
        guard Self.isValid(text) else {
            throw ValidationError(field: "id", reason: .invalidIdentifier(text.prefix(80).description))
        }
        self.rawValue = text
    }

    /// A fresh random identifier with the given prefix, such as `acc_3f9a…`: the prefix, `_`
    /// and 20 lowercase hexadecimal digits holding 80 bits from the system's cryptographic
    /// random generator.
    ///
    /// - Precondition: the result is a valid identifier (the prefix uses the identifier
    ///   alphabet and is at most 43 characters).
    public static func generate(prefix: String = "id") -> ID {
        ID(sanitizing: RandomIDSource.identifier(prefix: prefix))
    }

    /// An identifier made from any text without trapping: characters outside the identifier
    /// alphabet become `_`, the text is cut to 64 characters, and empty text becomes `_`.
    /// Use it for keys derived from names; use ``init(parsing:)`` to refuse bad input instead.
    public init(sanitizing text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, 64))
        for scalar in text.unicodeScalars {
            guard bytes.count < 64 else { break }
            let allowed = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_-.:".unicodeScalars.contains(scalar))
            bytes.append(allowed ? UInt8(truncatingIfNeeded: scalar.value) : UInt8(ascii: "_"))
        }
        self.rawValue = bytes.isEmpty ? "_" : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` is a well-formed identifier.
    public static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 64 else { return false }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                 UInt8(ascii: "."), UInt8(ascii: ":"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// The same identifier viewed as another entity's (for storage code that keys by string).
    public func retyped<Other>(as _: Other.Type = Other.self) -> ID<Other> {
        ID<Other>(uncheckedRawValue: rawValue)
    }

    init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }

    public var description: String { rawValue }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ID: Codable {
    /// Decodes the bare string form, rejecting malformed identifiers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid identifier \(text.prefix(80).debugDescription)")
        }
        self.rawValue = text
    }

    /// Encodes the bare string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension ID: ExpressibleByStringLiteral {
    /// Identifiers written in source code, such as `let acme: ID<Account> = "acme"`.
    public init(stringLiteral value: StaticString) {
        self.init(value.description)
    }
}
