import CommunityIdentity
import Testing

@Suite("Session cookie")
struct SessionCookieTests {
    let token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    @Test("Secure mode: __Host- prefix, Path=/, HttpOnly, Secure, SameSite=Lax and Max-Age")
    func secureFormat() {
        let cookie = SessionCookie()
        #expect(cookie.name == "__Host-community_session")
        #expect(cookie.setCookie(token: token, maxAge: 3600)
            == "__Host-community_session=\(token); Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax")
        #expect(cookie.expiredCookie() == "__Host-community_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax")
    }

    @Test("Local development drops Secure and therefore the __Host- prefix")
    func localDevelopment() {
        let cookie = SessionCookie(mode: .localDevelopment)
        #expect(cookie.name == "community_session")
        #expect(cookie.setCookie(token: token, maxAge: 60) == "community_session=\(token); Path=/; Max-Age=60; HttpOnly; SameSite=Lax")
    }

    @Test("A value that is not a token is never written; Max-Age is clamped")
    func injection() {
        let cookie = SessionCookie()
        #expect(cookie.setCookie(token: "x; Domain=evil.example", maxAge: 60).hasPrefix("__Host-community_session=; Path=/; Max-Age=0;"))
        #expect(cookie.setCookie(token: token, maxAge: -5).contains("Max-Age=0;"))
        #expect(cookie.setCookie(token: token, maxAge: Int.max).contains("Max-Age=34560000;"))
    }

    @Test("The token is found among other cookies, with spaces or quotes")
    func parses() {
        let cookie = SessionCookie()
        #expect(cookie.token(fromCookieHeader: "theme=dark; __Host-community_session=\(token); lang=en") == token)
        #expect(cookie.token(fromCookieHeader: "__Host-community_session=\"\(token)\"") == token)
        #expect(cookie.token(fromCookieHeader: " ;;theme ; __Host-community_session = \(token) ") == token)
        #expect(SessionCookie(mode: .localDevelopment).token(fromCookieHeader: "community_session=\(token)") == token)
    }

    @Test(
        "Malformed or oversize Cookie headers yield no token and never trap",
        arguments: [
            "", ";", "=", "==;==", "__Host-community_session", "__Host-community_session=", "__Host-community_session=short",
            "community_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  // unprefixed name in secure mode
            "__Host-community_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!", "__Host-community_session=\"",
            "__Host-community_session=\u{0}\u{FFFF}\u{1F600}", String(repeating: "a=b; ", count: 100) + "__Host-community_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            String(repeating: "x", count: 100_000), "__Host-community_session=" + String(repeating: "A", count: 9000),
        ])
    func malformed(header: String) {
        #expect(SessionCookie().token(fromCookieHeader: header) == nil)
    }

    @Test("An issued session's Set-Cookie uses its Max-Age")
    func issued() throws {
        let f = try IdentityFixture()
        let session = try f.signIn("alice")
        let value = SessionCookie(policy: f.site.sessionPolicy).setCookie(for: session)
        #expect(value.hasPrefix("__Host-community_session=\(session.token);"))
        #expect(value.contains("Max-Age=43200;"))
        #expect(SessionCookie().token(fromCookieHeader: "a=1; __Host-community_session=\(session.token)") == session.token)
    }
}
