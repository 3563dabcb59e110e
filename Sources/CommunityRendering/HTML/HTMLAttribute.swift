/// An attribute of an element: a name from a literal and a value that is escaped on output.
///
/// URL-bearing attributes (`href`, `src`, `action`, …) accept only a ``SafeURL``; event
/// handler attributes (`on…`) and `style` are not constructible at all.
public struct HTMLAttribute: Sendable, Hashable {
    /// The attribute's value.
    public enum Value: Sendable, Hashable {
        /// Text, escaped on output.
        case text(String)
        /// A URL checked by ``SafeURL``.
        case url(SafeURL)
        /// A boolean attribute that is present (`required`, `checked`).
        case present
    }

    /// The attribute name.
    public let name: String
    /// The value.
    public let value: Value

    /// Attribute names whose values browsers treat as URLs.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "cite", "srcset", "data", "background", "ping",
    ]

    /// A text attribute such as `class` or `aria-label`.
    public init(_ name: StaticString, _ value: String) {
        let name = Self.checkedName(name)
        precondition(!Self.urlAttributes.contains(name), "\(name) takes a SafeURL")  // trap-safe: names are StaticString literals of our code, never request data
        self.name = name
        self.value = .text(value)
    }

    /// A URL attribute such as `href` or `src`.
    public init(_ name: StaticString, url: SafeURL) {
        self.name = Self.checkedName(name)
        self.value = .url(url)
    }

    /// A boolean attribute such as `required`.
    public init(flag name: StaticString) {
        self.name = Self.checkedName(name)
        self.value = .present
    }

    private static func checkedName(_ name: StaticString) -> String {
        let text = name.description
        precondition(!text.isEmpty && !text.hasPrefix("on") && text != "style" && text != "srcdoc",  // trap-safe: names are StaticString literals of our code, never request data
                     "event handlers, style and srcdoc attributes are not allowed")
        precondition(text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })  // trap-safe: names are StaticString literals of our code, never request data
        return text
    }

    /// `class="…"`.
    public static func `class`(_ value: String) -> HTMLAttribute { HTMLAttribute("class", value) }
    /// `id="…"`.
    public static func id(_ value: String) -> HTMLAttribute { HTMLAttribute("id", value) }
    /// `href="…"` with a checked URL.
    public static func href(_ url: SafeURL) -> HTMLAttribute { HTMLAttribute("href", url: url) }

    func render(into out: inout String) {
        out += " "
        out += name
        switch value {
        case .present:
            return
        case .text(let text):
            out += "=\""
            HTMLEscaping.append(text, to: &out)
            out += "\""
        case .url(let url):
            out += "=\""
            HTMLEscaping.append(url.string, to: &out)
            out += "\""
        }
    }
}
