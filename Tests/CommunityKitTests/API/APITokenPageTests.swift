import CommunityKit
import Foundation
import Testing

/// The site's token page: a member creates a token (shown once) and revokes it with CSRF-checked
/// forms; administrators read webhook deliveries.
@Suite struct APITokenPageTests {
    @Test func aMemberCreatesUsesAndRevokesATokenThroughTheSite() throws {
        let community = try APIFixture.community()
        let pat = community.viewer("pat", sessionID: "s-pat")
        let page = community.handle(SiteRequest(.get, "/partners/api-tokens", viewer: pat))
        #expect(page.status == 200)
        let csrf = KitFixture.token(page.body)
        let created = community.handle(SiteRequest(.post, "/partners/api-tokens", form: [
            "_csrf": csrf, "action": "create", "name": "Laptop", "scope.records:read": "on", "days": "30",
        ], viewer: pat))
        #expect(created.status == 200)
        let token = try #require(created.body.range(of: "ckp_[A-Za-z0-9_-]+", options: .regularExpression).map { String(created.body[$0]) })
        #expect(APICaller(community, token: token).get("/leads").status == 200)
        #expect(APICaller(community, token: token).get("/cases").kind == "missing-scope")
        #expect(!community.handle(SiteRequest(.get, "/partners/api-tokens", viewer: pat)).body.contains(token))  // shown once
        let stored = try #require(try community.apiTokens(of: "pat").first)
        let revoke = community.handle(SiteRequest(.post, "/partners/api-tokens", form: ["_csrf": csrf, "action": "revoke", "token": stored.id.rawValue], viewer: pat))
        #expect(revoke.status == 200 && revoke.body.contains("revoked"))
        #expect(APICaller(community, token: token).get("/leads").status == 401)
    }

    @Test func theFormsAreCheckedAndGuestsAreSentToSignIn() throws {
        let community = try APIFixture.community()
        let pat = community.viewer("pat", sessionID: "s-pat")
        #expect(community.handle(SiteRequest(.post, "/partners/api-tokens", form: ["action": "create", "name": "x", "scope.records:read": "on", "days": "30"], viewer: pat)).status == 403)
        let csrf = KitFixture.token(community.handle(SiteRequest(.get, "/partners/api-tokens", viewer: pat)).body)
        let invalid = community.handle(SiteRequest(.post, "/partners/api-tokens", form: ["_csrf": csrf, "action": "create", "name": "", "days": "30"], viewer: pat))
        #expect(invalid.status == 422)
        #expect(try community.apiTokens(of: "pat").isEmpty)
        #expect(community.handle(SiteRequest(.get, "/partners/api-tokens")).status == 303)
        #expect(community.handle(SiteRequest(.get, "/partners/api-tokens/webhooks", viewer: pat)).status == 403)
    }

    private func multilingual() throws -> Community { try APIFixture.multilingualAdministration() }

    private func setLocale(_ locale: String, of user: String, in community: Community) throws {
        var stored = try #require(try community.store.snapshot().value(ID<User>(user)))
        stored.locale = locale
        try community.store.write { tx in try tx.put(stored) }
    }

    @Test(arguments: [
        ("de_DE", "de-DE", "API-Tokens", "Läuft ab nach", "30 Tagen", "Webhooks und Zustellungen"),
        ("ko_KR", "ko-KR", "API 토큰", "만료 기간", "30일", "웹훅 및 전송 기록"),
        ("en_US", "en-US", "API tokens", "Expires after", "30 days", "Webhooks and deliveries"),
    ])
    func theTokenPageSpeaksTheMembersLanguage(locale: String, lang: String, title: String, expires: String, days: String, webhooks: String) throws {
        let community = try multilingual()
        try setLocale(locale, of: "cara", in: community)
        let cara = community.viewer("cara", sessionID: "s-cara")
        let page = community.handle(SiteRequest(.get, "/partners/api-tokens", viewer: cara))
        #expect(page.status == 200)
        #expect(page.body.contains("<html lang=\"" + lang + "\""))
        #expect(page.body.contains("<h1>" + title + "</h1>"))
        #expect(page.body.contains(expires) && page.body.contains(">" + days + "<") && page.body.contains(webhooks))
        // A refused form answers in the same language, and nothing is created.
        let refused = community.handle(SiteRequest(.post, "/partners/api-tokens", form: [
            "_csrf": KitFixture.token(page.body), "action": "create", "name": "", "days": "30",
        ], viewer: cara))
        #expect(refused.status == 422)
        #expect(refused.body.contains(UIStrings.standard.text("apiTokens.nameInvalid", locale: locale)))
        #expect(try community.apiTokens(of: "cara").isEmpty)
    }

