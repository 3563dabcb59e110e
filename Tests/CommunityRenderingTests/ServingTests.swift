import CommunityModel
import CommunityRendering
import Foundation
import Testing

@Suite struct ServingTests {
    func token(for user: User?) -> String {
        Fixtures.csrf.token(for: user.map(Fixtures.viewer) ?? .guest, site: "help", at: Fixtures.clock.now())
    }

    @Test func servesPagesWithLandmarksAndSecurityHeaders() throws {
        let response = try Fixtures.responder().handle(Fixtures.request(.get, "/help/docs/install/linux"))
        #expect(response.status == 200)
        #expect(response.body.hasPrefix("<!DOCTYPE html><html lang=\"en-US\">"))
        #expect(response.body.contains("<a class=\"ck-skip\" href=\"#main\">Skip to content</a>"))
        #expect(response.body.contains("<header class=\"ck-region-header\">"))
        #expect(response.body.contains("<main id=\"main\""))
        #expect(response.body.contains("<nav class=\"ck-nav\" aria-label=\"Main navigation\">"))
        #expect(response.body.contains("<title>Linux | Help</title>"))
        let csp = try #require(response.headers["Content-Security-Policy"])
        #expect(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"))
        // The one inline stylesheet is allowed by its hash.
        let css = try #require(response.body.split(separator: "<style>").last?.split(separator: "</style>").first)
        #expect(csp.contains("'sha256-\(SHA256.base64(SHA256.hash(Array(css.utf8))))'"))
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["X-Frame-Options"] == "DENY")
    }

    @Test func localeFollowsTheViewer() throws {
        let response = try Fixtures.responder().handle(Fixtures.request(.get, "/help/docs", as: Fixtures.partnerB))
        #expect(response.body.contains("<html lang=\"de-DE\">"))
        #expect(response.body.contains("Zum Inhalt springen"))
    }

    @Test func customNotFoundAndForbidden() throws {
        let responder = try Fixtures.responder()
        let missing = responder.handle(Fixtures.request(.get, "/help/nothing-here"))
        #expect(missing.status == 404)
        #expect(missing.body.contains("Custom not found"))
        #expect(missing.body.contains("<meta name=\"robots\" content=\"noindex\">"))
        let guest = responder.handle(Fixtures.request(.get, "/help/members"))
        #expect(guest.status == 403)
        #expect(guest.body.contains("Custom forbidden"))
        #expect(!guest.body.contains("Secret members text"))
        let member = responder.handle(Fixtures.request(.get, "/help/members", as: Fixtures.customer))
        #expect(member.status == 200 && member.body.contains("Secret members text"))
        #expect(responder.handle(Fixtures.request(.get, "/help/partner-area", as: Fixtures.customer)).status == 403)
        #expect(responder.handle(Fixtures.request(.get, "/help/partner-area", as: Fixtures.partnerB)).status == 200)
        #expect(responder.handle(Fixtures.request(.get, "/elsewhere")).status == 404)
    }

    @Test func redirectsArePermanent() throws {
        var site = try Fixtures.site()
        try site.renamePage("docs", slug: "guides")
        let response = try Fixtures.responder(site: site).handle(Fixtures.request(.get, "/help/docs/install"))
        #expect(response.status == 301)
        #expect(response.location == "/help/guides/install")
    }

    @Test func statusGatesTheSite() throws {
        let offline = try Fixtures.responder(site: Fixtures.site(status: .offline))
        #expect(offline.handle(Fixtures.request(.get, "/help/docs", as: Fixtures.employee)).status == 503)
        let draft = try Fixtures.responder(site: Fixtures.site(status: .draft))
        #expect(draft.handle(Fixtures.request(.get, "/help/docs")).status == 404)
        #expect(draft.handle(Fixtures.request(.get, "/help/docs", as: Fixtures.partnerA)).status == 404)
        #expect(draft.handle(Fixtures.request(.get, "/help/docs", as: Fixtures.employee)).status == 200)
        let preview = try Fixtures.responder(site: Fixtures.site(status: .preview))
        #expect(preview.handle(Fixtures.request(.get, "/help/docs")).status == 401)
        #expect(preview.handle(Fixtures.request(.get, "/help/docs", as: Fixtures.partnerA)).status == 200)
    }

    @Test func guestsAreKeptOutWhenGuestAccessIsOff() throws {
        var site = try Fixtures.site()
        site.guestAccess = false
        let responder = try Fixtures.responder(site: site)
        #expect(responder.handle(Fixtures.request(.get, "/help/docs")).status == 403)
        #expect(responder.handle(Fixtures.request(.get, "/help/docs", as: Fixtures.customer)).status == 200)
    }

    func actions() -> FormActionRegistry {
        var actions = FormActionRegistry()
        actions.register("askQuestion") { request in
            var errors: [String: String] = [:]
            if request.field("title") == nil { errors["title"] = "Enter a title" }
            if (request.form["body"] ?? "").count < 10 { errors["body"] = "Say a little more (10 characters)" }
            if !errors.isEmpty { return .invalid(errors) }
            return .redirect(SafeURL("/help/question/q-new"))
        }
        actions.register("staffOnly") { request in request.viewer.user?.kind == .internal ? .redirect(SafeURL("/help/")) : .forbidden }
        actions.register("escape") { _ in .redirect(SafeURL("https://evil.example/")) }
        return actions
    }

    @Test func postsNeedAValidCSRFToken() throws {
        let responder = try Fixtures.responder(actions: actions())
        let form = ["title": "Hello", "body": "A long enough question"]
        #expect(responder.handle(Fixtures.request(.post, "/help/_action/askQuestion", as: Fixtures.partnerA, form: form)).status == 403)
        let forged = form.merging(["_csrf": token(for: Fixtures.partnerB)]) { a, _ in a }
        #expect(responder.handle(Fixtures.request(.post, "/help/_action/askQuestion", as: Fixtures.partnerA, form: forged)).status == 403)
        let good = form.merging(["_csrf": token(for: Fixtures.partnerA)]) { a, _ in a }
        let response = responder.handle(Fixtures.request(.post, "/help/_action/askQuestion", as: Fixtures.partnerA, form: good))
        #expect(response.status == 303)
        #expect(response.location == "/help/question/q-new")
        #expect(responder.handle(Fixtures.request(.post, "/help/_action/nope", as: Fixtures.partnerA, form: good)).status == 404)
        #expect(responder.handle(Fixtures.request(.post, "/help/docs", as: Fixtures.partnerA, form: good)).status == 405)
    }

    @Test func validationErrorsAreShownInTheFormEscaped() throws {
        let responder = try Fixtures.responder(actions: actions())
        let form = ["title": "", "body": "<script>x", "_csrf": token(for: Fixtures.partnerA), "_return": "/help/ask"]
        let response = responder.handle(Fixtures.request(.post, "/help/_action/askQuestion", as: Fixtures.partnerA, form: form))
        #expect(response.status == 422)
        #expect(response.body.contains("Enter a title"))
        #expect(response.body.contains("Say a little more (10 characters)"))
        #expect(response.body.contains("aria-invalid=\"true\""))
        #expect(response.body.contains("&lt;script&gt;x</textarea>"))
        #expect(!response.body.contains("<script>x"))
    }

    @Test func forbiddenActionsAndOffsiteRedirects() throws {
        let responder = try Fixtures.responder(actions: actions())
        let form = ["_csrf": token(for: Fixtures.partnerA)]
        #expect(responder.handle(Fixtures.request(.post, "/help/_action/staffOnly", as: Fixtures.partnerA, form: form)).status == 403)
        let escaped = responder.handle(Fixtures.request(.post, "/help/_action/escape", as: Fixtures.partnerA, form: form))
        #expect(escaped.status == 303 && escaped.location == "/help/", "actions cannot redirect off the site")
        let badReturn = form.merging(["_return": "//evil.example/x"]) { a, _ in a }
        let invalid = responder.handle(Fixtures.request(.post, "/help/_action/askQuestion", as: Fixtures.partnerA, form: badReturn))
        #expect(invalid.status == 422 && invalid.body.contains("Hello gold partner"), "an off-site return path falls back to the home page")
    }

    @Test func headHasNoBody() throws {
        let response = try Fixtures.responder().handle(Fixtures.request(.head, "/help/docs"))
        #expect(response.status == 200 && response.body.isEmpty)
    }

    @Test func componentAudiencesAndMenus() throws {
        let responder = try Fixtures.responder()
        let guest = responder.handle(Fixtures.request(.get, "/help/"))
        #expect(!guest.body.contains("Partner area"), "menu item limited to partners")
        #expect(guest.body.contains("Welcome"))
        let pat = responder.handle(Fixtures.request(.get, "/help/", as: Fixtures.partnerA))
        #expect(pat.body.contains("Partner area") && pat.body.contains("Hello gold partner"))
        let bo = responder.handle(Fixtures.request(.get, "/help/", as: Fixtures.partnerB))
        #expect(bo.body.contains("Hello partner") && !bo.body.contains("gold"))
    }

    @Test func invalidSitesAreRefusedAtBuild() throws {
        var site = try Fixtures.site()
        var page = try #require(site.page("docs"))
        page.layout.regions[1].rows[0].columns[0].components = [ComponentInstance(id: "x", type: "community.banner", properties: [:])]
        try site.updatePage(page)
        #expect(throws: SiteError.self) { try Fixtures.responder(site: site) }
    }
}
