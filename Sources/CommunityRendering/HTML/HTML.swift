/// A markup template written as a string literal, with interpolations escaped:
///
/// ```swift
/// let greeting: HTML = "<p class=\"hello\">Hello, \(user.name)</p>"
/// ```
///
/// The literal parts are `StaticString`, so runtime text can enter only through an
/// interpolation, which escapes it. Nodes and ``TrustedHTML`` interpolate unchanged.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup built so far.
    public private(set) var markup: String

    /// A template without interpolations.
    public init(stringLiteral value: StaticString) { self.markup = value.description }

    /// A template with interpolations.
    public init(stringInterpolation: Interpolation) { self.markup = stringInterpolation.markup }

    /// The template as a node.
    public var node: HTMLNode { .trusted(TrustedHTML(uncheckedMarkup: markup)) }

    /// Collects literal segments and escaped interpolations.
    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        /// Reserves space.
        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// A literal segment of the template.
        public mutating func appendLiteral(_ literal: StaticString) { markup += literal.description }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) { HTMLEscaping.append(text, to: &markup) }

        /// A number or other description, escaped.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            HTMLEscaping.append(value.description, to: &markup)
        }

        /// A node, rendered (its text escaped).
        public mutating func appendInterpolation(_ node: HTMLNode) { node.render(into: &markup) }

        /// A checked URL, escaped for an attribute.
        public mutating func appendInterpolation(_ url: SafeURL) { HTMLEscaping.append(url.string, to: &markup) }

        /// Trusted markup, unchanged.
        public mutating func appendInterpolation(_ html: TrustedHTML) { markup += html.markup }
    }
}
