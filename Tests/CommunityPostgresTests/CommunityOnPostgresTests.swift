import CommunityKit
import Foundation
import Testing

extension PostgresTests {
    /// Two `Community` engines on one PostgreSQL schema, as two hosts behind a load balancer:
    /// what one host writes reaches the other's access engine and search index through the
    /// shared feed, and each host reads its own writes at once.
    @Suite struct CommunityHosts {
        static let secret = Array("postgres-hosts-secret-0123456789".utf8)

        static func host(_ schema: String) throws -> Community {
            let store = try PostgresStore(configuration: {
                var configuration = PostgresConfiguration.community(url: try PostgresTestServer.url(), schema: schema)
                configuration.pollInterval = .milliseconds(200)
                return configuration
            }())
            let community = try Community(CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: secret))
            var site = try SiteTemplate.partnerCentral.makeSite(.init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner"]))
            site.status = .published
            try community.addSite(site)
            return community
        }

        /// Waits (up to 10 s) for `condition`; the feed follower delivers asynchronously.
        static func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if try condition() { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return try condition()
        }

        @Test func whatOneHostWritesTheOtherHostChecksAndFinds() throws {
            let schema = PostgresTestServer.freshSchema("community")
            let seed = try PostgresStore(configuration: .community(url: try PostgresTestServer.url(), schema: schema))
            try seed.write { tx in
                try tx.put(Profile(id: "partner", name: "Partner", permissions: PermissionGrants(objects: ["Lead": [.read, .create, .edit]])))
                try tx.put(OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private))
                try tx.put(User(id: "pat", kind: .internal, name: "Pat", email: "pat@example.com", profileID: "partner"))
                try tx.put(User(id: "bo", kind: .internal, name: "Bo", email: "bo@example.com", profileID: "partner"))
            }
            let a = try Self.host(schema)
            let b = try Self.host(schema)

            // A lead written through host A: A sees it at once, B through the feed.
            try a.store.write { tx in try tx.put(Lead(id: "lead-1", lastName: "Zed", company: "Zebra Corp", owner: .user("pat"))) }
            #expect(a.access.snapshot.access("pat", to: "Lead", id: "lead-1") == .edit)
            #expect(Self.eventually { b.access.snapshot.access("pat", to: "Lead", id: "lead-1") == .edit })
            #expect(b.access.snapshot.access("bo", to: "Lead", id: "lead-1") == .none)

            // A sharing change made on B reaches A's access engine.
            try b.store.write { tx in
                try tx.put(RecordShare(id: "share-1", object: "Lead", recordID: "lead-1", sharedWith: .user("bo"), accessLevel: .read))
            }
            #expect(b.access.snapshot.access("bo", to: "Lead", id: "lead-1") == .read)
            #expect(Self.eventually { a.access.snapshot.access("bo", to: "Lead", id: "lead-1") == .read })

            // A question asked on A is found by B's search index.
            let question = try a.engagement.questions.ask(title: "Where do zebras register deals?", body: "<p>Stripes.</p>", by: "pat")
            let viewer = b.viewer("bo", sessionID: "s")
            #expect(try Self.eventually {
                try b.search(SearchQuery("zebras"), as: viewer).hits.contains { $0.key.id == question.id.rawValue }
            })
        }
    }
}
