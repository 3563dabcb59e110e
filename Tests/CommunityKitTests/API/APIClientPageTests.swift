import CommunityKit
import Foundation
import Testing

/// The administrator's page of OAuth clients: register one (secret shown once), use it through
/// the client-credentials grant, revoke it; CSRF, permission and bad input; en/de/ko.
@Suite struct APIClientPageTests {
    private func community() throws -> Community { try APIFixture.multilingualAdministration() }

    private func page(_ community: Community, _ viewer: Viewer) -> SiteResponse {
        community.handle(SiteRequest(.get, "/partners/api-tokens/clients", viewer: viewer))
    }

    @Test func anAdministratorRegistersUsesAndRevokesAClient() throws {
        let community = try community()
        let cara = community.viewer("cara", sessionID: "s-cara")
        let shown = page(community, cara)
        #expect(shown.status == 200)
        #expect(shown.body.contains("API clients") && shown.body.contains("/partners/api/v1/oauth/token"))
        let csrf = KitFixture.token(shown.body)
        let created = community.handle(SiteRequest(.post, "/partners/api-tokens/clients", form: [
            "_csrf": csrf, "action": "register", "name": "ERP sync", "user": "cara", "scope.records:read": "on",
        ], viewer: cara))
        #expect(created.status == 200)
        let secret = try #require(created.body.range(of: "cks_[A-Za-z0-9_-]+", options: .regularExpression).map { String(created.body[$0]) })
        let client = try #require(try community.apiClients().first)
        #expect(client.name == "ERP sync" && client.userID == "cara" && client.scopeNames == ["records:read"])
        #expect(created.body.contains(client.id.rawValue))
        // The secret works for the client-credentials grant and is never shown again.
        let issued = try community.issueClientToken(clientID: client.id.rawValue, secret: secret)
        #expect(APICaller(community, token: issued.text).get("/leads").status == 200)
        #expect(APICaller(community, token: issued.text).get("/cases").kind == "missing-scope")
        #expect(!page(community, cara).body.contains(secret))
        #expect(page(community, cara).body.contains("ERP sync"))

        let revoked = community.handle(SiteRequest(.post, "/partners/api-tokens/clients", form: [
            "_csrf": csrf, "action": "revoke", "client": client.id.rawValue,
        ], viewer: cara))
        #expect(revoked.status == 200 && revoked.body.contains("revoked"))
        #expect(try community.apiClients().first?.revokedAt != nil)
        #expect(APICaller(community, token: issued.text).get("/leads").status == 401)
        #expect(throws: APIProblem.self) { try community.issueClientToken(clientID: client.id.rawValue, secret: secret) }
    }

    @Test func onlyAdministratorsWithAValidFormRegisterClients() throws {
        let community = try community()
        let cara = community.viewer("cara", sessionID: "s-cara")
        let pat = community.viewer("pat", sessionID: "s-pat")
        #expect(page(community, pat).status == 403)
        #expect(community.handle(SiteRequest(.get, "/partners/api-tokens/clients")).status == 303)
        let csrf = KitFixture.token(page(community, cara).body)
        let form = ["action": "register", "name": "ERP", "user": "cara", "scope.records:read": "on"]
        // No CSRF token, someone else's token, or a partner: nothing is registered.
        #expect(community.handle(SiteRequest(.post, "/partners/api-tokens/clients", form: form, viewer: cara)).status == 403)
        let patCSRF = KitFixture.token(community.handle(SiteRequest(.get, "/partners/api-tokens", viewer: pat)).body)
        #expect(community.handle(SiteRequest(.post, "/partners/api-tokens/clients", form: form.merging(["_csrf": patCSRF]) { $1 }, viewer: pat)).status == 403)
        let invalid = community.handle(SiteRequest(.post, "/partners/api-tokens/clients", form: [
            "_csrf": csrf, "action": "register", "name": "", "user": "nobody",
        ], viewer: cara))
        #expect(invalid.status == 422)
        #expect(invalid.body.contains("Choose at least one scope.") && invalid.body.contains("Choose an active user"))
        #expect(try community.apiClients().isEmpty)
        let unknown = community.handle(SiteRequest(.post, "/partners/api-tokens/clients", form: ["_csrf": csrf, "action": "revoke", "client": "client-none"], viewer: cara))
        #expect(unknown.status == 422)
    }

    @Test func thePageSpeaksTheAdministratorsLanguage() throws {
        let community = try community()
        for (locale, title, lang) in [("de_DE", "API-Clients", "de-DE"), ("ko_KR", "API 클라이언트", "ko-KR"), ("en_US", "API clients", "en-US")] {
            var user = try #require(try community.store.snapshot().value(ID<User>("cara")))
            user.locale = locale
            try community.store.write { tx in try tx.put(user) }
            let shown = page(community, community.viewer("cara", sessionID: "s-cara"))
            #expect(shown.status == 200)
            #expect(shown.body.contains("<h1>" + title + "</h1>"))
            #expect(shown.body.contains("<html lang=\"" + lang + "\""))
        }
        for locale in ["en", "de", "ko"] {
            #expect(UIStrings.standard.missingKeys(in: locale).filter { $0.rawValue.hasPrefix("apiClients.") }.isEmpty)
        }
    }
}