    @Test func theWebhooksPageSpeaksTheAdministratorsLanguage() throws {
        let community = try multilingual()
        try setLocale("de_DE", of: "cara", in: community)
        let cara = community.viewer("cara", sessionID: "s-cara")
        let page = community.handle(SiteRequest(.get, "/partners/api-tokens/webhooks", viewer: cara))
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Webhooks</h1>") && page.body.contains("Noch keine Endpunkte.") && page.body.contains("Endpunkt registrieren"))
        let bad = community.handle(SiteRequest(.post, "/partners/api-tokens/webhooks", form: [
            "_csrf": KitFixture.token(page.body), "action": "register", "url": "ftp://example.com/hook", "event.lead.approved": "on",
        ], viewer: cara))
        #expect(bad.status == 422)
        #expect(bad.body.contains("Geben Sie eine http- oder https-URL ein."))
        let noEvents = community.handle(SiteRequest(.post, "/partners/api-tokens/webhooks", form: [
            "_csrf": KitFixture.token(page.body), "action": "register", "url": "https://example.com/hook",
        ], viewer: cara))
        #expect(noEvents.status == 422 && noEvents.body.contains("Wählen Sie mindestens ein Ereignis."))
        #expect(try community.webhookEndpoints().isEmpty)
        try setLocale("ko_KR", of: "pat", in: community)
        let refused = community.handle(SiteRequest(.get, "/partners/api-tokens/webhooks", viewer: community.viewer("pat", sessionID: "s-pat")))
        #expect(refused.status == 403 && refused.body.contains("웹훅"))
    }

    @Test func everyTokenAndWebhookStringIsTranslated() {
        for locale in ["en", "de", "ko"] {
            let missing = UIStrings.standard.missingKeys(in: locale).filter { $0.rawValue.hasPrefix("apiTokens.") || $0.rawValue.hasPrefix("webhooks.") }
            #expect(missing.isEmpty, "\(locale): \(missing)")
        }
        for status in WebhookDelivery.Status.allCases {
            #expect(UIStrings.builtInKeys.contains(UIStringKey("webhooks.status." + status.rawValue)))
        }
    }

    @Test func theTokenPagesWearTheSitesOwnFrame() throws {
        let community = try multilingual()
        let cara = community.viewer("cara", sessionID: "s-cara")
        for path in ["/partners/api-tokens", "/partners/api-tokens/webhooks", "/partners/api-tokens/clients"] {
            let page = community.handle(SiteRequest(.get, path, viewer: cara))
            #expect(page.status == 200, "\(path)")
            // The header (navigation, account menu) and footer of the site's pages, the main content once.
            #expect(page.body.contains("<header class=\"ck-region-header\">") && page.body.contains("data-component=\"community.header\""), "\(path)")
            #expect(page.body.contains("<footer class=\"ck-region-footer\">"), "\(path)")
            #expect(page.body.components(separatedBy: "<main ").count == 2, "\(path)")
            #expect(page.body.contains("<meta name=\"robots\" content=\"noindex\">"), "\(path)")
        }
        // A site without a home page has no frame to lend: the pages keep a plain one of their own.
        var site = try #require(community.site("partners")?.site)
        site.homePageID = nil
        try community.addSite(site)
        let plain = community.handle(SiteRequest(.get, "/partners/api-tokens", viewer: cara))
        #expect(plain.status == 200 && plain.body.contains("<header class=\"ck-header\">") && !plain.body.contains("<header class=\"ck-region-header\">"))
    }
}
