/// The stable identifier of a component type, such as `"community.richText"` or `"acme.quote"`.
/// Encoded as a bare string. The `vendor.name` form keeps a host's types apart from the built-ins.
public struct ComponentType: Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The identifier text.
    public let rawValue: String

    /// A type identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A type identifier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Whether the identifier has the `vendor.name` form of letters, digits and `-`.
    public var isWellFormed: Bool {
        let parts = rawValue.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }

    public var description: String { rawValue }
    public static func < (lhs: ComponentType, rhs: ComponentType) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
