import CommunityAccess
import CommunityModel
import Foundation
import Testing

/// An engine started from a checkpoint and the feed after it answers exactly like an engine
/// built fresh from the store; bad checkpoints are typed errors and fall back to a full build.
@Suite("Access checkpoints")
struct CheckpointTests {
    static let types: [any Record.Type] = AccessEngine.standardRecordTypes + [Project.self]

    static func expectSameAnswers(_ a: AccessEngine, _ b: AccessEngine, _ org: RandomOrg, seed: Int) {
        var mismatches = 0
        for u in org.allUsers {
            for (o, id) in org.records where a.snapshot.access(u, to: o, id: id) != b.snapshot.access(u, to: o, id: id) {
                mismatches += 1
            }
            for object in RandomOrg.objects
            where a.snapshot.countVisibleRecords(of: u, object: object) != b.snapshot.countVisibleRecords(of: u, object: object) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0, "seed \(seed)")
    }

    static func mutate(_ org: inout RandomOrg, _ store: MemoryStore, steps: Int) throws {
        for _ in 0..<steps {
            let change = DifferentialTests.mutation(&org, store: store)
            try store.write { tx in for e in change { try DifferentialTests.put(e, tx) } }
        }
    }

    static func filledStore(_ org: RandomOrg, feedCapacity: Int = 1_000_000) throws -> MemoryStore {
        let store = MemoryStore(feedCapacity: feedCapacity)
        try store.write { tx in for e in org.entities { try DifferentialTests.put(e, tx) } }
        return store
    }

    @Test("checkpoint + feed equals a fresh build", arguments: 200..<216)
    func checkpointPlusFeedEqualsFreshBuild(seed: Int) throws {
        var org = RandomOrg(seed: UInt64(seed))
        let store = try Self.filledStore(org)
        let first = try AccessEngine(store: store, recordTypes: Self.types)
        try Self.mutate(&org, store, steps: org.int(0...12))
        let bytes = try first.checkpoint().encoded()
        let saved = try AccessCheckpoint(decoding: bytes, recordTypes: Self.types)
        #expect(saved.sequence == store.snapshot().sequence)
        try Self.mutate(&org, store, steps: org.int(0...12))

        let restored = try AccessEngine(store: store, checkpoint: saved, recordTypes: Self.types)
        let fresh = try AccessEngine(store: store, recordTypes: Self.types)
        #expect(restored.snapshot.sequence == fresh.snapshot.sequence)
        Self.expectSameAnswers(restored, fresh, org, seed: seed)
        // The restored engine keeps following the store.
        try Self.mutate(&org, store, steps: 6)
        let later = try AccessEngine(store: store, recordTypes: Self.types)
        Self.expectSameAnswers(restored, later, org, seed: seed)
    }

    @Test func startUsesAReadableCheckpointFile() throws {
        var org = RandomOrg(seed: 7)
        let store = try Self.filledStore(org)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ckac-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let none = try AccessEngine.start(store: store, checkpoint: url, recordTypes: Self.types)
        #expect(none.start == .fullBuild(fallback: nil))
        try none.engine.writeCheckpoint(to: url)
        let sequence = store.snapshot().sequence
        try Self.mutate(&org, store, steps: 5)
        let started = try AccessEngine.start(store: store, checkpoint: url, recordTypes: Self.types)
        guard case .checkpoint(let from, _) = started.start else {
            Issue.record("expected a checkpoint start, got \(started.start)")
            return
        }
        #expect(from == sequence)
        Self.expectSameAnswers(started.engine, try AccessEngine(store: store, recordTypes: Self.types), org, seed: 7)
    }

    @Test func damagedOldAndForeignCheckpointsAreTypedErrors() throws {
        let org = RandomOrg(seed: 8)
        let store = try Self.filledStore(org)
        let bytes = try AccessEngine(store: store, recordTypes: Self.types).checkpoint().encoded()
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        #expect(throws: AccessCheckpointError.checksumMismatch) { try AccessCheckpoint(decoding: flipped, recordTypes: Self.types) }
        #expect(throws: AccessCheckpointError.self) { try AccessCheckpoint(decoding: Array(bytes.dropLast(9)), recordTypes: Self.types) }
        #expect(throws: AccessCheckpointError.notACheckpoint) { try AccessCheckpoint(decoding: Array("{\"json\": 1}".utf8)) }
        #expect(throws: AccessCheckpointError.notACheckpoint) { try AccessCheckpoint(decoding: []) }
        var older = bytes
        older[4] = 0
        #expect(throws: AccessCheckpointError.unsupportedVersion(0)) { try AccessCheckpoint(decoding: older, recordTypes: Self.types) }
        // Records of a type the restoring host does not load.
        #expect(throws: AccessCheckpointError.unknownEntityType("Project__c")) {
            try AccessCheckpoint(decoding: bytes, recordTypes: AccessEngine.standardRecordTypes)
        }
        // Every truncation is a typed error, never a trap.
        for end in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(throws: AccessCheckpointError.self) { try AccessCheckpoint(decoding: Array(bytes[..<end]), recordTypes: Self.types) }
        }
    }

    @Test func aDamagedFileFallsBackToAFullBuild() throws {
        let org = RandomOrg(seed: 9)
        let store = try Self.filledStore(org)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ckac-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = try AccessEngine(store: store, recordTypes: Self.types).checkpoint().encoded()
        bytes[bytes.count - 20] ^= 0xFF
        try Data(bytes).write(to: url)
        let started = try AccessEngine.start(store: store, checkpoint: url, recordTypes: Self.types)
        #expect(started.start == .fullBuild(fallback: .checksumMismatch))
        Self.expectSameAnswers(started.engine, try AccessEngine(store: store, recordTypes: Self.types), org, seed: 9)
    }

    @Test func aFeedThatNoLongerReachesTheCheckpointFallsBack() throws {
        var org = RandomOrg(seed: 10)
        let store = try Self.filledStore(org, feedCapacity: 2)
        let saved = try AccessEngine(store: store, recordTypes: Self.types).checkpoint()
        for i in 0..<4 {
            try store.write { tx in
                try tx.put(Case(id: ID("late\(i)"), subject: "L", accountID: org.pick(org.accounts), status: "New", priority: .low,
                                owner: .user(org.pick(org.internalUsers))))
            }
        }
        #expect {
            try AccessEngine(store: store, checkpoint: saved, recordTypes: Self.types)
        } throws: { error in
            guard case .feedTruncated(let from, _)? = error as? AccessCheckpointError else { return false }
            return from == saved.sequence
        }
        // A checkpoint of another, longer store is ahead of this one.
        let empty = MemoryStore()
        #expect {
            try AccessEngine(store: empty, checkpoint: saved, recordTypes: Self.types)
        } throws: { error in
            error as? AccessCheckpointError == .aheadOfStore(checkpoint: saved.sequence, store: 0)
        }
    }
}
