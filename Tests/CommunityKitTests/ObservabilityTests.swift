import CommunityKit
import Foundation
import Testing

@Suite struct ObservabilityTests {
    let logger = RecordingLogger()

    func community(slowRequestThreshold: Duration? = nil) throws -> Community {
        let community = try Community(CommunityConfiguration(
            store: KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"),
            leadApprovalSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])], logger: logger,
            slowRequestThreshold: slowRequestThreshold))
        try community.addSite(KitFixture.partnerSite())
        return community
    }

    func token(_ community: Community, for viewer: Viewer) -> String {
        KitFixture.token(community.handle(SiteRequest(.get, "/partners/leads", viewer: viewer)).body)
    }

    @Test func theLoggerIsTheConfiguredOneAndReachesTheSites() throws {
        let community = try community()
        #expect(community.services.get((any CommunityLogger).self) as? RecordingLogger === logger)
        #expect(community.logger as? RecordingLogger === logger)
        #expect(CommunityConfiguration(csrfSecret: KitFixture.secret).logger is SilentLogger)
        #expect(CommunityConfiguration(csrfSecret: KitFixture.secret).slowRequestThreshold == .seconds(1))
    }

    @Test func csrfRejectionsAreLoggedWithTheirReason() throws {
        let community = try community()
        let pat = community.viewer("pat", sessionID: "s-pat")
        let form = ["_csrf": token(community, for: pat), "company": "Woodgrove", "lastName": "Shah"]
        let stolen = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: form, viewer: community.viewer("bo", sessionID: "s-bo")))
        var bare = form
        bare["_csrf"] = nil
        let missing = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: bare, viewer: .guest))
        #expect(stolen.status == 403 && missing.status == 403)
        let events = logger.events(named: .csrfRejected)
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.level == .warning && $0.metadata["site"] == "partners" && $0.metadata["action"] == "registerLead" })
        #expect(events.map { $0.metadata["reason"] } == ["invalidToken", "missingToken"])
        #expect(events.map { $0.metadata["user"] } == ["bo", nil])
        #expect(community.metrics.snapshot().requests(site: "partners")?.statuses[403] == 2)
    }

    @Test func crossOriginPostsAreLoggedAsCSRFRejections() throws {
        let community = try community()
        let pat = community.viewer("pat", sessionID: "s-pat")
        let form = ["_csrf": token(community, for: pat), "company": "Woodgrove", "lastName": "Shah"]
        let response = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: form, viewer: pat,
                                                     headers: ["origin": "https://attacker.example"]))
        #expect(response.status == 403)
        let event = try #require(logger.events(named: .csrfRejected).first)
        #expect(event.metadata["reason"] == "crossOrigin" && event.metadata["user"] == "pat" && event.metadata["action"] == "registerLead")
    }

    @Test func requestsBreakingALimitAreLogged() throws {
        let community = try community()
        let long = community.handle(SiteRequest(.get, "/partners/" + String(repeating: "a", count: 5000)))
        let control = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: ["company": "Wood\u{0}grove"]))
        #expect(long.status == 414 && control.status == 422)
        let events = logger.events(named: .requestRejected)
        #expect(events.map { $0.metadata["status"] } == [414, 422])
        #expect(events.allSatisfy { $0.level == .notice && $0.metadata["site"] == "partners" })
        #expect(events[1].metadata["method"] == "POST")
        #expect(events[1].metadata["reason"]?.description.contains("company") == true)
        #expect(!events[1].description.contains("grove"), "the value is never quoted")
    }

    @Test func invalidFormsAreLoggedWithTheFieldsInError() throws {
        let community = try community()
        let pat = community.viewer("pat", sessionID: "s")
        let form = ["_csrf": token(community, for: pat), "_return": "/partners/leads", "firstName": "Ji-woo"]
        let response = community.handle(SiteRequest(.post, "/partners/_action/registerLead", form: form, viewer: pat))
        #expect(response.status == 422)
        let event = try #require(logger.events(named: .formInvalid).first)
        #expect(event.level == .info && event.metadata["site"] == "partners" && event.metadata["action"] == "registerLead")
        #expect(event.metadata["fields"] == ["company", "lastName"])
        #expect(!event.description.contains("Enter the company"), "messages may quote values and are left out")
        #expect(community.metrics.snapshot().requests(site: "partners")?.statuses[422] == 1)
    }

    @Test func requestsAreCountedBySiteAndStatus() throws {
        let community = try community()
        let before = community.metrics.snapshot().totalRequests
        #expect(before == 0)
        #expect(community.handle(SiteRequest(.get, "/partners/", viewer: community.viewer("pat"))).status == 200)
        #expect(community.handle(SiteRequest(.get, "/partners/no-such-page")).status == 404)
        #expect(community.handle(SiteRequest(.get, "/elsewhere")).status == 404)
        let snapshot = community.metrics.snapshot()
        #expect(snapshot.requests(site: "partners")?.statuses == [200: 1, 404: 1])
        #expect(snapshot.requests(site: "")?.statuses == [404: 1], "no site matched")
        #expect(snapshot.totalRequests == 3)
        #expect(snapshot.requests(site: "partners")?.latency.count == 2)
        let text = community.metrics.prometheusText()
        #expect(text.contains(#"community_requests_total{site="partners",status="200"} 1"#))
        #expect(text.contains(#"community_request_duration_seconds_count{site="partners"} 2"#))
    }

    @Test func slowRequestsAreLoggedAtTheThreshold() throws {
        let everything = try community(slowRequestThreshold: .zero)
        _ = everything.handle(SiteRequest(.get, "/partners/leads", viewer: everything.viewer("pat")))
        _ = everything.handle(SiteRequest(.head, "/elsewhere"))
        let events = logger.events(named: .slowRequest)
        #expect(events.count == 2)
        let first = try #require(events.first)
        #expect(first.level == .warning && first.metadata["site"] == "partners" && first.metadata["method"] == "GET")
        #expect(first.metadata["path"] == "/partners/leads" && first.metadata["status"] == 200)
        if case .integer(let milliseconds) = first.metadata["durationMs"]?.content { #expect(milliseconds >= 0) } else {
            Issue.record("durationMs is not a whole number")
        }
        #expect(events[1].metadata["site"] == "" && events[1].metadata["status"] == 404 && events[1].metadata["method"] == "HEAD")

        logger.removeAll()
        let patient = try community(slowRequestThreshold: .seconds(3600))
        _ = patient.handle(SiteRequest(.get, "/partners/leads"))
        let silent = try community(slowRequestThreshold: nil)
        _ = silent.handle(SiteRequest(.get, "/partners/leads"))
        #expect(logger.events(named: .slowRequest).isEmpty)
    }

    @Test func storeConflictsThroughTheCommunityAreCountedAndLogged() throws {
        let community = try community()
        #expect(throws: StoreError.self) {
            try community.store.write { tx in try tx.put(Account(id: "acme", name: "Acme again", owner: "cara"), expecting: .absent) }
        }
        #expect(community.metrics.snapshot().storeConflicts == 1)
        let event = try #require(logger.events(named: .storeConflict).first)
        #expect(event.metadata["entity"] == "Account" && event.metadata["id"] == "acme")
        #expect(community.metrics.prometheusText().contains("community_store_conflicts_total 1"))
    }

    @Test func feedFollowersAreTrackedAndCaughtUp() throws {
        let community = try community()
        try community.store.write { tx in try tx.put(Lead(id: "l1", lastName: "L", company: "C", partnerAccountID: "acme", owner: .user("pat"))) }
        #expect(community.access.snapshot.sequence == community.store.snapshot().sequence)
        #expect(community.metrics.snapshot().feedLag == ["access": 0, "storeObservers": 0])
        #expect(community.metrics.prometheusText().contains(#"community_feed_lag{follower="access"} 0"#))
    }

    /// Drives the failure paths with secrets in every place a request carries them and
    /// checks that none reaches any logged event.
    @Test func noSecretIsEverLogged() throws {
        let community = try community(slowRequestThreshold: .zero)
        let session = "SESSION-7f3a9c1e5b2d4f6a8c0e"
        let password = "PASSWORD-correct-horse-battery"
        let forged = "FORGED-CSRF-9d8c7b6a5f4e3d2c1b0a"
        let resetToken = "RESETTOKENQm9vYmFyYmF6cXV4"
        let pat = community.viewer("pat", sessionID: session)
        let real = token(community, for: pat)
        #expect(!real.isEmpty)
        let requests = [
            // CSRF: a forged token, a token stolen from another session, none at all.
            SiteRequest(.post, "/partners/_action/registerLead", form: ["_csrf": forged, "password": password], viewer: pat),
            SiteRequest(.post, "/partners/_action/registerLead", form: ["_csrf": real, "password": password],
                        viewer: community.viewer("bo", sessionID: session)),
            SiteRequest(.post, "/partners/_action/registerLead", form: ["password": password], viewer: pat),
            // Validation: a valid token, fields missing, secrets in other fields.
            SiteRequest(.post, "/partners/_action/registerLead",
                        form: ["_csrf": real, "password": password, "firstName": password, "_return": "/partners/leads"], viewer: pat),
            // A limit broken by a secret holding a control character; a cross-origin post.
            SiteRequest(.post, "/partners/_action/registerLead", form: ["_csrf": real, "password": password + "\u{7}"], viewer: pat),
            SiteRequest(.post, "/partners/_action/registerLead", form: ["_csrf": real, "password": password], viewer: pat,
                        headers: ["origin": "https://attacker.example", "cookie": "sid=" + session]),
            // A token in the path, a token in the query.
            SiteRequest(.get, "/partners/reset/" + resetToken, query: ["token": resetToken, "session": session], viewer: pat),
        ]
        for request in requests { _ = community.handle(request) }
        #expect(throws: StoreError.self) {
            try community.store.write { tx in try tx.put(Account(id: "acme", name: password, owner: "cara"), expecting: .absent) }
        }
        // A host logging through the same logger with secret-named keys.
        community.logger.log(.notice, .signInFailed, "A sign-in failed.",
                             metadata: ["user": "pat", "password": .text(password), "sessionID": .text(session), "Cookie": .text(session)])
        community.logger.log(.warning, .lockedOut, "A member was locked out.", metadata: ["user": "pat", "authorization": .text(forged)])

        let names = Set(logger.events.map(\.name))
        #expect(names.isSuperset(of: [
            .csrfRejected, .formInvalid, .requestRejected, .slowRequest, .storeConflict, .signInFailed, .lockedOut,
        ]))
        #expect(logger.events(named: .csrfRejected).count == 4)
        for event in logger.events {
            for secret in [session, password, forged, real, resetToken] {
                #expect(!event.description.contains(secret), "\(event.name) leaked a secret")
            }
        }
    }
}
