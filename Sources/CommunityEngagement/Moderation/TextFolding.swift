import Foundation

/// Folds text for keyword matching: compatibility forms (full-width letters), case, German
/// umlauts and `ß` (`ä`→`ae`, so `Müll`, `MUELL` and `müll` agree), other Latin diacritics
/// removed; Hangul stays composed, so Korean words compare syllable by syllable.
enum TextFolding {
    /// The folded form of one word or phrase.
    static func fold(_ text: String) -> String {
        let compatible = text.precomposedStringWithCompatibilityMapping
        var out = ""
        out.reserveCapacity(compatible.utf8.count)
        for scalar in compatible.unicodeScalars {
            switch scalar {
            case "ä", "Ä": out += "ae"
            case "ö", "Ö": out += "oe"
            case "ü", "Ü": out += "ue"
            case "ß", "ẞ": out += "ss"
            default:
                if isHangul(scalar) || scalar.isASCII {
                    out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    for d in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                    where d.properties.generalCategory != .nonspacingMark {
                        out += String(d).lowercased()
                    }
                }
            }
        }
        return out
    }

    static func isHangul(_ s: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(s.value) || (0x1100...0x11FF).contains(s.value) || (0x3130...0x318F).contains(s.value)
    }

    /// Whether a character belongs to a word (letters, digits, combining marks).
    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark }
    }

    /// The words of `text` with their ranges in the original string.
    static func words(_ text: String) -> [(range: Range<String.Index>, folded: String)] {
        var result: [(Range<String.Index>, String)] = []
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if isWordCharacter(c) {
                if start == nil { start = i }
            } else if let s = start {
                result.append((s..<i, fold(String(text[s..<i]))))
                start = nil
            }
            i = text.index(after: i)
        }
        if let s = start { result.append((s..<text.endIndex, fold(String(text[s..<text.endIndex])))) }
        return result
    }
}
