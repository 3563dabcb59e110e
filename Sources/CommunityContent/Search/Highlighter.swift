/// Builds HTML-escaped text with matched words wrapped in `<mark>`.
enum Highlighter {
    /// Escapes `& < > " '` for HTML text and attribute values.
    static func escape(_ text: Substring) -> String {
        // Most titles hold none of the five characters: copy them as they are.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return String(text)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Whether a token's index terms include a matched term.
    static func isHit(_ token: TextToken, language: ContentLanguage, matched: Set<String>) -> Bool {
        if matched.contains(token.text) { return true }
        var terms: [String] = []
        TextAnalyzer.appendIndexTerms(of: token, language: language, to: &terms)
        return terms.contains { matched.contains($0) }
    }

    /// The whole text, escaped, with hits marked.
    static func mark(_ text: String, language: ContentLanguage, matched: Set<String>) -> String {
        let tokens = Tokenizer.tokens(text)
        return render(text, tokens: tokens[...], language: language, matched: matched, from: text.startIndex, to: text.endIndex)
    }

    /// A passage of about `window` words around the densest hits, escaped, hits marked,
    /// with an ellipsis where text was cut.
    static func snippet(_ text: String, language: ContentLanguage, matched: Set<String>, window: Int = 24) -> String {
        let tokens = Tokenizer.tokens(text)
        guard !tokens.isEmpty else { return escape(text[...].prefix(160)) }
        let hits = tokens.map { isHit($0, language: language, matched: matched) }
        var best = 0, bestCount = -1, running = 0
        for i in 0..<tokens.count {
            if hits[i] { running += 1 }
            if i >= window, hits[i - window] { running -= 1 }
            let start = max(0, i - window + 1)
            if running > bestCount {
                bestCount = running
                best = start
            }
        }
        // Start a little before the first hit of the window for context.
        if let firstHit = (best..<min(tokens.count, best + window)).first(where: { hits[$0] }) {
            best = max(0, firstHit - 4)
        }
        let end = min(tokens.count, best + window)
        let from = best == 0 ? text.startIndex : tokens[best].range.lowerBound
        let to = end == tokens.count ? text.endIndex : tokens[end - 1].range.upperBound
        var out = best == 0 ? "" : "… "
        out += render(text, tokens: tokens[best..<end], language: language, matched: matched, from: from, to: to)
        if end < tokens.count { out += " …" }
        return out
    }

    private static func render(
        _ text: String, tokens: ArraySlice<TextToken>, language: ContentLanguage, matched: Set<String>,
        from: String.Index, to: String.Index
    ) -> String {
        var out = ""
        var cursor = from
        for token in tokens {
            out += escape(text[cursor..<token.range.lowerBound])
            let word = escape(text[token.range])
            out += isHit(token, language: language, matched: matched) ? "<mark>\(word)</mark>" : word
            cursor = token.range.upperBound
        }
        if cursor < to { out += escape(text[cursor..<to]) }
        return out
    }
}
