/// Splits text into words: runs of letters, digits and combining marks, with a break
/// wherever Hangul meets another script ("iOS앱" is "iOS" and "앱").
public enum Tokenizer {
    /// The words of `text`, normalised, with their ranges in `text`.
    public static func tokens(_ text: String) -> [TextToken] {
        var out: [TextToken] = []
        forEachWord(in: text) { word, range, isHangul in
            let normalized = TextNormalizer.normalize(word)
            if !normalized.isEmpty { out.append(TextToken(text: normalized, range: range, isHangul: isHangul)) }
        }
        return out
    }

    /// Calls `body` with each word of `text` as written (not yet normalised), its range and
    /// whether it is Hangul: the raw material of ``tokens(_:)``, for callers that cache the
    /// normalised forms of words they have seen.
    static func forEachWord(in text: String, _ body: (Substring, Range<String.Index>, Bool) -> Void) {
        let scalars = text.unicodeScalars
        var start: String.Index?
        var startHangul = false
        var i = scalars.startIndex
        func flush(_ end: String.Index) {
            if let s = start { body(text[s..<end], s..<end, startHangul) }
            start = nil
        }
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if isWordScalar(scalar) {
                let hangul = HangulText.isHangul(scalar)
                if start != nil, hangul != startHangul, !TextNormalizer.isCombiningMark(scalar) { flush(i) }
                if start == nil {
                    start = i
                    startHangul = hangul
                }
            } else {
                flush(i)
            }
            i = scalars.index(after: i)
        }
        flush(scalars.endIndex)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        let p = scalar.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
