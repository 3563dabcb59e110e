import CommunityAccess
import CommunityModel
import CommunityPostgres
import Foundation
import Testing

/// Several host processes (PostgresHostProbe) on one database, as behind a load balancer.
extension PostgresTests {
    @Suite struct Hosts {
        static let users = (0..<6).map { ID<User>(sanitizing: "u\($0)") }
        static let entityTypes: [any Entity.Type] = [Lead.self, RecordShare.self, User.self, Profile.self, OrgWideDefault.self]

        /// A fresh schema with a profile that may read and edit leads, private leads, and six users.
        static func seededSchema() throws -> String {
            let schema = PostgresTestServer.freshSchema("hosts")
            let store = try PostgresTestServer.store(schema: schema, entityTypes: entityTypes)
            try store.write { tx in
                try tx.put(
                    Profile(
                        id: ID(sanitizing: "standard"), name: "Standard",
                        permissions: PermissionGrants(objects: [Lead.entityType: [.read, .create, .edit]])))
                try tx.put(OrgWideDefault(object: Lead.entityType, internalAccess: .private, externalAccess: .private))
                for user in users {
                    try tx.put(
                        User(id: user, kind: .internal, name: user.rawValue, email: "\(user.rawValue)@example.com",
                             profileID: ID(sanitizing: "standard")))
                }
            }
            return schema
        }

        /// What a freshly built access engine answers, in the probe's digest format.
        static func freshDigest(_ schema: String) throws -> String {
            let store = try PostgresTestServer.store(schema: schema, entityTypes: entityTypes)
            let access = try AccessEngine(store: store).snapshot
            var answers = ["sequence=\(access.sequence)", "leads=\(access.count(of: Lead.entityType))"]
            let ids = try store.snapshot().all(Lead.self).map(\.value.id.rawValue)
            for user in users {
                for id in ids { answers.append("\(user.rawValue):\(id):\(access.access(user, to: Lead.entityType, id: id))") }
            }
            return answers.joined(separator: ",")
        }

        /// Lets mixed-mode hosts finish, asks each for its digest at the committed head, and
        /// checks every host's access answers equal a fresh engine's, and each host's feed
        /// arrived without gap or duplicate up to the head.
        static func settle(_ hosts: [HostProcess], schema: String) throws {
            for host in hosts { try host.waitFor(prefix: "writes-done", timeout: 150) }
            let head = try PostgresTestServer.store(schema: schema, entityTypes: entityTypes).snapshot().sequence
            for host in hosts { host.send("digest \(head)") }
            let expected = try freshDigest(schema)
            #expect(expected.hasPrefix("sequence=\(head),"))
            for host in hosts {
                let digest = try host.waitFor(prefix: "digest ")
                #expect(digest == "digest " + expected, "host \(host.name)'s access answers differ from a fresh engine's")
                let feed = try host.waitFor(prefix: "feed ").split(separator: " ")
                #expect(feed.count == 5 && feed[4] == "ok", "host \(host.name)'s feed: \(feed)")
                #expect(feed.count == 5 && feed[2] == "\(head)", "host \(host.name)'s feed ended at \(feed) instead of \(head)")
                host.finish()
            }
        }

        @Test func hostsWritingAtOnceAgreeWithAFreshEngine() throws {
            let schema = try Self.seededSchema()
            let hosts = try ["a", "b"].enumerated().map { k, name in
                try HostProcess(mode: "mixed", schema: schema, name: name, transactions: 120, seed: 11 + UInt64(k))
            }
            try Self.settle(hosts, schema: schema)
        }

        @Test func killedHostLosesNoAcknowledgedCommitAndLeavesNoHalfTransaction() throws {
            let schema = try Self.seededSchema()
            let host = try HostProcess(mode: "batches", schema: schema, name: "k", transactions: 100_000, seed: 7)
            try host.waitFor(prefix: "ack 40")
            host.kill()
            let acknowledged = host.lines.compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
            #expect(acknowledged.count >= 41)

            let store = try PostgresTestServer.store(schema: schema, entityTypes: Self.entityTypes)
            let snapshot = store.snapshot()
            let leads = Set(try snapshot.all(Lead.self).map(\.value.id.rawValue))
            let shares = Set(try snapshot.all(RecordShare.self).map(\.value.id.rawValue))
            for k in acknowledged {
                #expect(leads.contains("lead-k-\(k)"), "acknowledged lead \(k) is lost")
                #expect(shares.contains("share-k-\(k)"), "acknowledged share \(k) is lost")
            }
            // Every transaction is whole: a lead without its share (or the reverse) would be half of one.
            #expect(Set(leads.map { $0.replacingOccurrences(of: "lead-", with: "") })
                == Set(shares.map { $0.replacingOccurrences(of: "share-", with: "") }))
            let feed = try store.changes(after: snapshot.sequence - UInt64(leads.count * 2), limit: leads.count * 2)
            #expect(feed.count == leads.count * 2)
            #expect(Dictionary(grouping: feed, by: \.transaction).values.allSatisfy { $0.count == 2 })
        }

        @Test func hostsReconnectAfterServerRestartWithoutLosingCommits() throws {
            let schema = try Self.seededSchema()
            let hosts = try ["a", "b"].enumerated().map { k, name in
                try HostProcess(mode: "mixed", schema: schema, name: name, transactions: 200, seed: 31 + UInt64(k))
            }
            for host in hosts { try host.waitFor(prefix: "ready") }
            Thread.sleep(forTimeInterval: 0.3)  // let both write a little first; not a timing assertion
            try PostgresTestServer.restart()
            try Self.settle(hosts, schema: schema)
        }

        @Test func crossHostLatencyIsMeasured() throws {
            let schema = try Self.seededSchema()
            let writer = try HostProcess(mode: "latency", schema: schema, name: "w", transactions: 60, seed: 1)
            let follower = try HostProcess(mode: "latency", schema: schema, name: "f", transactions: 0, seed: 2)
            try writer.waitFor(prefix: "ready")
            try follower.waitFor(prefix: "ready")
            writer.send("go")
            follower.send("go")
            try writer.waitFor(prefix: "writes-done")
            let commits = writer.lines.compactMap(Self.event("commit"))
            try follower.waitFor("every commit seen", timeout: 30) { _ in
                Set(follower.lines.compactMap(Self.event("seen")).map(\.0)).isSuperset(of: commits.map(\.0))
            }
            let seen = Dictionary(follower.lines.compactMap(Self.event("seen")), uniquingKeysWith: { first, _ in first })
            let latencies = commits.compactMap { sequence, committed in
                seen[sequence].map { Double(Int64(bitPattern: $0 &- committed)) / 1_000_000 }
            }.sorted()
            #expect(latencies.count == commits.count && !commits.isEmpty)
            if !latencies.isEmpty {
                let p50 = latencies[latencies.count / 2]
                let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
                print("PostgresStore cross-host latency over \(latencies.count) commits: p50 \(p50) ms, p99 \(p99) ms")
            }
            writer.send("stop")
            follower.send("stop")
            writer.finish()
            follower.finish()
        }

        static func event(_ name: String) -> (String) -> (UInt64, UInt64)? {
            { line in
                let parts = line.split(separator: " ")
                guard parts.count == 3, parts[0] == name, let a = UInt64(parts[1]), let b = UInt64(parts[2]) else { return nil }
                return (a, b)
            }
        }
    }
}
