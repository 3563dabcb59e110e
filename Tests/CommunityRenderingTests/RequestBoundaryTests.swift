import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// Limits, guest sessions and origin checks at the edge of `SiteResponder.handle`.
@Suite struct RequestBoundaryTests {
    func actions() -> FormActionRegistry {
        var actions = FormActionRegistry()
        actions.register("echo") { request in .invalid(["": "echo \(request.form.count)"]) }
        actions.register("go") { _ in .redirect(SafeURL("/help/docs")) }
        return actions
    }

    /// The fixture site with self-registration on and a sign-up page, which carries a form for guests.
    func site() throws -> Site {
        var site = try Fixtures.site()
        site.selfRegistration = .pending
        try site.addPage(Page(id: "join", title: "Join", slug: "join", layout: PageLayout {
            Region("main") { Row { Column(12) { ComponentInstance(id: "join", type: "community.selfRegistration") } } }
        }))
        return site
    }

    func token(for viewer: Viewer) -> String {
        Fixtures.csrf.token(for: viewer, site: "help", at: Fixtures.clock.now())
    }

    /// The guest cookie a page with a form sets, as a name and value.
    func guestCookie(from response: SiteResponse) throws -> (String, String) {
        let header = try #require(response.setCookies.first)
        let pair = try #require(header.split(separator: ";").first)
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        try #require(parts.count == 2)
        return (parts[0], parts[1])
    }

