/// Hangul helpers: syllable detection, particle stripping and syllable bigrams.
///
/// Korean writes particles (조사) onto nouns and often drops or adds spaces inside
/// compounds, so the engine indexes syllable bigrams: "비밀번호" shares all of its
/// bigrams (비밀, 밀번, 번호) with "비밀번호를" and with "비밀번호재설정".
public enum HangulText {
    /// Whether the scalar is Hangul (syllables or jamo).
    public static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: true
        default: false
        }
    }

    /// Particles and endings stripped from the end of a word, longest first.
    static let particles: [String] = [
        "에서는", "으로는", "에게서", "까지는", "부터는", "이라고",
        "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "께서", "하고", "이나", "이랑", "마다", "만큼", "이다", "하기", "하는", "하려면", "합니다", "입니다", "됩니다", "하세요",
        "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나", "랑", "요",
    ].sorted { $0.count > $1.count }

    static let particleScalars: [[Unicode.Scalar]] = particles.map { Array($0.unicodeScalars) }

    /// The word without a trailing particle, if at least one syllable remains.
    public static func stripParticle(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        for p in particleScalars where scalars.count > p.count {
            if scalars[(scalars.count - p.count)...].elementsEqual(p) {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: scalars[..<(scalars.count - p.count)])
                return String(out)
            }
        }
        return word
    }

    /// Adjacent syllable pairs of a word; a one-syllable word yields itself.
    public static func bigrams(_ word: String) -> [String] {
        let chars = Array(word)
        guard chars.count > 1 else { return chars.isEmpty ? [] : [word] }
        var out: [String] = []
        out.reserveCapacity(chars.count - 1)
        for i in 0..<(chars.count - 1) { out.append(String(chars[i]) + String(chars[i + 1])) }
        return out
    }
}
