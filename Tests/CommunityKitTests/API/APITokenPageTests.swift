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
}
