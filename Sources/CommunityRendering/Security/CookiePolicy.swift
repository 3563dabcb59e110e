/// How the engine's cookies are sent: with `Secure` and the `__Host-` name prefix (the
/// default), or, for development over plain HTTP on the local machine only, without both
/// (browsers refuse a `__Host-` cookie that is not `Secure`).
public struct CookiePolicy: Sendable, Hashable {
    /// Whether cookies carry `Secure` and the `__Host-` prefix.
    public var secure: Bool

    /// A policy.
    public init(secure: Bool) { self.secure = secure }

    /// Production: `__Host-` prefix, `Secure`, `HttpOnly`, `SameSite=Lax`, `Path=/`.
    public static let secure = CookiePolicy(secure: true)
    /// Development over `http://localhost`: no `Secure`, so no `__Host-` prefix either.
    public static let localDevelopment = CookiePolicy(secure: false)

    /// The cookie's name on the wire for a base name (`ck-guest` → `__Host-ck-guest`).
    public func name(_ base: String) -> String { secure ? "__Host-" + base : base }

    /// A `Set-Cookie` value. `maxAge` in seconds; `nil` makes a browser-session cookie, `0` deletes it.
    public func setCookie(_ base: String, value: String, maxAge: Int? = nil) -> String {
        var out = name(base) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
        if secure { out += "; Secure" }
        if let maxAge { out += "; Max-Age=\(max(0, maxAge))" }
        return out
    }
}