    @Test("a guest gets a secure, HttpOnly, SameSite cookie only on a page that carries a form")
    func guestCookieIsIssuedWithForms() throws {
        let responder = try Fixtures.responder(site: site())
        let ask = responder.handle(Fixtures.request(.get, "/help/join"))
        #expect(ask.body.contains("name=\"_csrf\""))
        let header = try #require(ask.setCookies.first)
        #expect(header.hasPrefix("__Host-ck-guest="))
        for attribute in ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"] { #expect(header.contains(attribute)) }
        let docs = responder.handle(Fixtures.request(.get, "/help/docs"))
        if !docs.body.contains("name=\"_csrf\"") { #expect(docs.setCookies.isEmpty) }
        // A guest that already has a cookie keeps it.
        let (name, value) = try guestCookie(from: ask)
        let again = responder.handle(SiteRequest(.get, "/help/join", cookies: [name: value]))
        #expect(again.setCookies.isEmpty)
    }

    @Test("local development drops Secure and the __Host- prefix")
    func localDevelopmentCookies() throws {
        let responder = try SiteResponder(
            site: site(), registry: .standard, services: Fixtures.services(engine: Fixtures.accessEngine()),
            csrf: Fixtures.csrf, clock: Fixtures.clock, cookies: .localDevelopment)
        let header = try #require(responder.handle(Fixtures.request(.get, "/help/join")).setCookies.first)
        #expect(header.hasPrefix("ck-guest=") && !header.contains("Secure"))
    }

    @Test("a guest's form token works only with that guest's cookie")
    func guestTokensBindToTheBrowser() throws {
        let responder = try Fixtures.responder(site: site(), actions: actions())
        let page = responder.handle(Fixtures.request(.get, "/help/join"))
        let (name, value) = try guestCookie(from: page)
        let csrf = try #require(page.body.range(of: "name=\"_csrf\" value=\"").map { r in
            String(page.body[r.upperBound...].prefix { $0 != "\"" })
        })
        let mine = responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf], cookies: [name: value]))
        #expect(mine.status == 303)
        // The same token from another guest's browser (another cookie, or none) is refused.
        let other = try #require(GuestSession.newToken())
        #expect(responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf], cookies: [name: other])).status == 403)
        #expect(responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf])).status == 403)
        // A malformed cookie is not a session.
        #expect(responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf], cookies: [name: "x"])).status == 403)
    }

    @Test("paths, queries, bodies, field counts and field lengths over the limits get 414 or 413 with the reason")
    func limits() throws {
        var site = try Fixtures.site()
        site.limits = SiteLimits(
            maxPathBytes: 100, maxQueryBytes: 50, maxQueryParameters: 3, maxBodyBytes: 1000, maxFormFields: 5, maxFieldBytes: 200,
            maxUploadBytes: 1000)
        let responder = try Fixtures.responder(site: site, actions: actions())
        let pat = Fixtures.viewer(Fixtures.partnerA)
        let csrf = token(for: pat)
        #expect(responder.handle(SiteRequest(.get, "/help/" + String(repeating: "a", count: 200), viewer: pat)).status == 414)
        #expect(responder.handle(SiteRequest(.get, "/help/docs", query: ["q": String(repeating: "x", count: 60)], viewer: pat)).status == 414)
        #expect(responder.handle(SiteRequest(.get, "/help/docs", query: ["a": "1", "b": "2", "c": "3", "d": "4"], viewer: pat)).status == 414)
        let big = responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf, "x": String(repeating: "y", count: 300)], viewer: pat))
        #expect(big.status == 413)
        #expect(big.body.contains("\"x\" is too long"))
        #expect(big.body.utf8.count < 200, "an over-long value is never echoed")
        var many = ["_csrf": csrf]
        for i in 0..<6 { many["f\(i)"] = "v" }
        #expect(responder.handle(SiteRequest(.post, "/help/_action/go", form: many, viewer: pat)).status == 413)
        #expect(responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf], viewer: pat, bodyByteCount: 5000)).status == 413)
        #expect(responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf], viewer: pat)).status == 303)
    }

    @Test("a NUL or other control character in a form field is refused with 422; tab, CR and LF are text")
    func controlCharacters() throws {
        let responder = try Fixtures.responder(actions: actions())
        let pat = Fixtures.viewer(Fixtures.partnerA)
        let csrf = token(for: pat)
        for bad in ["a\u{0}b", "\u{1B}[31m", "x\u{7F}"] {
            let response = responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf, "title": bad], viewer: pat))
            #expect(response.status == 422)
            #expect(response.body.contains("control character"))
        }
        let fine = responder.handle(SiteRequest(.post, "/help/_action/go", form: ["_csrf": csrf, "body": "a\tb\r\nc"], viewer: pat))
        #expect(fine.status == 303)
    }

    @Test("a form post from another origin, or marked cross-site by the browser, is refused")
    func originChecks() throws {
        let responder = try Fixtures.responder(actions: actions())
        let pat = Fixtures.viewer(Fixtures.partnerA)
        let form = ["_csrf": token(for: pat)]
        func post(_ headers: [String: String]) -> Int {
            responder.handle(SiteRequest(.post, "/help/_action/go", form: form, viewer: pat, headers: headers)).status
        }
        #expect(post([:]) == 303)
        #expect(post(["Origin": "https://evil.example"]) == 403)
        #expect(post(["Origin": "null"]) == 403)
        #expect(post(["Origin": "http://127.0.0.1:8080", "Host": "127.0.0.1:8080"]) == 303)
        #expect(post(["Origin": "http://127.0.0.1:9999", "Host": "127.0.0.1:8080"]) == 403)
        #expect(post(["Sec-Fetch-Site": "cross-site"]) == 403)
        #expect(post(["Sec-Fetch-Site": "same-origin"]) == 303)
    }

    @Test("limits out of range are refused when the site is built and when a bundle is decoded")
    func invalidLimits() throws {
        var site = try Fixtures.site()
        site.limits = SiteLimits(
            maxPathBytes: -1, maxQueryBytes: 50, maxQueryParameters: 3, maxBodyBytes: Int.max, maxFormFields: 5, maxFieldBytes: 200,
            maxUploadBytes: 1000)
        #expect(throws: SiteError.self) { try Fixtures.responder(site: site) }
        let json = Data(#"{"maxPathBytes": 0}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SiteLimits.self, from: json) }
        let partial = try JSONDecoder().decode(SiteLimits.self, from: Data(#"{"maxFormFields": 10}"#.utf8))
        #expect(partial.maxFormFields == 10 && partial.maxPathBytes == SiteLimits.standard.maxPathBytes)
    }
}
