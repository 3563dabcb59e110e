/// Finds executable content in HTML, reading it roughly as a browser's tokenizer would:
/// comments, raw-text elements (`script`, `style`, `textarea`, `title`, …), attributes in every
/// quoting style and character references inside attribute values.
///
/// Flags `<script>` (except `type="application/ld+json"` whose content cannot end or escape the
/// element early), `on…` attributes, `javascript:`/`vbscript:`/`data:` URLs in `href`, `src`,
/// `action`, `formaction`, `xlink:href`, `srcset` and similar attributes (a `data:image/…` `src`
/// on `<img>` passes when `allowDataImages` is set), `iframe`, `frame`, `object`, `embed`,
/// `applet` and `base` elements, `<meta http-equiv="refresh">`, and `expression(` or
/// `url(javascript:` in `style` attributes and `<style>` elements.
///
/// ```swift
/// let findings = ExecutableContentChecker.findings(in: response.body)
/// ```
public enum ExecutableContentChecker {
    /// Attributes whose value is a URL a browser loads or navigates to.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "lowsrc", "dynsrc",
        "data", "codebase", "cite", "longdesc", "ping", "manifest", "icon",
    ]
    /// Elements whose content is text up to their end tag.
    static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]
    /// Elements that embed other documents or change where relative URLs point.
    static let embeddingElements: Set<String> = ["iframe", "frame", "object", "embed", "applet", "base"]

    /// Every piece of executable content in `html`, in document order.
    public static func findings(in html: String, allowDataImages: Bool = false) -> [ExecutableContentFinding] {
        var found: [ExecutableContentFinding] = []
        scan(html) { name, attributes, isEnd, rawText in
            guard !isEnd else { return }
            let excerpt = "<" + name + attributes.map { " \($0.name)=\"\($0.value.prefix(60))\"" }.joined() + ">"
            check(element: name, attributes: attributes, excerpt: excerpt, allowDataImages: allowDataImages, into: &found)
            if let rawText {
                checkRawText(element: name, attributes: attributes, content: rawText, excerpt: excerpt, into: &found)
            }
        }
        return found
    }

    /// Reads `html` tag by tag as a browser's tokenizer would, calling `visit` with each
    /// element name, its decoded attributes, whether it is an end tag, and (for raw-text
    /// elements) the text up to its end tag.
    static func scan(
        _ html: String, visit: (String, [(name: String, value: String)], Bool, String?) -> Void
    ) {
        var reader = Reader(Array(html.unicodeScalars))
        var foreignDepth = 0  // inside <svg> or <math>, where CDATA sections are text
        while let c = reader.peek() {
            guard c == "<" else {
                reader.advance()
                continue
            }
            if reader.hasPrefix("<!--") {
                reader.skipComment()
            } else if reader.hasPrefix("<![CDATA[") && foreignDepth > 0 {
                reader.skip(past: "]]>")
            } else if reader.hasPrefix("<!") || reader.hasPrefix("<?") {
                reader.skip(past: ">")  // a bogus comment ends at the first `>`
            } else if reader.hasPrefix("</"), let next = reader.peek(2), next.properties.isAlphabetic && next.isASCII {
                reader.advance(2)
                let name = reader.tagName()
                if name == "svg" || name == "math" { foreignDepth = max(0, foreignDepth - 1) }
                let (attributes, _) = reader.attributes()
                visit(name, attributes, true, nil)
            } else if reader.hasPrefix("</") {
                reader.skip(past: ">")  // `</` not followed by a letter is a bogus comment
            } else if let next = reader.peek(1), next.properties.isAlphabetic && next.isASCII {
                reader.advance()
                let name = reader.tagName()
                let (attributes, selfClosing) = reader.attributes()
                if (name == "svg" || name == "math") && !selfClosing { foreignDepth += 1 }
                var rawText: String?
                if rawTextElements.contains(name) && !(selfClosing && foreignDepth > 0) {
                    rawText = reader.rawText(until: name)
                }
                visit(name, attributes, false, rawText)
                if name == "plaintext" { return }
            } else {
                reader.advance()
            }
        }
    }

    private static func check(
        element: String, attributes: [(name: String, value: String)], excerpt: String, allowDataImages: Bool,
        into found: inout [ExecutableContentFinding]
    ) {
        func add(_ rule: ExecutableContentFinding.Rule) {
            found.append(ExecutableContentFinding(rule: rule, element: element, excerpt: excerpt))
        }
        if embeddingElements.contains(element) { add(.embeddingElement) }
        if element == "meta", attributes.contains(where: { $0.name == "http-equiv" && trimmed($0.value).lowercased() == "refresh" }) {
            add(.metaRefresh)
        }
        for (name, value) in attributes {
            if name.hasPrefix("on") && name.count > 2 { add(.eventHandler) }
            if name == "style" && styleRunsScript(value) { add(.scriptInStyle) }
            if urlAttributes.contains(name) {
                let urls = name == "srcset" ? srcsetURLs(value) : [value]
                for url in urls where isUnsafe(url, imageSource: allowDataImages && element == "img" && name != "srcset") {
                    add(.unsafeURL)
                }
            }
        }
    }

    private static func checkRawText(
        element: String, attributes: [(name: String, value: String)], content: String, excerpt: String,
        into found: inout [ExecutableContentFinding]
    ) {
        switch element {
        case "script":
            let type = attributes.first { $0.name == "type" }.map { trimmed($0.value).lowercased() }
            let lower = content.lowercased()
            let inert = type == "application/ld+json" && !lower.contains("<!--") && !lower.contains("<script") && !lower.contains("</script")
            if !inert {
                found.append(ExecutableContentFinding(rule: .script, element: element, excerpt: excerpt + String(content.prefix(80))))
            }
        case "style":
            if styleRunsScript(content) {
                found.append(ExecutableContentFinding(rule: .scriptInStyle, element: element, excerpt: String(content.prefix(120))))
            }
        default:
            break
        }
    }

    /// Whether a URL, as a browser reads its scheme, is `javascript:`, `vbscript:` or `data:`
    /// (a `data:image/…` URL passes when `imageSource` is set).
    static func isUnsafe(_ url: String, imageSource: Bool) -> Bool {
        let normalised = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        if normalised.hasPrefix("javascript:") || normalised.hasPrefix("vbscript:") { return true }
        if normalised.hasPrefix("data:") { return !(imageSource && normalised.hasPrefix("data:image/")) }
        return false
    }

    /// The URLs of a `srcset` value: the first word of each comma-separated candidate.
    static func srcsetURLs(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init)
        }
    }

    /// Whether CSS text calls `expression(` or loads a `javascript:` URL, after removing comments,
    /// escapes and white space.
    static func styleRunsScript(_ css: String) -> Bool {
        // Drop /* comments */ (an unterminated one runs to the end).
        var text = String.UnicodeScalarView()
        let scalars = Array(css.lowercased().unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "/", i + 1 < scalars.count, scalars[i + 1] == "*" {
                i += 2
                while i < scalars.count, !(scalars[i] == "*" && i + 1 < scalars.count && scalars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            text.append(scalars[i])
            i += 1
        }
        let ignored: Set<Unicode.Scalar> = ["\\", "\"", "'"]
        let kept = text.filter { (scalar: Unicode.Scalar) -> Bool in scalar.value > 0x20 && !ignored.contains(scalar) }
        let compact = String(String.UnicodeScalarView(kept))
        let markers = ["expression(", "url(javascript:", "url(vbscript:", "-moz-binding", "behavior:"]
        return markers.contains { compact.contains($0) }
    }

    static func trimmed(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// A cursor over the scalars of a document.
private struct Reader {
    let s: [Unicode.Scalar]
    var index = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < s.count ? s[i] : nil
    }

    mutating func advance(_ n: Int = 1) { index = min(s.count, index + n) }

    /// Whether the text at the cursor starts with `prefix`, ignoring ASCII case.
    func hasPrefix(_ prefix: String, at position: Int? = nil) -> Bool {
        var i = position ?? index
        for p in prefix.unicodeScalars {
            guard i < s.count, Reader.lower(s[i]) == Reader.lower(p) else { return false }
            i += 1
        }
        return true
    }

    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32) ?? c : c
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }

    /// Moves past the next `terminator`, or to the end.
    mutating func skip(past terminator: String) {
        while index < s.count {
            if hasPrefix(terminator) {
                advance(terminator.unicodeScalars.count)
                return
            }
            index += 1
        }
    }

    /// Skips a comment starting at `<!--`: it ends at `-->` or `--!>`, or at once as `<!-->` / `<!--->`.
    mutating func skipComment() {
        advance(4)
        if hasPrefix(">") { return advance() }
        if hasPrefix("->") { return advance(2) }
        while index < s.count {
            if hasPrefix("-->") { return advance(3) }
            if hasPrefix("--!>") { return advance(4) }
            index += 1
        }
    }

    /// A tag name, lowercased, up to white space, `/` or `>`.
    mutating func tagName() -> String {
        var name = String.UnicodeScalarView()
        while let c = peek(), !Reader.isSpace(c), c != "/", c != ">" {
            name.append(Reader.lower(c))
            index += 1
        }
        return String(name)
    }

    /// The attributes of a tag up to its `>`, names lowercased and values with character
    /// references decoded; and whether the tag ended with `/>`.
    mutating func attributes() -> (attributes: [(name: String, value: String)], selfClosing: Bool) {
        var out: [(name: String, value: String)] = []
        var selfClosing = false
        while let c = peek() {
            if c == ">" {
                index += 1
                return (out, selfClosing)
            }
            if Reader.isSpace(c) {
                index += 1
                continue
            }
            if c == "/" {
                index += 1
                selfClosing = peek() == ">"
                continue
            }
            selfClosing = false
            var name = String.UnicodeScalarView([Reader.lower(c)])
            index += 1
            while let c = peek(), !Reader.isSpace(c), c != "/", c != ">", c != "=" {
                name.append(Reader.lower(c))
                index += 1
            }
            while let c = peek(), Reader.isSpace(c) { index += 1 }
            var value = ""
            if peek() == "=" {
                index += 1
                while let c = peek(), Reader.isSpace(c) { index += 1 }
                if let quote = peek(), quote == "\"" || quote == "'" {
                    index += 1
                    let start = index
                    while let c = peek(), c != quote { index += 1 }
                    value = String(String.UnicodeScalarView(s[start..<index]))
                    advance()
                } else {
                    let start = index
                    while let c = peek(), !Reader.isSpace(c), c != ">" { index += 1 }
                    value = String(String.UnicodeScalarView(s[start..<index]))
                }
            }
            out.append((String(name), EntityDecoder.decode(value)))
        }
        return (out, selfClosing)
    }

    /// The text up to `</name` (or the end), leaving the cursor at the end tag.
    mutating func rawText(until name: String) -> String {
        let start = index
        while index < s.count {
            if s[index] == "<", hasPrefix("</" + name) {
                let after = peek(2 + name.unicodeScalars.count)
                if after.map({ Reader.isSpace($0) || $0 == "/" || $0 == ">" }) ?? true { break }
            }
            index += 1
        }
        return String(String.UnicodeScalarView(s[start..<index]))
    }

}
