import CommunityAccess
import CommunityModel
import Foundation
import SharingWorkload
import Synchronization

/// From a commit on host A to the moment an access check on host B sees it.
///
/// Host A writes through the store. Host B is a second `AccessEngine`:
/// - MemoryStore (one process only): B follows the store's observer feed, as every engine
///   in the process does.
/// - PostgresStore: B is a second `PostgresStore` on the same schema, as another host has;
///   its engine follows that store's feed (LISTEN/NOTIFY, polling as the fallback).
/// - SQLiteStore: B follows the *persisted* feed, reading `changes(after:)` on its own reader
///   connection every millisecond and applying what it finds, exactly what a host in another
///   process would do (a second process cannot open the same file for writing: one writer per
///   file), so the figure includes the WAL read and the body decoding.
/// After the commit the writing thread polls B's access check every 50 µs; the latency is
/// from just before A's `write` to the first check on B that lets the new account's owner read it.
enum CrossHostLatency {
    static func measure(_ store: any Store, kind: BenchmarkStore, name: String, samples: Int) throws -> LatencyStats {
        let hostB: AccessEngine
        let stop = Atomic<Bool>(false)
        var poller: Thread?
        var otherHost: (any Store)?
        switch kind {
        case .memory:
            hostB = try AccessEngine(store: store)
        case .postgres:
            // Host B: a second PostgresStore on the same schema (its own connections and its
            // LISTEN/poll feed follower), with its engine following that store.
            let other = try BenchmarkStore.secondPostgresHost(name: name)
            hostB = try AccessEngine(store: other)
            otherHost = other
        case .sqlite:
            hostB = AccessEngine()
            let start = store.snapshot()
            var entities: [any Entity] = []
            func load<E: Entity>(_ type: E.Type) throws { entities += try start.all(type).map { $0.value as any Entity } }
            for type in AccessEngine.accessEntityTypes { try load(type) }
            for type in AccessEngine.standardRecordTypes { try load(type) }
            hostB.load(entities, sequence: start.sequence)
            let follower = Thread {
                var after = start.sequence
                while !stop.load(ordering: .relaxed) {
                    if let page = try? store.changes(after: after, limit: 1_000), let last = page.last {
                        hostB.apply(page)
                        after = last.sequence
                    } else {
                        usleep(1_000)
                    }
                }
            }
            follower.start()
            poller = follower
        }
        defer {
            stop.store(true, ordering: .relaxed)
            hostB.stop()
        }
        _ = poller
        _ = otherHost
        var latencies: [UInt64] = []
        latencies.reserveCapacity(samples)
        for n in 0..<samples {
            let owner = n % 8
            let id = "latency-\(kind.rawValue)-\(n)"
            let t0 = Measure.now()
            try store.write { tx in try tx.put(BenchmarkOrg.account(id, owner: owner)) }
            while hostB.snapshot.access(BenchmarkOrg.user(owner), to: "Account", id: id) < .read {
                if Measure.now() - t0 > 5_000_000_000 { throw BenchmarkError("host B never saw \(id)") }
                usleep(50)
            }
            latencies.append(Measure.now() - t0)
        }
        return LatencyStats(latencies)
    }
}
