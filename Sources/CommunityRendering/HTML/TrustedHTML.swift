/// Markup emitted without escaping. It is created only from library constants, sanitiser
/// output, or a caller that explicitly says the markup is trusted.
public struct TrustedHTML: Sendable, Hashable {
    /// The markup.
    public let markup: String

    /// Markup from a string literal in code.
    public init(_ literal: StaticString) { self.markup = literal.description }

    /// Markup the caller vouches for: the output of a sanitiser, or markup the library built.
    /// Never pass user input here.
    public init(uncheckedMarkup markup: String) { self.markup = markup }
}
