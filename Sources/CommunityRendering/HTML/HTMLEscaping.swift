/// Escaping of text and attribute values: `& < > " '` become character references.
///
/// Every `&` is escaped; nothing tries to keep an existing entity, so `&amp;` in input
/// shows as `&amp;` on the page.
public enum HTMLEscaping {
    /// The escaped form of `text`.
    public static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends the escaped form of `text` to `out`.
    public static func append(_ text: String, to out: inout String) {
        var needs = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needs = true
            break
        }
        guard needs else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
