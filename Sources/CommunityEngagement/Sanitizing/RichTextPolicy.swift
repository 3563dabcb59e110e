/// The allowlist a ``RichTextSanitizer`` enforces: which elements survive, which attributes
/// each may keep, and the size limits.
///
/// Everything not listed is removed: unknown elements lose their tags but keep their text;
/// elements in ``droppedWithContent`` lose their content too. Attribute values that are
/// URLs (``urlAttributes``) must pass ``SafeLink``.
public struct RichTextPolicy: Sendable, Hashable {
    /// Allowed element names mapped to the attributes each may keep.
    public var elements: [String: Set<String>]
    /// Elements removed together with everything inside them.
    public var droppedWithContent: Set<String>
    /// Attributes whose values are URLs and must be safe links.
    public var urlAttributes: Set<String>
    /// The longest input accepted, in characters.
    public var maxLength: Int
    /// How deeply allowed elements may nest; deeper tags are dropped (their text is kept).
    public var maxDepth: Int

    /// Creates a policy.
    public init(
        elements: [String: Set<String>], droppedWithContent: Set<String>, urlAttributes: Set<String>,
        maxLength: Int, maxDepth: Int
    ) {
        self.elements = elements
        self.droppedWithContent = droppedWithContent
        self.urlAttributes = urlAttributes
        self.maxLength = maxLength
        self.maxDepth = maxDepth
    }

    /// Elements that never have content or an end tag.
    static let voidElements: Set<String> = ["br", "hr", "img"]

    /// Formatting, lists, quotes, code, headings, links and images; no scripts, styles,
    /// frames, forms, event handlers or `style`/`class` attributes.
    public static let standard = RichTextPolicy(
        elements: [
            "p": [], "br": [], "hr": [], "b": [], "strong": [], "i": [], "em": [], "u": [], "s": [], "strike": [],
            "sub": [], "sup": [], "ul": [], "ol": [], "li": [], "blockquote": [], "code": [], "pre": [],
            "h2": [], "h3": [], "h4": [], "span": [],
            "a": ["href", "title"],
            "img": ["src", "alt", "title", "width", "height"],
        ],
        droppedWithContent: [
            "script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select", "svg",
            "math", "title", "head", "xmp", "noembed", "noframes", "frameset", "frame", "applet", "base", "link",
            "meta", "form", "button", "input", "option", "plaintext",
        ],
        urlAttributes: ["href", "src"],
        maxLength: 100_000,
        maxDepth: 40
    )
}
