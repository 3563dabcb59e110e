@testable import CommunityAccess
import CommunityModel
import Foundation
import Testing

/// The checkpoint holds the engine's own tables: record bodies stay encoded until read, a
/// restored engine lists and returns the same records as a fresh one, a checkpoint of a
/// restored engine restores again, and tables that fail validation are typed errors.
@Suite("Access checkpoint tables")
struct CheckpointTablesTests {
    static let types = CheckpointTests.types

    /// Every record, every user's visible records (with bodies) and filtered counts agree.
    static func expectSameRecords(_ a: AccessEngine, _ b: AccessEngine, _ org: RandomOrg, seed: Int) throws {
        var mismatches = 0
        for (o, id) in org.records {
            let x = a.snapshot.record(o, id: id), y = b.snapshot.record(o, id: id)
            if (x == nil) != (y == nil) { mismatches += 1 }
            if let x, let y, try EntityBody.encode(x) != EntityBody.encode(y) { mismatches += 1 }
        }
        let filter = RecordFilter(conditions: [SharingCriterion(field: "Priority", equals: .picklist("high"))])
        for u in org.allUsers {
            for object in RandomOrg.objects {
                let x = a.snapshot.visibleRecords(of: u, object: object, limit: 1_000).records
                let y = b.snapshot.visibleRecords(of: u, object: object, limit: 1_000).records
                if x.map({ "\($0.record.idString) \($0.access)" }) != y.map({ "\($0.record.idString) \($0.access)" }) {
                    mismatches += 1
                }
                for (r, s) in zip(x, y) where try EntityBody.encode(r.record) != EntityBody.encode(s.record) { mismatches += 1 }
                if a.snapshot.countVisibleRecords(of: u, object: object, filter: filter)
                    != b.snapshot.countVisibleRecords(of: u, object: object, filter: filter)
                {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0, "seed \(seed)")
    }

    @Test("restored engines return the same records and listings", arguments: 300..<308)
    func restoredRecordsEqualFresh(seed: Int) throws {
        var org = RandomOrg(seed: UInt64(seed))
        let store = try CheckpointTests.filledStore(org)
        try CheckpointTests.mutate(&org, store, steps: org.int(0...10))
        let saved = try AccessCheckpoint(
            decoding: try AccessEngine(store: store, recordTypes: Self.types).checkpoint().encoded(), recordTypes: Self.types)
        try CheckpointTests.mutate(&org, store, steps: org.int(0...10))
        let restored = try AccessEngine(store: store, checkpoint: saved, recordTypes: Self.types)
        let fresh = try AccessEngine(store: store, recordTypes: Self.types)
        try Self.expectSameRecords(restored, fresh, org, seed: seed)
        CheckpointTests.expectSameAnswers(restored, fresh, org, seed: seed)
    }

    @Test("bodies stay encoded after a load, and only those rewritten are decoded")
    func bodiesStayEncoded() throws {
        var org = RandomOrg(seed: 31)
        let store = try CheckpointTests.filledStore(org)
        let saved = try AccessCheckpoint(
            decoding: try AccessEngine(store: store, recordTypes: Self.types).checkpoint().encoded(), recordTypes: Self.types)
        let restored = try AccessEngine(store: store, checkpoint: saved, recordTypes: Self.types)
        func encodedCount() -> Int {
            let state = restored.snapshot.state
            return (0..<state.rows.count).count { i in
                guard state.rows[i].alive, case .encoded = state.entities[i] else { return false }
                return true
            }
        }
        let live = (0..<saved.state.rows.count).count { saved.state.rows[$0].alive }
        #expect(live > 0)
        #expect(encodedCount() == live)
        try CheckpointTests.mutate(&org, store, steps: 20)
        #expect(encodedCount() < live)
    }

    @Test("a checkpoint of a restored engine restores to the same answers", arguments: 320..<326)
    func checkpointOfARestoredEngine(seed: Int) throws {
        var org = RandomOrg(seed: UInt64(seed))
        let store = try CheckpointTests.filledStore(org)
        let first = try AccessEngine(
            store: store, checkpoint: try AccessEngine(store: store, recordTypes: Self.types).checkpoint(), recordTypes: Self.types)
        try CheckpointTests.mutate(&org, store, steps: org.int(1...8))
        // Bodies still encoded are copied, rewritten ones encoded again.
        let again = try AccessCheckpoint(decoding: try first.checkpoint().encoded(), recordTypes: Self.types)
        try CheckpointTests.mutate(&org, store, steps: org.int(0...8))
        let second = try AccessEngine(store: store, checkpoint: again, recordTypes: Self.types)
        let fresh = try AccessEngine(store: store, recordTypes: Self.types)
        CheckpointTests.expectSameAnswers(second, fresh, org, seed: seed)
        try Self.expectSameRecords(second, fresh, org, seed: seed)
    }

    @Test func entityCountCountsConfigurationRecordsAndGrants() throws {
        let org = RandomOrg(seed: 33)
        let store = try CheckpointTests.filledStore(org)
        let checkpoint = try AccessEngine(store: store, recordTypes: Self.types).checkpoint()
        let restored = try AccessCheckpoint(decoding: try checkpoint.encoded(), recordTypes: Self.types)
        #expect(checkpoint.entityCount == restored.entityCount)
        #expect(checkpoint.entityCount >= org.records.count)
    }

    /// Damage that keeps a valid digest (a file this build did not write, signed anyway):
    /// every result is a loaded checkpoint or a typed error, and a loaded one answers checks.
    @Test func reSignedDamageIsATypedErrorOrAUsableState() throws {
        var org = RandomOrg(seed: 34)
        let store = try CheckpointTests.filledStore(org)
        let bytes = try AccessEngine(store: store, recordTypes: Self.types).checkpoint().encoded()
        let end = bytes.count - AccessCheckpoint.digestSize
        var errors = 0
        for n in 0..<300 {
            var damaged = Array(bytes[..<end])
            let at = AccessCheckpoint.headerSize + org.int(0...(end - AccessCheckpoint.headerSize - 1))
            damaged[at] ^= UInt8(truncatingIfNeeded: 1 << (n % 8)) | (n % 3 == 0 ? 0x80 : 0)
            damaged += AccessCheckpoint.digest(damaged, 0..<damaged.count)
            do {
                let loaded = try AccessCheckpoint(decoding: damaged, recordTypes: Self.types)
                let engine = try AccessEngine(store: store, checkpoint: loaded, recordTypes: Self.types)
                for u in org.allUsers.prefix(4) {
                    for (o, id) in org.records.prefix(20) { _ = engine.snapshot.access(u, to: o, id: id) }
                    _ = engine.snapshot.countVisibleRecords(of: u, object: "Case")
                }
            } catch is AccessCheckpointError {
                errors += 1
            }
        }
        #expect(errors > 0)
        // A short file with a valid digest is truncated, not a trap.
        var short = Array(bytes[..<(end / 2)])
        short += AccessCheckpoint.digest(short, 0..<short.count)
        #expect(throws: AccessCheckpointError.self) { try AccessCheckpoint(decoding: short, recordTypes: Self.types) }
        _ = org.int(0...1)
    }
}
