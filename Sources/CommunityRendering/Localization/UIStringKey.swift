/// The name of one piece of text the library prints (`signIn.submit`, `form.required`), looked up
/// in ``UIStrings`` for the viewer's locale. Hosts name their own keys the same way, for their
/// own components: `UIStringKey("acme.quote.title")`.
public struct UIStringKey: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The key as written in a table.
    public var rawValue: String

    /// A key.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A key.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A key from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Orders keys by their raw value.
    public static func < (lhs: UIStringKey, rhs: UIStringKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The raw value.
    public var description: String { rawValue }
}
