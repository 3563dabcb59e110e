/// A start or end tag read by ``ScannedTag/tags(in:)``, for crawling rendered pages.
public struct ScannedTag: Sendable, Hashable {
    /// The lowercased element name.
    public var name: String
    /// Attributes in source order, names lowercased, character references decoded.
    public var attributes: [Attribute]
    /// Whether this is an end tag.
    public var isEnd: Bool
    /// The text up to the end tag, for `textarea` and other raw-text elements.
    public var rawText: String?

    /// One attribute.
    public struct Attribute: Sendable, Hashable {
        /// The lowercased name.
        public var name: String
        /// The decoded value.
        public var value: String
    }

    /// The value of the first attribute called `name`.
    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// Every tag of `html` in document order (comments and raw text skipped).
    public static func tags(in html: String) -> [ScannedTag] {
        var out: [ScannedTag] = []
        ExecutableContentChecker.scan(html) { name, attributes, isEnd, rawText in
            out.append(ScannedTag(name: name, attributes: attributes.map { Attribute(name: $0.name, value: $0.value) }, isEnd: isEnd, rawText: rawText))
        }
        return out
    }
}
