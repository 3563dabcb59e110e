import CommunityKit
import DevServer
import Foundation
import Testing
@testable import PartnerPortalKit

/// "Sign in with Northwind Identity" in the example: Partner Central's sign-in page, the demo
/// provider's form and its signed ID token, and the engine's callback, through the portal server.
@Suite struct NorthwindIdentityTests {
    static let sessionCookie = "__Host-community_session-partners"

    static func request(_ path: String, method: HTTPMethod = .get, query: [String: String] = [:], form: [String: String] = [:]) -> HTTPRequest {
        HTTPRequest(method: method, target: path, encodedPath: path, path: path, query: query, form: form)
    }

    static func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    static func header(_ response: HTTPResponse, _ name: String) -> [String] {
        response.headers.filter { $0.name == name }.map(\.value)
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static let bindingCookie = "__Host-ck-sso"

    /// The value of the cookie `name` a response sets.
    static func cookie(_ name: String, in response: HTTPResponse) -> String? {
        header(response, "Set-Cookie").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }

    /// Signs in through the demo provider with `email`; the callback's response. With
    /// `sameBrowser` false the callback comes without the binding cookie the start set.
    static func signIn(_ server: PortalServer, email: String, sameBrowser: Bool = true) throws -> HTTPResponse {
        let login = text(server.respond(to: request("/partners/login")))
        #expect(login.contains("Sign in with Northwind Identity"))
        let start = server.respond(to: request("/partners/_sso/start/northwind"))
        #expect(start.status == 303)
        let binding = try #require(cookie(bindingCookie, in: start))
        let location = try #require(header(start, "Location").first)
        let url = try #require(URLComponents(string: location))
        #expect(url.path == NorthwindIdentity.path)
        var query: [String: String] = [:]
        for item in url.queryItems ?? [] { query[item.name] = item.value }
        let form = server.respond(to: request(NorthwindIdentity.path, query: query))
        #expect(form.status == 200)
        #expect(text(form).contains("name=\"email\""))
        var fields = query
        fields["email"] = email
        fields["given_name"] = "Jordan"
        fields["family_name"] = "Lee"
        fields["company"] = "Acme Analytics"
        let posted = server.respond(to: request(NorthwindIdentity.path, method: .post, form: fields))
        #expect(posted.status == 200)
        let token = try #require(hidden("id_token", in: text(posted)))
        let state = try #require(hidden("state", in: text(posted)))
        #expect(state == query["state"])
        var callback = request("/partners/_sso/callback", method: .post, form: ["id_token": token, "state": state])
        if sameBrowser { callback.cookies = [bindingCookie: binding] }
        return server.respond(to: callback)
    }

    @Test func aPartnerSignsInWithNorthwindIdentityAndIsTheSameUserTheSecondTime() throws {
        let portal = try Portal()
        let server = PortalServer(portal: portal)
        let users = try portal.community.store.snapshot().all(User.self).count
        let first = try Self.signIn(server, email: "jordan.lee@acme-analytics.example")
        #expect(first.status == 303)
        let cookie = try #require(Self.header(first, "Set-Cookie").first { $0.hasPrefix(Self.sessionCookie + "=") })
        let token = String(cookie.dropFirst(Self.sessionCookie.count + 1).prefix { $0 != ";" })
        var home = Self.request("/partners/")
        home.cookies = [Self.sessionCookie: token]
        #expect(Self.text(server.respond(to: home)).contains("Jordan Lee"))
        let user = try #require(try portal.community.store.snapshot().all(User.self).first { $0.value.email == "jordan.lee@acme-analytics.example" }?.value)
        #expect(user.accountID == "acme" && user.kind == .partner)
        #expect(try portal.community.store.snapshot().all(User.self).count == users + 1)

        let second = try Self.signIn(server, email: "jordan.lee@acme-analytics.example")
        #expect(second.status == 303)
        #expect(try portal.community.store.snapshot().all(User.self).count == users + 1)
        #expect(try portal.community.linkedIdentities(of: user.id).count == 1)
    }

    @Test func theDemoProviderOnlyPostsBackToPartnerCentral() throws {
        let server = PortalServer(portal: try Portal())
        let bad = server.respond(to: Self.request(NorthwindIdentity.path, query: [
            "client_id": NorthwindIdentity.clientID, "response_type": "id_token", "response_mode": "form_post",
            "redirect_uri": "https://evil.example/steal", "state": "s", "nonce": "n",
        ]))
        #expect(bad.status == 400)
        #expect(!Self.text(bad).contains("evil.example"))
    }

    @Test func theCallbackFromAnotherBrowserIsRefused() throws {
        let portal = try Portal()
        let server = PortalServer(portal: portal)
        let users = try portal.community.store.snapshot().all(User.self).count
        let response = try Self.signIn(server, email: "someone@acme-analytics.example", sameBrowser: false)
        #expect(response.status == 403)
        #expect(Self.header(response, "Set-Cookie").allSatisfy { !$0.hasPrefix(Self.sessionCookie) })
        #expect(try portal.community.store.snapshot().all(User.self).count == users)
    }

    @Test func theProviderPagesHaveLabelsAHashedStyleSheetAndNoInlineScript() throws {
        let server = PortalServer(portal: try Portal())
        let start = server.respond(to: Self.request("/partners/_sso/start/northwind"))
        let location = try #require(Self.header(start, "Location").first)
        let url = try #require(URLComponents(string: location))
        var query: [String: String] = [:]
        for item in url.queryItems ?? [] { query[item.name] = item.value }
        let form = server.respond(to: Self.request(NorthwindIdentity.path, query: query))
        let html = Self.text(form)
        for (id, name) in [("nw-email", "email"), ("nw-given", "given_name"), ("nw-family", "family_name"), ("nw-company", "company")] {
            #expect(html.contains("<label for=\"\(id)\""))
            #expect(html.contains("id=\"\(id)\" name=\"\(name)\""))
        }
        #expect(html.contains("<html lang=\"en\">") && html.contains("<main>") && html.contains("<h1>"))
        #expect(html.contains("name=\"viewport\""))
        #expect(!html.contains("<script") && !html.contains("style=\""))
        let policy = try #require(Self.header(form, "Content-Security-Policy").first)
        #expect(!policy.contains("unsafe-inline"))
        let hash = "sha256-" + Data(Digest.sha256(Array(NorthwindIdentity.styleSheet.utf8))).base64EncodedString()
        #expect(policy.contains("style-src '\(hash)'"))
        #expect(html.contains("<style>\(NorthwindIdentity.styleSheet)</style>"))
        // An e-mail left empty shows the form again with the problem announced.
        var fields = query
        fields["email"] = " "
        let empty = server.respond(to: Self.request(NorthwindIdentity.path, method: .post, form: fields))
        #expect(empty.status == 422)
        #expect(Self.text(empty).contains("role=\"alert\""))
    }
}
