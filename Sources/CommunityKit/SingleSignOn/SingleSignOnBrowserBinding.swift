import CommunityIdentity
import CommunityRendering

/// Ties a sign-in sent to a provider to the browser that started it, so a provider's answer is
/// only taken from that browser (no login CSRF: an attacker cannot start a sign-in in their own
/// browser and make a victim's browser post the attacker's ID token).
///
/// The start route gives the browser a random value in an `HttpOnly` cookie and stores only its
/// SHA-256 with the ``SingleSignOnRequest``; the callback requires the cookie's digest to equal
/// the stored one and clears the cookie.
///
/// The provider answers with a cross-site `form_post`, which never carries a `SameSite=Lax` or
/// `Strict` cookie, so with ``CookiePolicy/secure`` the cookie is `SameSite=None; Secure` with the
/// `__Host-` prefix (no other host or path can set it). Browsers refuse `SameSite=None` without
/// `Secure`, so with ``CookiePolicy/localDevelopment`` (plain HTTP) it is `SameSite=Lax`: a
/// provider on the same site (a path of the host, or another port of `localhost`) posts back with
/// it; a provider on another site cannot, and its answers are refused as from another browser.
struct SingleSignOnBrowserBinding: Sendable, Hashable {
    /// The cookie's base name (``CookiePolicy/name(_:)`` adds `__Host-`).
    static let cookieBase = "ck-sso"
    /// Random bytes in a binding value.
    static let byteCount = 32

    /// The value the browser carries: 43 characters of base64url.
    let value: String

    /// A new random binding; `nil` when the system has no randomness.
    static func random() -> SingleSignOnBrowserBinding? {
        SecureRandom.bytes(byteCount).map { SingleSignOnBrowserBinding(value: ByteEncoding.base64URL($0)) }
    }

    /// The binding a request's cookie carries, if it is well formed (43 base64url characters
    /// decoding to 32 bytes); `nil` otherwise.
    static func carried(in cookies: [String: String], policy: CookiePolicy) -> SingleSignOnBrowserBinding? {
        guard let text = cookies[policy.name(cookieBase)], text.utf8.count == 43,
              ByteEncoding.bytes(base64URL: text)?.count == byteCount
        else { return nil }
        return SingleSignOnBrowserBinding(value: text)
    }

    /// What the store keeps: the base64url SHA-256 of the value.
    var digest: String { ByteEncoding.base64URL(Digest.sha256(Array(value.utf8))) }

    /// Whether `stored` (a ``digest``) is this binding's, compared in constant time.
    func matches(_ stored: String?) -> Bool {
        guard let stored else { return false }
        return ConstantTime.equals(Array(digest.utf8), Array(stored.utf8))
    }

    /// The `Set-Cookie` value that gives the browser this binding for `maxAge` seconds.
    func setCookie(policy: CookiePolicy, maxAge: Int) -> String {
        Self.attributes(value: value, policy: policy, maxAge: maxAge)
    }

    /// The `Set-Cookie` value that clears the binding.
    static func clearedCookie(policy: CookiePolicy) -> String { attributes(value: "", policy: policy, maxAge: 0) }

    private static func attributes(value: String, policy: CookiePolicy, maxAge: Int) -> String {
        let sameSite = policy.secure ? "SameSite=None; Secure" : "SameSite=Lax"
        return policy.name(cookieBase) + "=" + value + "; Path=/; Max-Age=\(max(0, maxAge)); HttpOnly; " + sameSite
    }
}
