import CommunityKit
import Foundation
import Testing

/// Bearer tokens (personal and client credentials), scopes, expiry and revocation, and the
/// session cookie with its CSRF header.
@Suite struct APIAuthenticationTests {
    @Test func aPersonalTokenActsAsItsUserAndIsStoredOnlyAsADigest() throws {
        let community = try APIFixture.community()
        let issued = try community.createPersonalAccessToken(for: "pat", name: "CLI", scopes: [APIScope(.profile, .read)])
        #expect(issued.text.hasPrefix("ckp_"))
        #expect(!"\(issued)".contains(issued.text))
        let stored = try #require(try community.apiTokens(of: "pat").first)
        #expect(stored.digest.count == 64 && !stored.digest.contains(issued.text) && stored.digest != issued.text)
        let me = APICaller(community, token: issued.text).get("/me")
        #expect(me.status == 200)
        #expect(me.json["id"]?.stringValue == "pat")
        #expect(me.json["authentication"]?.stringValue == "token")
        #expect(me.json["csrfToken"] == .null)
    }

    @Test func unknownExpiredAndRevokedTokensAre401WithTheReason() throws {
        let clock = ManualClock()
        let community = try APIFixture.community(clock: clock)
        #expect(APICaller(community, token: "ckp_nope").get("/me").json["reason"]?.stringValue == "unknown")
        #expect(APICaller(community, token: "something-else").get("/me").status == 401)
        let malformed = APIAnswer(response: community.handle(SiteRequest(.get, "/partners/api/v1/me", headers: ["authorization": "Basic abc"])))
        #expect(malformed.status == 401 && malformed.json["reason"]?.stringValue == "malformed")
        let short = try community.createPersonalAccessToken(for: "pat", name: "short", scopes: APIScope.all, lifetime: 3_600)
        #expect(APICaller(community, token: short.text).get("/me").status == 200)
        clock.advance(by: 3_601)
        let expired = APICaller(community, token: short.text).get("/me")
        #expect(expired.status == 401 && expired.json["reason"]?.stringValue == "expired")
        #expect(expired.response.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        let revoked = try community.createPersonalAccessToken(for: "pat", name: "r", scopes: APIScope.all)
        try community.revokeAPIToken(revoked.token.id, by: "pat")
        #expect(APICaller(community, token: revoked.text).get("/me").json["reason"]?.stringValue == "revoked")
        // Nobody else revokes pat's token; an administrator could.
        let other = try community.createPersonalAccessToken(for: "pat", name: "o", scopes: APIScope.all)
        #expect(throws: APIProblem.self) { try community.revokeAPIToken(other.token.id, by: "bo") }
        #expect(APICaller(community, token: other.text).get("/me").status == 200)
    }

    @Test func aMissingScopeIsRefusedAndNothingIsWritten() throws {
        let community = try APIFixture.community()
        let readOnly = try APIFixture.token(community, "pat", scopes: APIScope.readOnly)
        let answer = APICaller(community, token: readOnly).post("/leads", #"{"lastName": "New", "company": "New Co"}"#)
        #expect(answer.status == 403 && answer.kind == "missing-scope")
        #expect(answer.json["scope"]?.stringValue == "records:write")
        #expect(try community.store.snapshot().all(Lead.self).count == 3)
        let casesOnly = try APIFixture.token(community, "pat", scopes: [APIScope(.cases, .write)])
        #expect(APICaller(community, token: casesOnly).get("/cases").status == 200)  // write includes read
        #expect(APICaller(community, token: casesOnly).get("/leads").kind == "missing-scope")
    }

    @Test func tokenCreationChecksItsInput() throws {
        let community = try APIFixture.community()
        #expect(throws: APIProblem.self) { try community.createPersonalAccessToken(for: "pat", name: " ", scopes: APIScope.all) }
        #expect(throws: APIProblem.self) { try community.createPersonalAccessToken(for: "pat", name: "x", scopes: []) }
        #expect(throws: APIProblem.self) { try community.createPersonalAccessToken(for: "pat", name: "x", scopes: APIScope.all, lifetime: 10 * 365 * 86_400) }
        #expect(throws: APIProblem.self) { try community.createPersonalAccessToken(for: "ghost", name: "x", scopes: APIScope.all) }
        #expect(try community.apiTokens(of: "pat").isEmpty)
    }

    @Test func clientCredentialsIssueAShortLivedTokenLimitedToTheClientsScopes() throws {
        let clock = ManualClock()
        let community = try APIFixture.community(clock: clock)
        let client = try community.registerAPIClient(name: "ERP", user: "cara", scopes: [APIScope(.records, .read), APIScope(.records, .write)])
        func grant(_ form: [String: String], headers: [String: String] = [:]) -> APIAnswer {
            APIAnswer(response: community.handle(SiteRequest(.post, "/partners/api/v1/oauth/token", form: form, headers: headers)))
        }
        let ok = grant(["grant_type": "client_credentials", "client_id": client.client.id.rawValue, "client_secret": client.secret, "scope": "records:read"])
        #expect(ok.status == 200)
        #expect(ok.json["token_type"]?.stringValue == "Bearer")
        #expect(ok.json["scope"]?.stringValue == "records:read")
        let token = try #require(ok.json["access_token"]?.stringValue)
        #expect(APICaller(community, token: token).get("/leads").ids.count == 3)  // cara, the channel manager, reads every lead
        #expect(APICaller(community, token: token).post("/leads", #"{"lastName": "X", "company": "Y"}"#).kind == "missing-scope")
        let basic = Data("\(client.client.id.rawValue):\(client.secret)".utf8).base64EncodedString()
        #expect(grant(["grant_type": "client_credentials"], headers: ["authorization": "Basic " + basic]).status == 200)
        #expect(grant(["grant_type": "client_credentials", "client_id": client.client.id.rawValue, "client_secret": "wrong"]).json["error"]?.stringValue == "invalid_client")
        #expect(grant(["grant_type": "password"]).json["error"]?.stringValue == "unsupported_grant_type")
        #expect(grant(["grant_type": "client_credentials", "client_id": client.client.id.rawValue, "client_secret": client.secret, "scope": "admin:write"])
            .json["error"]?.stringValue == "invalid_scope")
        #expect(grant(["grant_type": "client_credentials", "client_id": client.client.id.rawValue, "client_secret": client.secret, "scope": "bogus"]).status == 400)
        clock.advance(by: 3_601)
        #expect(APICaller(community, token: token).get("/leads").json["reason"]?.stringValue == "expired")
        try community.revokeAPIClient(client.client.id)
        #expect(grant(["grant_type": "client_credentials", "client_id": client.client.id.rawValue, "client_secret": client.secret]).status == 401)
    }

