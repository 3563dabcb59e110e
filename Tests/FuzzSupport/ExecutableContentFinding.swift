/// Something in an HTML document a browser could execute, found by ``ExecutableContentChecker``.
public struct ExecutableContentFinding: Sendable, Hashable, CustomStringConvertible {
    /// Which kind of executable content.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// A `<script>` that is not inert JSON-LD.
        case script
        /// An `on…` event-handler attribute.
        case eventHandler
        /// A `javascript:`, `vbscript:` or `data:` URL in an attribute a browser loads or follows.
        case unsafeURL
        /// An element that embeds or re-targets content: `iframe`, `frame`, `object`, `embed`, `applet`, `base`.
        case embeddingElement
        /// `<meta http-equiv="refresh">`.
        case metaRefresh
        /// CSS that runs script: `expression(` or `url(javascript:`.
        case scriptInStyle
    }

    /// The kind.
    public var rule: Rule
    /// The element involved.
    public var element: String
    /// A short excerpt of the offending markup.
    public var excerpt: String

    /// A finding.
    public init(rule: Rule, element: String, excerpt: String) {
        self.rule = rule
        self.element = element
        self.excerpt = excerpt
    }

    /// `rule <element>: excerpt`.
    public var description: String { "\(rule.rawValue) <\(element)>: \(excerpt)" }
}
