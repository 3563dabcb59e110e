/// Decoding of HTML character references (`&amp;`, `&#60;`, `&#x3C;`) and escaping for output.
enum CharacterReferences {
    /// Named references the sanitiser understands; others stay literal text (and are escaped).
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "colon": ":",
        "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "num": "#", "period": ".",
        "copy": "©", "reg": "®", "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "euro": "€",
    ]

    /// Decodes references; numeric ones need no `;`, named ones do (outside attributes the
    /// historic forms `&amp`, `&lt`, `&gt`, `&quot` without `;` are also read).
    static func decode(_ text: String, inAttribute: Bool) -> String {
        guard text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else {
                out.append(s[i])
                i += 1
                continue
            }
            if i + 1 < s.count, s[i + 1] == "#" {
                var j = i + 2
                var hex = false
                if j < s.count, s[j] == "x" || s[j] == "X" {
                    hex = true
                    j += 1
                }
                var value: UInt32 = 0
                var digits = 0
                while j < s.count, let d = digit(s[j], hex: hex) {
                    value = value > 0x10FFFF ? value : value &* (hex ? 16 : 10) &+ d
                    digits += 1
                    j += 1
                }
                if digits > 0 {
                    if j < s.count, s[j] == ";" { j += 1 }
                    let valid = value != 0 && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value)
                    out.append((valid ? Unicode.Scalar(value) : nil) ?? "\u{FFFD}")
                    i = j
                    continue
                }
                out.append("&")
                i += 1
                continue
            }
            var j = i + 1
            var name = ""
            while j < s.count, j - i <= 10, s[j].properties.isASCIIHexDigit || isAlpha(s[j]) {
                name.unicodeScalars.append(s[j])
                j += 1
            }
            if j < s.count, s[j] == ";", let v = named[name] {
                out.append(contentsOf: v.unicodeScalars)
                i = j + 1
            } else if !inAttribute, ["amp", "lt", "gt", "quot"].contains(name), let v = named[name] {
                out.append(contentsOf: v.unicodeScalars)
                i = j
            } else {
                out.append("&")
                i += 1
            }
        }
        return String(out)
    }

    private static func isAlpha(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }

    private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f" where hex: c.value - 87
        case "A"..."F" where hex: c.value - 55
        default: nil
        }
    }

    /// Escapes text for HTML content and quoted attribute values alike: `& < > " '`.
    static func escape(_ text: String) -> String {
        let special = text.utf8.contains { b in
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"")
                || b == UInt8(ascii: "'") || b == 0
        }
        guard special else { return text }  // most text needs no escaping
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
