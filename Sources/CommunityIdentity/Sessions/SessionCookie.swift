/// Formats the session's `Set-Cookie` value and reads the token back from a `Cookie` header.
///
/// In ``Mode/secure`` (the default) the cookie is `__Host-<name>=<token>; Path=/; Max-Age=<n>;
/// HttpOnly; Secure; SameSite=Lax`: the `__Host-` prefix makes browsers refuse it unless it is
/// Secure, host-only and for `/`. ``Mode/localDevelopment`` (plain-HTTP `localhost`) drops
/// `Secure`, and with it the prefix, which browsers would otherwise reject.
public struct SessionCookie: Sendable, Hashable {
    /// Whether the cookie is marked Secure.
    public enum Mode: Sendable, Hashable {
        /// HTTPS: `__Host-` prefix and `Secure`.
        case secure
        /// Plain HTTP on a developer's machine: no prefix, no `Secure`. Never in production.
        case localDevelopment
    }

    /// The largest `Cookie` header read; longer headers yield no token.
    public static let maximumHeaderBytes = 8192
    /// The most cookies read from one header.
    public static let maximumCookies = 64

    /// The full cookie name, with the `__Host-` prefix in secure mode.
    public let name: String
    /// The mode.
    public let mode: Mode

    /// The cookie for a site's session policy.
    public init(policy: SessionPolicy = .standard, mode: Mode = .secure) {
        self.mode = mode
        name = mode == .secure ? "__Host-" + policy.cookieName : policy.cookieName
    }

    /// The `Set-Cookie` value that stores `token` for `maxAge` seconds (clamped to 0...400 days).
    public func setCookie(token: String, maxAge: Int) -> String {
        let age = min(max(maxAge, 0), 400 * 86_400)
        // A token that is not base64url is never written (it could inject attributes); the
        // cookie is cleared instead.
        let value = SecretToken(parsing: token) == nil ? "" : token
        return attributes(value: value, maxAge: value.isEmpty ? 0 : age)
    }

    /// The `Set-Cookie` value for an issued session.
    public func setCookie(for session: IssuedSession) -> String { setCookie(token: session.token, maxAge: session.maxAge) }

    /// The `Set-Cookie` value that deletes the cookie (for sign-out).
    public func expiredCookie() -> String { attributes(value: "", maxAge: 0) }

    private func attributes(value: String, maxAge: Int) -> String {
        var text = "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly"
        if mode == .secure { text += "; Secure" }
        return text + "; SameSite=Lax"
    }

    /// The session token in a request's `Cookie` header value; `nil` when the header is too
    /// long, malformed, lacks the cookie, or holds a value that is not a well-formed token.
    /// Never traps, whatever the input.
    public func token(fromCookieHeader header: String) -> String? {
        let utf8 = header.utf8
        guard utf8.count <= Self.maximumHeaderBytes else { return nil }
        var seen = 0
        for pair in utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: true) {
            seen += 1
            guard seen <= Self.maximumCookies else { return nil }
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = Self.trimmed(pair[pair.startIndex..<equals])
            guard key.elementsEqual(name.utf8) else { continue }
            var value = Self.trimmed(pair[pair.index(after: equals)...])
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                value = value.dropFirst().dropLast()
            }
            guard let token = SecretToken(parsing: String(Substring(value))) else { return nil }
            return token.text
        }
        return nil
    }

    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { slice = slice.dropFirst() }
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { slice = slice.dropLast() }
        return slice
    }
}
