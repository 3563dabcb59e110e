import Foundation

/// Normalises one token for indexing and querying: Unicode NFKC, case folding and
/// diacritic folding (German ä/ö/ü/ß become ae/oe/ue/ss, other accents are dropped).
///
/// Hangul is left untouched apart from NFKC, which composes jamo into syllables.
public enum TextNormalizer {
    /// The normalised form of `token`.
    public static func normalize(_ token: Substring) -> String {
        if token.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(token) }
        if token.unicodeScalars.allSatisfy({ $0.value >= 0xAC00 && $0.value <= 0xD7A3 }) {
            return String(token)  // precomposed Hangul syllables are already NFKC and caseless
        }
        let composed =
            token.unicodeScalars.allSatisfy(isCompatibilityStable)
            ? String(token).lowercased() : String(token).precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var needsStrip = false
        for scalar in composed.unicodeScalars {
            switch scalar.value {
            case 0xE4: out.append("a"); out.append("e")  // ä
            case 0xF6: out.append("o"); out.append("e")  // ö
            case 0xFC: out.append("u"); out.append("e")  // ü
            case 0xDF, 0x1E9E: out.append("s"); out.append("s")  // ß, ẞ
            default:
                if scalar.value >= 0x80, !HangulText.isHangul(scalar) { needsStrip = true }
                out.append(scalar)
            }
        }
        let folded = String(out)
        guard needsStrip else { return folded }
        // Drop remaining combining marks (é → e) without touching Hangul, which the
        // tokenizer never mixes with Latin letters in one token.
        let decomposed = folded.decomposedStringWithCanonicalMapping
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !Self.isCombiningMark(scalar) {
            stripped.append(scalar)
        }
        return String(stripped).precomposedStringWithCanonicalMapping
    }

    /// Normalises a whole string token by token boundaries kept (used for slugs and keys).
    public static func normalize(_ text: String) -> String { normalize(Substring(text)) }

    /// Latin-1 and Latin Extended-A letters that NFKC leaves unchanged (so the costly
    /// normalisation can be skipped), and ASCII.
    static func isCompatibilityStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: true
        case 0xC0...0x17E: ![0xD7, 0xF7, 0x132, 0x133, 0x13F, 0x140, 0x149].contains(scalar.value)
        default: false
        }
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func asciiLowercased(_ token: Substring) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(token.utf8.count)
        for b in token.utf8 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
