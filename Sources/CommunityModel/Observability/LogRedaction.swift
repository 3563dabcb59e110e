/// The rules that keep secrets out of logs: which metadata keys name a secret, and which
/// path segments are safe to show.
public enum LogRedaction: Sendable {
    /// Fragments that mark a key as naming a secret, matched case-insensitively after
    /// removing `-`, `_` and `.` (so `apiKey`, `api-key` and `API_KEY` all match `apikey`).
    public static let secretKeyFragments: [String] = [
        "password", "passwd", "passphrase", "secret", "token", "session", "cookie", "csrf", "authorization",
        "apikey", "credential", "privatekey", "signature",
    ]

    /// Whether a metadata key names something that must never be logged (a password, a
    /// token, a session id, a cookie, a CSRF token, a secret, an authorization header).
    public static func isSecretKey(_ key: String) -> Bool {
        var folded = ""
        folded.reserveCapacity(key.utf8.count)
        for character in key.lowercased() where character != "-" && character != "_" && character != "." {
            folded.append(character)
        }
        return secretKeyFragments.contains { folded.contains($0) }
    }

    /// Whether a path segment reads like a page slug rather than a token or an identifier
    /// (see ``LogValue/path(_:)``).
    public static func isSafePathSegment(_ segment: Substring) -> Bool {
        if segment.count < 16 { return true }
        var run = 0
        for scalar in segment.unicodeScalars {
            switch scalar {
            case "-":
                run = 0
            case "a"..."z", "0"..."9", ".", "_":
                run += 1
                if run >= 16 { return false }
            default:
                return false
            }
        }
        return true
    }
}
