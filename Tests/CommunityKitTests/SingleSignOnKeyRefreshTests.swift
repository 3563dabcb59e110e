import CommunityKit
import CommunityTesting
import Foundation
import IDTokenSigning
import Synchronization
import Testing

/// Key rotation at the provider: a token naming a key the stored key set lacks makes the engine
/// fetch the set again through the host's ``OpenIDKeySource``, at most once per provider per
/// minimum interval, keep it for every host, and verify once more.
@Suite struct SingleSignOnKeyRefreshTests {
    typealias Site = SingleSignOnSiteTests

    /// A key source the test controls: the document it answers (or an error) and how often it was asked.
    final class FakeKeySource: OpenIDKeySource {
        struct Unreachable: Error {}
        private let state = Mutex<(document: String?, fetches: Int)>((nil, 0))

        init(_ document: String?) { state.withLock { $0.document = document } }

        var fetches: Int { state.withLock { $0.fetches } }
        func publish(_ document: String?) { state.withLock { $0.document = document } }

        func currentKeySet(of provider: OpenIDProvider) throws -> String {
            let document = state.withLock { state -> String? in
                state.fetches += 1
                return state.document
            }
            guard let document else { throw Unreachable() }
            return document
        }
    }

    static func rotatedKey() throws -> RS256SigningKey { try #require(TestProviderKeys.rotated) }

    /// Starts a sign-in in a new browser and posts a token signed with `key`.
    static func signIn(_ community: Community, clock: ManualClock, key: RS256SigningKey, subject: String = "nw-1001") throws -> SiteResponse {
        let browser = Browser(community)
        let started = try Site.start(browser)
        let token = try key.token(Site.claims(nonce: started.nonce, at: clock.now(), ["sub": subject, "email": subject + "@acme.example"]))
        return Site.callback(browser, token: token, state: started.state)
    }

    static func failureReasons(_ logger: RecordingLogger) -> [LogValue?] {
        logger.events(named: "sso.failed").map { $0.metadata["reason"] }
    }

    @Test func aRotatedKeyIsFetchedOnceKeptAndUsed() throws {
        let clock = ManualClock()
        let rotated = RS256SigningKey.keySetJSON(of: [try Site.key(), try Self.rotatedKey()])
        let source = FakeKeySource(rotated)
        let community = try Site.community(clock: clock, keySource: source)
        let before = try Site.counts(community)
        // The stored key still verifies without a fetch.
        #expect(try Self.signIn(community, clock: clock, key: try Site.key()).status == 303)
        #expect(source.fetches == 0)
        // A token with the new key: one fetch, then signed in.
        let response = try Self.signIn(community, clock: clock, key: try Self.rotatedKey(), subject: "nw-2002")
        #expect(response.status == 303)
        #expect(response.setCookies.contains { $0.hasPrefix(Site.sessionCookie + "=") })
        #expect(source.fetches == 1)
        #expect(try Site.counts(community) == before.map { $0 + 2 })
        // The record keeps the new set, so later tokens (and other hosts) need no fetch.
        #expect(try community.singleSignOnProviders(site: "partners").first?.keySetJSON == rotated)
        #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey(), subject: "nw-2002").status == 303)
        #expect(source.fetches == 1)
    }

    @Test func aKeyStillUnknownAfterTheRefreshIsRefusedWithATypedErrorAndWritesNothing() throws {
        let clock = ManualClock()
        let logger = RecordingLogger()
        let source = FakeKeySource(try Site.key().keySetJSON)  // the provider did not publish idp-2
        let community = try Site.community(clock: clock, keySource: source, logger: logger)
        let before = try Site.counts(community)
        let stored = try community.singleSignOnProviders(site: "partners")
        let response = try Self.signIn(community, clock: clock, key: try Self.rotatedKey())
        #expect(response.status == 401)
        #expect(response.body.contains(Site.message("sso.rejected")))
        #expect(response.setCookies.allSatisfy { !$0.hasPrefix(Site.sessionCookie) })
        #expect(source.fetches == 1)
        #expect(Self.failureReasons(logger).last == .text(OpenIDKeyRefreshError.unknownKeyAfterRefresh(provider: "northwind", kid: "idp-2").description))
        #expect(try Site.counts(community) == before)
        #expect(try community.singleSignOnProviders(site: "partners") == stored)
    }

    @Test func aFloodOfUnknownKeysFetchesAtMostOncePerInterval() throws {
        let clock = ManualClock()
        let logger = RecordingLogger()
        let source = FakeKeySource(try Site.key().keySetJSON)
        let community = try Site.community(clock: clock, keySource: source, logger: logger)
        var generator = SeededRandom(seed: 0xF100D)
        for _ in 0..<25 {
            #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey()).status == 401)
            clock.advance(by: Double(Int.random(in: 0...10, using: &generator)))  // well inside 5 minutes in all
        }
        #expect(source.fetches == 1)
        #expect(Self.failureReasons(logger).filter { $0?.description.contains("fetched recently") == true }.count == 24)
        // After the interval, one more fetch, and again only one.
        clock.advance(by: 300)
        #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey()).status == 401)
        #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey()).status == 401)
        #expect(source.fetches == 2)
        // Tokens with the known key never fetch, and still sign in meanwhile.
        #expect(try Self.signIn(community, clock: clock, key: try Site.key()).status == 303)
        #expect(source.fetches == 2)
        // The provider publishes the key: the refusals stop at the next allowed fetch.
        source.publish(RS256SigningKey.keySetJSON(of: [try Site.key(), try Self.rotatedKey()]))
        #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey()).status == 401)
        clock.advance(by: 301)
        #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey()).status == 303)
        #expect(source.fetches == 3)
    }

    @Test func aFailedOrBadFetchCountsTowardsTheLimitAndKeepsTheStoredKeys() throws {
        let clock = ManualClock()
        let source = FakeKeySource(nil)
        let community = try Site.community(clock: clock, keySource: source)
        let stored = try community.singleSignOnProviders(site: "partners")
        #expect(throws: OpenIDKeyRefreshError.self) { try community.refreshSingleSignOnKeys(site: "partners", provider: "northwind") }
        #expect(throws: OpenIDKeyRefreshError.tooSoon(provider: "northwind", next: clock.now().addingTimeInterval(300))) {
            try community.refreshSingleSignOnKeys(site: "partners", provider: "northwind")
        }
        #expect(source.fetches == 1)
        for (document, expected) in [
            ("{not json", "invalidKeySet"), (#"{"keys":[]}"#, "emptyKeySet"),
            (#"{"keys":[{"kty":"RSA","kid":"x","n":"!!","e":"AQAB"}]}"#, "invalidKeySet"),
        ] {
            clock.advance(by: 300)
            source.publish(document)
            #expect {
                try community.refreshSingleSignOnKeys(site: "partners", provider: "northwind")
            } throws: { error in
                switch (error as? OpenIDKeyRefreshError, expected) {
                case (.invalidKeySet(provider: "northwind", _)?, "invalidKeySet"), (.emptyKeySet(provider: "northwind")?, "emptyKeySet"): true
                default: false
                }
            }
        }
        #expect(try community.singleSignOnProviders(site: "partners") == stored)
        #expect(throws: OpenIDKeyRefreshError.unknownProvider(site: "partners", provider: "nobody")) {
            try community.refreshSingleSignOnKeys(site: "partners", provider: "nobody")
        }
    }

