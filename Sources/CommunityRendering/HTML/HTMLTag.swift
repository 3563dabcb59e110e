/// An element name. Names come only from string literals in code, never from input.
public struct HTMLTag: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The lower-case element name.
    public let name: String
    /// Whether the element has no end tag (`br`, `img`, `input`, `meta`, `link`, …).
    public let isVoid: Bool

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// An element name from a literal such as `"div"`.
    public init(stringLiteral value: StaticString) {
        let name = value.description
        precondition(  // trap-safe: element names are StaticString literals of our code, never request data
            !name.isEmpty && name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) },
            "element names are lower-case letters and digits")
        self.name = name
        self.isVoid = Self.voidElements.contains(name)
    }
}
