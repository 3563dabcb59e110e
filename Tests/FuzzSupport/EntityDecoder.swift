/// Decodes the character references a browser decodes in attribute values, enough to see
/// through obfuscated URLs such as `&#106;avascript&colon;`.
enum EntityDecoder {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
        "sol": "/", "lpar": "(", "rpar": ")", "nbsp": "\u{00A0}", "num": "#", "period": ".", "semi": ";",
        "comma": ",", "excl": "!", "bsol": "\\", "equals": "=",
    ]

    /// `text` with numeric references (`;` optional, invalid ones as U+FFFD) and the named
    /// ones above decoded.
    static func decode(_ text: String) -> String {
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
                let hex = j < s.count && (s[j] == "x" || s[j] == "X")
                if hex { j += 1 }
                var value: UInt32 = 0
                var digits = 0
                while j < s.count, let d = digit(s[j], hex: hex) {
                    if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + d }
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
            } else {
                var j = i + 1
                var name = ""
                while j < s.count, j - i <= 12, s[j].isASCII, s[j].properties.isAlphabetic {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                if let value = named[name.lowercased()] ?? named[name] {
                    out.append(contentsOf: value.unicodeScalars)
                    i = j < s.count && s[j] == ";" ? j + 1 : j
                    continue
                }
            }
            out.append("&")
            i += 1
        }
        return String(out)
    }

    private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 48...57: c.value - 48
        case 97...102 where hex: c.value - 87
        case 65...70 where hex: c.value - 55
        default: nil
        }
    }
}