    @Test func withoutAKeySourceNothingIsFetched() throws {
        let clock = ManualClock()
        let community = try Site.community(clock: clock)
        #expect(try Self.signIn(community, clock: clock, key: try Self.rotatedKey()).status == 401)
        #expect(throws: OpenIDKeyRefreshError.noKeySource) { try community.refreshSingleSignOnKeys(site: "partners", provider: "northwind") }
    }

    @Test func theIntervalIsClamped() {
        #expect(SingleSignOnOptions(minimumKeyRefreshInterval: 0).minimumKeyRefreshInterval == 10)
        #expect(SingleSignOnOptions(minimumKeyRefreshInterval: .nan).minimumKeyRefreshInterval == 300)
        #expect(SingleSignOnOptions(minimumKeyRefreshInterval: .infinity).minimumKeyRefreshInterval == 86_400)
        #expect(SingleSignOnOptions().minimumKeyRefreshInterval == 300)
    }

    @Test func aKeySetURLMustBeHTTPSOrLocal() throws {
        let community = try Site.community()
        let jwks = try Site.key().keySetJSON
        for url in ["/jwks", "http://id.example/jwks", "ftp://id.example/jwks", ""] {
            var provider = Site.provider(keySetJSON: jwks)
            provider.keySetURL = url
            #expect(throws: SingleSignOnConfigurationError.invalidKeySetURL(provider: "northwind", url)) {
                try community.configureSingleSignOn(site: "partners", providers: [provider])
            }
        }
        var provider = Site.provider(keySetJSON: jwks)
        provider.keySetURL = "https://id.northwind.example/.well-known/jwks.json"
        try community.configureSingleSignOn(site: "partners", providers: [provider])
        #expect(try community.singleSignOnProviders(site: "partners").first?.keySetURL == provider.keySetURL)
    }
}
