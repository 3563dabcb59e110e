import CommunityKit
import Foundation
import Testing

/// Idempotency keys and list cursors live in the store, so several engines (hosts behind a load
/// balancer) on one store agree, and a restart forgets neither.
@Suite struct APIDurableStateTests {
    @Test func aKeyReplayedOnAnotherHostReplaysTheFirstAnswer() throws {
        let store = try APIFixture.seededStore()
        let first = try APIFixture.community(store: store)
        let second = try APIFixture.community(store: store)
        let token = try APIFixture.token(first, "pat")
        let body = #"{"lastName": "Once", "company": "Idem Co"}"#
        let answer = APICaller(first, token: token).post("/leads", body, headers: ["Idempotency-Key": "order-42"])
        #expect(answer.status == 201)
        let replay = APICaller(second, token: token).post("/leads", body, headers: ["Idempotency-Key": "order-42"])
        #expect(replay.status == 201)
        #expect(replay.response.headers["Idempotent-Replayed"] == "true")
        #expect(replay.json["lead"]?["id"] == answer.json["lead"]?["id"])
        #expect(replay.response.headers["Location"] == answer.response.headers["Location"])
        #expect(try store.snapshot().all(Lead.self).count == 4)
        let different = APICaller(second, token: token).post("/leads", #"{"lastName": "Twice", "company": "Idem Co"}"#, headers: ["Idempotency-Key": "order-42"])
        #expect(different.status == 422 && different.kind == "idempotency-key-reused")
        #expect(try store.snapshot().all(Lead.self).count == 4)
        #expect(try store.snapshot().all(APIIdempotencyRecord.self).count == 1)
    }

    @Test func aKeyWhoseFirstRequestStillRunsIsAConflictNotASecondWrite() throws {
        let store = try APIFixture.seededStore()
        let community = try APIFixture.community(store: store)
        let issued = try community.createPersonalAccessToken(for: "pat", name: "test", scopes: APIScope.all)
        let id = APIIdempotencyRecord.id(caller: "token:" + issued.token.id.rawValue, operation: "registerLead", path: "/partners/api/v1/leads", key: "k-running")
        let body = #"{"lastName": "Busy", "company": "Busy Co"}"#
        let now = community.clock.now()
        try store.write { tx in
            try tx.put(APIIdempotencyRecord(
                id: id, caller: "token:" + issued.token.id.rawValue, key: "k-running", operation: "registerLead",
                bodyDigest: ByteEncoding.hex(Digest.sha256(Array(body.utf8))), createdAt: now, expiresAt: now.addingTimeInterval(86_400)))
        }
        let answer = APICaller(community, token: issued.text).post("/leads", body, headers: ["Idempotency-Key": "k-running"])
        #expect(answer.status == 409)
        #expect(try store.snapshot().all(Lead.self).count == 3)
    }

    @Test func expiredKeysArePurgedByTheDueJobAndThenRunAgain() throws {
        let clock = ManualClock()
        var configuration = APIConfiguration()
        configuration.idempotencyLifetime = 600
        let community = try APIFixture.community(api: configuration, clock: clock)
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let body = #"{"lastName": "Later", "company": "Later Co"}"#
        #expect(pat.post("/leads", body, headers: ["Idempotency-Key": "k-old"]).status == 201)
        clock.advance(by: 3_601)
        let summary = community.runDueWork()
        #expect(summary.ran.contains(.idempotencyExpiry))
        #expect(summary.idempotencyRecordsPurged == 1)
        #expect(try community.store.snapshot().all(APIIdempotencyRecord.self).isEmpty)
        let fresh = pat.post("/leads", body, headers: ["Idempotency-Key": "k-old"])
        #expect(fresh.status == 201 && fresh.response.headers["Idempotent-Replayed"] == nil)
        // A record not yet expired stays.
        #expect(try community.purgeIdempotencyRecords(now: clock.now().addingTimeInterval(599)) == 0)
        #expect(try community.store.snapshot().all(APIIdempotencyRecord.self).count == 1)
    }

    @Test func aCursorFromOneHostWorksOnAnotherAndAfterARestart() throws {
        let store = try APIFixture.seededStore()
        let first = try APIFixture.community(store: store)
        let second = try APIFixture.community(store: store)
        let token = try APIFixture.token(first, "cara")
        let page1 = APICaller(first, token: token).get("/leads", query: ["limit": "1"])
        #expect(page1.status == 200 && page1.ids.count == 1)
        let cursor = try #require(page1.json["nextCursor"]?.stringValue)
        let page2 = APICaller(second, token: token).get("/leads", query: ["limit": "1", "cursor": cursor])
        #expect(page2.status == 200)
        #expect(page2.ids.count == 1 && page2.ids != page1.ids)
        #expect(page2.ids == APICaller(first, token: token).get("/leads", query: ["limit": "1", "cursor": cursor]).ids)
        // One secret for the organisation, created once.
        #expect(try store.snapshot().all(APICursorSecret.self).count == 1)
        let restarted = try APIFixture.community(store: store)
        #expect(APICaller(restarted, token: token).get("/leads", query: ["limit": "1", "cursor": cursor]).ids == page2.ids)
        // A cursor signed by another organisation's store is refused.
        let elsewhere = try APIFixture.community()
        let foreign = APICaller(elsewhere, token: try APIFixture.token(elsewhere, "cara")).get("/leads", query: ["limit": "1", "cursor": cursor])
        #expect(foreign.status == 400 && foreign.kind == "invalid-cursor")
    }
}
