/// Finds @mentions in text: explicit tokens that editors insert (`@[user:ID]`, `@[group:ID]`)
/// and typed handles (`@alice`, `@김민수`), which are resolved against member nicknames and
/// group names (spaces removed, case folded).
public enum MentionParser {
    /// One mention found in text.
    public enum Token: Hashable, Sendable {
        /// `@[user:ID]`.
        case member(String)
        /// `@[group:ID]`.
        case group(String)
        /// `@handle`, resolved later.
        case handle(String)
    }

    /// Every mention in `text`, in order, without duplicates.
    public static func parse(_ text: String) -> [Token] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [] }  // most text mentions nobody
        var tokens: [Token] = []
        var seen = Set<Token>()
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "@" else {
                i += 1
                continue
            }
            // An @ inside a word (an e-mail address) is not a mention.
            if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber {
                i += 1
                continue
            }
            if i + 1 < chars.count, chars[i + 1] == "[", let close = chars[(i + 2)...].firstIndex(of: "]"),
                close - i < 80
            {
                let inner = String(chars[(i + 2)..<close])
                if inner.hasPrefix("user:") {
                    let t = Token.member(String(inner.dropFirst(5)))
                    if seen.insert(t).inserted { tokens.append(t) }
                } else if inner.hasPrefix("group:") {
                    let t = Token.group(String(inner.dropFirst(6)))
                    if seen.insert(t).inserted { tokens.append(t) }
                }
                i = close + 1
                continue
            }
            var j = i + 1
            var handle = ""
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "." || chars[j] == "-" {
                handle.append(chars[j])
                j += 1
            }
            while handle.hasSuffix(".") || handle.hasSuffix("-") { handle.removeLast() }
            if !handle.isEmpty {
                let t = Token.handle(handleKey(handle))
                if seen.insert(t).inserted { tokens.append(t) }
            }
            i = j
        }
        return tokens
    }

    /// The folded handle of a nickname or group name: white space removed, lower-cased.
    public static func handleKey(_ name: String) -> String {
        String(name.filter { !$0.isWhitespace }).lowercased()
    }
}
