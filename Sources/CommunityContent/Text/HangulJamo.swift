/// Hangul syllables as their letters (jamo), for typo matching inside syllables.
///
/// A precomposed syllable such as "불" is one character but three letters (ㅂ, ㅜ, ㄹ). A
/// Korean typo usually hits one letter ("뷸" for "불": ㅠ for ㅜ), which is a whole different
/// character; compared letter by letter it is one edit, as a typo in English is.
public enum HangulJamo {
    /// The letters of `text`: each precomposed syllable (U+AC00–U+D7A3) as its lead consonant,
    /// vowel and, if any, tail consonant (conjoining jamo); every other scalar as it is.
    public static func decompose(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count * 3)
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    /// Whether `scalar` is a precomposed Hangul syllable.
    public static func isSyllable(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
        guard isSyllable(scalar) else {
            out.append(scalar)
            return
        }
        let index = scalar.value - 0xAC00  // 0...11171, so every sum below stays in range
        let lead = index / 588, vowel = (index % 588) / 28, tail = index % 28
        if let l = Unicode.Scalar(0x1100 + lead) { out.append(l) }
        if let v = Unicode.Scalar(0x1161 + vowel) { out.append(v) }
        if tail > 0, let t = Unicode.Scalar(0x11A7 + tail) { out.append(t) }
    }

    /// The letter-level edit distance between two Hangul strings, or `nil` when it exceeds `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        EditDistance.within(decompose(a), decompose(b), limit: limit)
    }
}
