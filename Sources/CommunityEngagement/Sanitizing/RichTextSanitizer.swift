/// Cleans member-written HTML against a ``RichTextPolicy``.
///
/// The output is well-formed (every allowed element closed, in order), all text and attribute
/// values are re-escaped, links get `rel="nofollow noopener ugc"`, and nothing outside the
/// allowlist survives: no scripts, event attributes, `style`, frames or unsafe URLs.
public struct RichTextSanitizer: Sendable {
    /// The allowlist.
    public let policy: RichTextPolicy

    /// Creates a sanitiser; ``RichTextPolicy/standard`` by default.
    public init(policy: RichTextPolicy = .standard) { self.policy = policy }

    /// Cleans `input`.
    ///
    /// - Throws: ``RichTextError/tooLong(field:limit:actual:)`` past the policy's length.
    public func sanitize(_ input: String, field: String = "body") throws(RichTextError) -> SanitizedHTML {
        try clean(input, field: field, plainText: false).html
    }

    /// Cleans `input` and returns the result's ``plainText(_:)`` with it, read in the same pass
    /// (the write path needs both; this saves tokenizing the output again).
    func sanitizeWithPlainText(_ input: String, field: String = "body") throws(RichTextError) -> (html: SanitizedHTML, plainText: String) {
        let result = try clean(input, field: field, plainText: true)
        // The single pass mirrors `plainText` unless the output holds an element that
        // `plainText` or the tokenizer treats specially (a policy may allow one); then read
        // the output again.
        guard let plain = result.plain else { return (result.html, Self.plainText(result.html.html)) }
        return (result.html, plain.trimmingWhitespace())
    }

    /// The sanitiser proper; with `plainText`, also collects the text of the output as
    /// ``plainText(_:)`` would read it back (decoded text, a line break before block elements),
    /// or `nil` when it kept an element whose content that reading would treat specially.
    private func clean(_ input: String, field: String, plainText: Bool) throws(RichTextError) -> (html: SanitizedHTML, plain: String?) {
        var plain = ""
        var plainIsExact = plainText
        let count = input.unicodeScalars.count
        if count > policy.maxLength { throw .tooLong(field: field, limit: policy.maxLength, actual: count) }
        var out = ""
        out.reserveCapacity(input.utf8.count)
        var open: [String] = []
        var dropDepth = 0  // > 0 while inside an element dropped with its content
        var dropName: [String] = []
        for token in HTMLTokenizer.tokens(input) {
            switch token {
            case .ignorable:
                continue
            case .text(let text):
                if dropDepth == 0 {
                    out += CharacterReferences.escape(text)
                    // Escaping turns NUL into U+FFFD; reading the output back decodes the rest.
                    if plainIsExact { plain += text.contains("\u{0}") ? text.replacingNUL() : text }
                }
            case .start(let name, let attributes, let selfClosing):
                if policy.droppedWithContent.contains(name) {
                    if !selfClosing && !RichTextPolicy.voidElements.contains(name) {
                        dropDepth += 1
                        dropName.append(name)
                    }
                    continue
                }
                guard dropDepth == 0, let allowed = policy.elements[name] else { continue }
                let isVoid = RichTextPolicy.voidElements.contains(name)
                if !isVoid && open.count >= policy.maxDepth { continue }
                var kept: [(String, String)] = []
                for (attr, value) in attributes where allowed.contains(attr) {
                    if policy.urlAttributes.contains(attr) {
                        guard SafeLink.isSafe(value, allowMailto: name == "a") else { continue }
                    }
                    kept.append((attr, value))
                }
                if name == "img", !kept.contains(where: { $0.0 == "src" }) { continue }
                if plainIsExact {
                    if RichTextPolicy.standard.droppedWithContent.contains(name) || HTMLTokenizer.rawTextElements.contains(name) {
                        plainIsExact = false
                    } else if Self.blockElements.contains(name), !plain.isEmpty, !plain.hasSuffix("\n") {
                        plain += "\n"
                    }
                }
                out += "<" + name
                for (attr, value) in kept { out += " \(attr)=\"\(CharacterReferences.escape(value))\"" }
                if name == "a" { out += " rel=\"nofollow noopener ugc\"" }
                out += ">"
                if !isVoid { open.append(name) }
            case .end(let name):
                if dropDepth > 0 {
                    if dropName.last == name {
                        dropName.removeLast()
                        dropDepth -= 1
                    }
                    continue
                }
                guard let at = open.lastIndex(of: name) else { continue }
                while open.count > at { out += "</\(open.removeLast())>" }
            }
        }
        while let name = open.popLast() { out += "</\(name)>" }
        return (SanitizedHTML(trusted: out), plainIsExact ? plain : nil)
    }

    /// The text of `input` without any markup (for titles, search, notifications, e-mail and
    /// case descriptions); block elements and `<br>` become line breaks.
    public static func plainText(_ input: String) -> String {
        var out = ""
        var dropping = 0
        for token in HTMLTokenizer.tokens(input) {
            switch token {
            case .text(let t): if dropping == 0 { out += t }
            case .start(let name, _, let selfClosing):
                if RichTextPolicy.standard.droppedWithContent.contains(name) {
                    if !selfClosing { dropping += 1 }
                } else if blockElements.contains(name), !out.isEmpty, !out.hasSuffix("\n") {
                    out += "\n"
                }
            case .end(let name):
                if RichTextPolicy.standard.droppedWithContent.contains(name) {
                    dropping = max(0, dropping - 1)
                }
            case .ignorable: continue
            }
        }
        return out.trimmingWhitespace()
    }

    /// Elements that start a new line in ``plainText(_:)``.
    static let blockElements: Set<String> = ["p", "br", "li", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"]
}

extension String {
    /// The text with every NUL replaced by U+FFFD, as escaping does.
    func replacingNUL() -> String {
        var out = String.UnicodeScalarView()
        for c in unicodeScalars { out.append(c == "\u{0}" ? "\u{FFFD}" : c) }
        return String(out)
    }

    /// The text without leading and trailing white space and newlines.
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