    @Test func aGuestTokenCanDoOnlyWhatTheGuestCan() throws {
        let community = try APIFixture.community()
        let guestUser = try #require(community.site("partners")?.site.guestUserID)
        let client = try community.registerAPIClient(name: "Kiosk", user: guestUser, scopes: APIScope.all)
        let token = try community.issueClientToken(clientID: client.client.id.rawValue, secret: client.secret).text
        let guest = APICaller(community, token: token)
        let me = guest.get("/me")
        #expect(me.json["isGuest"] == .bool(true))
        #expect(guest.get("/leads").ids.isEmpty)
        #expect(guest.get("/records/Lead/lead-acme-1").status == 404)
        #expect(guest.post("/leads", #"{"lastName": "X", "company": "Y"}"#).status == 403)
        #expect(guest.post("/questions", #"{"title": "Hi", "body": "there"}"#).status == 403)
        #expect(guest.get("/notifications").status == 403)
        #expect(try community.store.snapshot().all(Lead.self).count == 3)
        // No credentials at all: the same guest, and 401 where a member is needed.
        let anonymous = APICaller(community)
        #expect(anonymous.get("/leads").ids.isEmpty)
        #expect(anonymous.post("/leads", #"{"lastName": "X", "company": "Y"}"#).status == 401)
    }

    @Test func aSessionNeedsTheCSRFHeaderOnUnsafeMethods() throws {
        let community = try APIFixture.community()
        var pat = APICaller(community, session: "pat")
        let me = pat.get("/me")
        #expect(me.json["authentication"]?.stringValue == "session")
        let csrf = try #require(me.json["csrfToken"]?.stringValue)
        let refused = pat.post("/leads", #"{"lastName": "New", "company": "Contoso"}"#)
        #expect(refused.status == 403 && refused.kind == "csrf-required")
        #expect(try community.store.snapshot().all(Lead.self).count == 3)
        let crossSite = pat.post("/leads", #"{"lastName": "New", "company": "Contoso"}"#, headers: ["x-csrf-token": csrf, "origin": "https://evil.example"])
        #expect(crossSite.status == 403)
        pat.headers["x-csrf-token"] = csrf
        #expect(pat.post("/leads", #"{"lastName": "New", "company": "Contoso"}"#).status == 201)
        #expect(try community.store.snapshot().all(Lead.self).count == 4)
    }

    @Test func aTokenOfAnotherSitesMemberIsRefused() throws {
        let community = try APIFixture.community()
        try community.store.write { tx in
            try tx.put(Profile(id: "outsider", name: "Outsider", permissions: PermissionGrants(objects: [:])))
            try tx.put(User(id: "olga", kind: .customer, name: "Olga", email: "olga@x.example", profileID: "outsider", accountID: "globex"))
        }
        let token = try APIFixture.token(community, "olga")
        #expect(APICaller(community, token: token).get("/me").status == 403)
    }
}
