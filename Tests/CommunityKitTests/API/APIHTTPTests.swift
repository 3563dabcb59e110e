import CommunityKit
import Foundation
import Testing

/// Idempotency keys, rate limits, CORS and problem documents.
@Suite struct APIHTTPTests {
    @Test func anIdempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentBody() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let body = #"{"lastName": "Once", "company": "Idem Co"}"#
        let first = pat.post("/leads", body, headers: ["Idempotency-Key": "k-1"])
        #expect(first.status == 201)
        let again = pat.post("/leads", body, headers: ["Idempotency-Key": "k-1"])
        #expect(again.status == 201)
        #expect(again.response.headers["Idempotent-Replayed"] == "true")
        #expect(again.json["lead"]?["id"] == first.json["lead"]?["id"])
        #expect(try community.store.snapshot().all(Lead.self).count == 4)
        let different = pat.post("/leads", #"{"lastName": "Twice", "company": "Idem Co"}"#, headers: ["Idempotency-Key": "k-1"])
        #expect(different.status == 422 && different.kind == "idempotency-key-reused")
        #expect(different.invalidFields == ["Idempotency-Key"])
        #expect(try community.store.snapshot().all(Lead.self).count == 4)
        // Another caller's same key is theirs alone.
        let mia = APICaller(community, token: try APIFixture.token(community, "mia"))
        #expect(mia.post("/leads", body, headers: ["Idempotency-Key": "k-1"]).response.headers["Idempotent-Replayed"] == nil)
        #expect(pat.post("/leads", body, headers: ["Idempotency-Key": String(repeating: "k", count: 300)]).invalidFields == ["Idempotency-Key"])
    }

    @Test func rateLimitsPerTokenAndPerUserAnswer429WithRetryAfter() throws {
        var configuration = APIConfiguration()
        configuration.requestsPerToken = 3
        configuration.requestsPerUser = 4
        let clock = ManualClock()
        let community = try APIFixture.community(api: configuration, clock: clock)
        let token = try APIFixture.token(community, "pat")
        let pat = APICaller(community, token: token)
        for _ in 0..<3 { #expect(pat.get("/me").status == 200) }
        let limited = pat.get("/me")
        #expect(limited.status == 429 && limited.kind == "rate-limited")
        #expect(limited.response.headers["Retry-After"] == "60")
        #expect(limited.json["limitedBy"]?.stringValue == "token")
        // A second token of the same user still runs into the per-user limit.
        let second = APICaller(community, token: try APIFixture.token(community, "pat"))
        #expect(second.get("/me").status == 200)
        let user = second.get("/me")
        #expect(user.status == 429 && user.json["limitedBy"]?.stringValue == "user")
        clock.advance(by: 61)
        #expect(pat.get("/me").status == 200)
    }

    @Test func corsAllowsOnlyTheOriginsTheSiteAllows() throws {
        var configuration = APIConfiguration()
        configuration.allowedOrigins = ["partners": ["https://app.example.com"]]
        let community = try APIFixture.community(api: configuration)
        let preflight = APIAnswer(response: community.handle(SiteRequest(
            .options, "/partners/api/v1/leads", headers: ["origin": "https://app.example.com", "access-control-request-method": "POST"])))
        #expect(preflight.status == 204)
        #expect(preflight.response.headers["Access-Control-Allow-Origin"] == "https://app.example.com")
        #expect(preflight.response.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)
        let other = APIAnswer(response: community.handle(SiteRequest(.options, "/partners/api/v1/leads", headers: ["origin": "https://evil.example"])))
        #expect(other.status == 403)
        #expect(other.response.headers["Access-Control-Allow-Origin"] == nil)
        var caller = APICaller(community, token: try APIFixture.token(community, "pat"))
        caller.headers["origin"] = "https://app.example.com"
        #expect(caller.get("/me").response.headers["Access-Control-Allow-Origin"] == "https://app.example.com")
        caller.headers["origin"] = "https://evil.example"
        #expect(caller.get("/me").response.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func problemsAreRFC9457Documents() throws {
        let community = try APIFixture.community()
        let answer = APICaller(community, token: "ckp_unknown").get("/me")
        #expect(answer.contentType == "application/problem+json")
        #expect(answer.json["type"]?.stringValue == APIProblem.typeBase + "unauthenticated")
        #expect(answer.json["status"] == .number(401))
        #expect(answer.json["title"]?.stringValue?.isEmpty == false)
        #expect(answer.json["detail"]?.stringValue?.isEmpty == false)
        #expect(answer.response.headers["Cache-Control"] == "no-store")
    }

    @Test func pagesRefuseTheAPIsMethods() throws {
        let community = try APIFixture.community()
        #expect(community.handle(SiteRequest(.delete, "/partners/leads", viewer: community.viewer("pat"))).status == 405)
        #expect(community.handle(SiteRequest(.put, "/partners/builder", viewer: community.viewer("cara"))).status == 405 ||
                community.handle(SiteRequest(.put, "/partners/builder", viewer: community.viewer("cara"))).status == 403)
    }
}
