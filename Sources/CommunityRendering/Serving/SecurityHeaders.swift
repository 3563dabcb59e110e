/// The headers every HTML response carries: a strict Content-Security-Policy (no scripts,
/// the one inline stylesheet allowed by its hash), no framing, no sniffing.
public enum SecurityHeaders {
    /// The headers for a page whose inline stylesheet has `styleHash` (base64 SHA-256).
    public static func forPage(styleHash: String) -> [String: String] {
        [
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy":
                "default-src 'none'; script-src 'none'; style-src 'sha256-\(styleHash)'; img-src 'self' https:; "
                + "font-src 'self' https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cache-Control": "no-store",
        ]
    }

    /// Headers for plain text or XML.
    public static func forText(_ contentType: String) -> [String: String] {
        ["Content-Type": contentType, "X-Content-Type-Options": "nosniff"]
    }
}
