/// Decides whether a link target is safe to keep: `http`, `https`, `mailto`, or relative.
///
/// Browsers ignore tabs, newlines and leading control characters inside a URL and compare
/// schemes case-insensitively, so `JaVa\tScRiPt:` is read as `javascript:`; this check does the same
/// before looking at the scheme.
public enum SafeLink {
    /// Schemes links may use.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL as a browser would read its scheme part: control characters and white space removed.
    static func normalised(_ url: String) -> String {
        String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
    }

    /// Whether `url` is an allowed absolute link or a relative one.
    public static func isSafe(_ url: String, allowMailto: Bool = true) -> Bool {
        let n = normalised(url)
        guard !n.isEmpty else { return false }
        // The scheme is everything before the first `:` if no `/`, `?` or `#` comes first.
        var scheme = ""
        for c in n.unicodeScalars {
            if c == ":" {
                let lower = scheme.lowercased()
                if lower == "mailto" { return allowMailto }
                return allowedSchemes.contains(lower)
            }
            if c == "/" || c == "?" || c == "#" || c == "\\" { return true }  // relative
            scheme.unicodeScalars.append(c)
        }
        return true  // no colon at all: a relative path
    }
}
