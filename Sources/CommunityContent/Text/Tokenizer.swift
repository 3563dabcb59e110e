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

    /// The same words as ``forEachWord(in:_:)``, as byte ranges of `bytes` (the UTF-8 of a
    /// string) with whether each is Hangul: ASCII is classified byte by byte and other scalars
    /// are decoded in place, so no `String.Index` is walked. For callers that key words by
    /// their bytes.
    static func forEachWordRange(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool) -> Void) {
        let n = bytes.count
        var start = -1
        var startHangul = false
        var i = 0
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                if isASCIIWordByte(lead) {
                    if start >= 0, startHangul {
                        body(start..<i, true)
                        start = -1
                    }
                    if start < 0 {
                        start = i
                        startHangul = false
                    }
                    i += 1
                    while i < n, isASCIIWordByte(bytes[i]) { i += 1 }
                } else {
                    if start >= 0 { body(start..<i, startHangul) }
                    start = -1
                    i += 1
                }
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: i)
            if isWordScalar(scalar) {
                let hangul = HangulText.isHangul(scalar)
                if start >= 0, hangul != startHangul, !TextNormalizer.isCombiningMark(scalar) {
                    body(start..<i, startHangul)
                    start = -1
                }
                if start < 0 {
                    start = i
                    startHangul = hangul
                }
            } else {
                if start >= 0 { body(start..<i, startHangul) }
                start = -1
            }
            i += length
        }
        if start >= 0 { body(start..<n, startHangul) }
    }

    /// ASCII letters and digits (what ``isWordScalar(_:)`` accepts below 0x80).
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    /// The scalar starting at byte `i` (a lead byte of at least 0x80) and its length in bytes;
    /// a malformed or cut-off sequence reads as one U+FFFD per byte.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[i])
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; value = lead & 0x1F
        case 0xE0...0xEF: length = 3; value = lead & 0x0F
        case 0xF0...0xF7: length = 4; value = lead & 0x07
        default: return ("\u{FFFD}", 1)
        }
        guard bytes.count - i >= length else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let b = UInt32(bytes[i + k])
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | (b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
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
