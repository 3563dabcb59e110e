import CommunityIdentity

/// The anonymous session a guest's browser keeps in a cookie, so that a guest's form tokens
/// bind to that browser alone: a token one guest fetched is refused from another guest's browser.
public enum GuestSession {
    /// The cookie's base name (``CookiePolicy/name(_:)`` adds the `__Host-` prefix).
    public static let cookieName = "ck-guest"
    /// The prefix of a guest viewer's ``Viewer/sessionID``.
    public static let sessionPrefix = "guest:"

    /// A fresh 256-bit token, base64url (43 characters); `nil` if the system's random generator fails.
    public static func newToken() -> String? {
        SecureRandom.bytes(32).map(ByteEncoding.base64URL)
    }

    /// Whether a cookie value has the shape of a token this type issued.
    public static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && ByteEncoding.bytes(base64URL: value)?.count == 32
    }
}
