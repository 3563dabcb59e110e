/// A small, tolerant HTML tokenizer: it never fails, reads malformed markup the way browsers
/// broadly do (unclosed tags and quotes, stray `<`, comments without an end), and hands the
/// sanitiser decoded text and attributes.
///
/// Elements whose content browsers do not parse as markup (`script`, `style`, `textarea`, …)
/// are read as one raw run up to their end tag, so `<script>"</script>"` cannot smuggle a tag.
struct HTMLTokenizer {
    /// Elements whose content is raw text up to the matching end tag.
    static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ input: String) { scalars = Array(input.unicodeScalars) }

    /// Reads every token.
    static func tokens(_ input: String) -> [HTMLToken] {
        var tokenizer = HTMLTokenizer(input)
        var out: [HTMLToken] = []
        while let token = tokenizer.next() { out.append(token) }
        return out
    }

    private func at(_ i: Int) -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z")
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}"
    }

    /// The next token, or `nil` at the end.
    mutating func next() -> HTMLToken? {
        guard index < scalars.count else { return nil }
        if scalars[index] == "<" {
            let n = at(index + 1)
            if let n, Self.isLetter(n) { return startTag() }
            if n == "/", let m = at(index + 2), Self.isLetter(m) { return endTag() }
            if n == "/", at(index + 2) == ">" {
                index += 3
                return .ignorable
            }
            if n == "!" || n == "?" || (n == "/" && at(index + 2) != nil) {
                return bogusOrComment()
            }
        }
        return text()
    }

    private mutating func text() -> HTMLToken {
        let start = index
        index += 1  // a lone `<` or any other first scalar
        while index < scalars.count, scalars[index] != "<" { index += 1 }
        return .text(CharacterReferences.decode(string(start..<index), inAttribute: false))
    }

    private mutating func bogusOrComment() -> HTMLToken {
        // `<!--` comment: up to `-->` (or `--!>`), else to the end.
        if at(index + 1) == "!", at(index + 2) == "-", at(index + 3) == "-" {
            var i = index + 4
            while i < scalars.count {
                if scalars[i] == "-", at(i + 1) == "-", at(i + 2) == ">" {
                    index = i + 3
                    return .ignorable
                }
                if scalars[i] == "-", at(i + 1) == "-", at(i + 2) == "!", at(i + 3) == ">" {
                    index = i + 4
                    return .ignorable
                }
                // `<!-->` and `<!--->` end immediately, as in browsers.
                if i == index + 4, scalars[i] == ">" {
                    index = i + 1
                    return .ignorable
                }
                if i == index + 4, scalars[i] == "-", at(i + 1) == ">" {
                    index = i + 2
                    return .ignorable
                }
                i += 1
            }
            index = scalars.count
            return .ignorable
        }
        // Doctype, `<?…>`, `</ …>`: a bogus comment up to the next `>`.
        while index < scalars.count, scalars[index] != ">" { index += 1 }
        index += 1
        return .ignorable
    }

    private mutating func tagName() -> String {
        let start = index
        while let s = at(index), !Self.isSpace(s), s != "/", s != ">" { index += 1 }
        return string(start..<index).lowercased()
    }

    /// The scalars in `range` as a string, encoded straight to UTF-8 (no per-scalar appends).
    private func string(_ range: Range<Int>) -> String {
        var capacity = 0
        for i in range { capacity += UTF8.width(scalars[i]) }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var n = 0
            for i in range {
                UTF8.encode(scalars[i]) { byte in
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }

    private mutating func endTag() -> HTMLToken {
        index += 2
        let name = tagName()
        while let s = at(index), s != ">" { index += 1 }  // attributes on end tags are ignored
        index += 1
        return .end(name: name)
    }

    private mutating func startTag() -> HTMLToken {
        index += 1
        let name = tagName()
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        var seen = Set<String>()
        loop: while index < scalars.count {
            let s = scalars[index]
            if Self.isSpace(s) {
                index += 1
                continue
            }
            if s == ">" {
                index += 1
                break loop
            }
            if s == "/" {
                index += 1
                if at(index) == ">" {
                    selfClosing = true
                    index += 1
                    break loop
                }
                continue
            }
            // An attribute name: up to space, `/`, `>` or `=` (a leading `=` belongs to the name).
            var attrName = String.UnicodeScalarView()
            attrName.append(s)
            index += 1
            while let c = at(index), !Self.isSpace(c), c != "/", c != ">", c != "=" {
                attrName.append(c)
                index += 1
            }
            while let c = at(index), Self.isSpace(c) { index += 1 }
            var value = ""
            if at(index) == "=" {
                index += 1
                while let c = at(index), Self.isSpace(c) { index += 1 }
                if let q = at(index), q == "\"" || q == "'" {
                    index += 1
                    var raw = String.UnicodeScalarView()
                    while let c = at(index), c != q {
                        raw.append(c)
                        index += 1
                    }
                    index += 1  // closing quote (or past the end)
                    value = String(raw)
                } else {
                    var raw = String.UnicodeScalarView()
                    while let c = at(index), !Self.isSpace(c), c != ">" {
                        raw.append(c)
                        index += 1
                    }
                    value = String(raw)
                }
            }
            let lowered = String(attrName).lowercased()
            if seen.insert(lowered).inserted {  // browsers keep the first of duplicate attributes
                attributes.append((lowered, CharacterReferences.decode(value, inAttribute: true)))
            }
        }
        if Self.rawTextElements.contains(name) {
            skipRawText(until: name)
            return .start(name: name, attributes: attributes, selfClosing: true)
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    /// Skips a raw-text element's content and its end tag (everything, if it never ends).
    private mutating func skipRawText(until name: String) {
        let target = Array(name.unicodeScalars)
        while index < scalars.count {
            if scalars[index] == "<", at(index + 1) == "/" {
                var matches = true
                for (k, t) in target.enumerated() {
                    guard let c = at(index + 2 + k), String(c).lowercased() == String(t) else {
                        matches = false
                        break
                    }
                }
                let after = at(index + 2 + target.count)
                if matches, after.map({ $0 == ">" || $0 == "/" || Self.isSpace($0) }) ?? true {
                    index += 2 + target.count
                    while let c = at(index), c != ">" { index += 1 }
                    index += 1
                    return
                }
            }
            index += 1
        }
    }
}
