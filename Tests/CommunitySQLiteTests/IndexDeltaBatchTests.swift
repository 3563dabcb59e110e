import CommunityModel
@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Deltas applied together in key order leave exactly the rows that applying them one by one
/// in feed order leaves (the plain reference), including rows written, removed and written
/// again by later deltas, and deltas that need a scan.
@Suite struct IndexDeltaBatchTests {
    typealias Row = SQLiteTransaction.IndexRow

    /// Every row of `ck_index`, in key order, as text.
    func rows(_ connection: SQLiteConnection) throws -> [String] {
        var out: [String] = []
        let sql = """
            SELECT f.type, f.field, i.key, i.id, coalesce(i.value, i.key) FROM ck_index AS i JOIN ck_fields AS f ON f.slot = i.slot
            ORDER BY f.type, f.field, i.key, i.id
            """
        try connection.rows(sql, []) { row in
            out.append((0..<5).map { row.text(Int32($0)) }.joined(separator: "|"))
        }
        return out
    }

    func emptyIndex(_ directory: TemporaryDirectory, _ name: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: directory.file(name), create: true)
        try connection.execute(SQLiteSchema.create)
        return connection
    }

    /// Random deltas over few ids, fields and keys, so that rows collide often.
    func randomDeltas(count: Int, scanEvery: Int?, using generator: inout some RandomNumberGenerator) -> [(String, String, IndexDelta)] {
        let fields = ["owner", "region", "nåme"]
        let keys = ["t:a", "t:b", "t:ä", "r:u1", "r:u10", "r:u2", "t:"]
        var out: [(String, String, IndexDelta)] = []
        for n in 0..<count {
            let type = Bool.random(using: &generator) ? "Account" : "Lead"
            let id = "e\(Int.random(in: 0..<6, using: &generator))"
            func row() -> Row {
                Row(
                    field: fields.randomElement(using: &generator) ?? "owner", key: keys.randomElement(using: &generator) ?? "t:a",
                    value: "v\(Int.random(in: 0..<1_000, using: &generator))")
            }
            let removed = (0..<Int.random(in: 0..<3, using: &generator)).map { _ in row() }
            let written = (0..<Int.random(in: 0..<4, using: &generator)).map { _ in row() }
            let scan = scanEvery.map { n % $0 == $0 - 1 } ?? false
            out.append((type, id, IndexDelta(removeAll: scan, removed: removed, written: written)))
        }
        return out
    }

    func compare(scanEvery: Int?) throws {
        var generator = SeededRandom(seed: 0x1DE7_A)
        for round in 0..<20 {
            let directory = try TemporaryDirectory()
            let reference = try emptyIndex(directory, "reference.sqlite")
            let batched = try emptyIndex(directory, "batched.sqlite")
            // Rows already in the table before the batch, as a waiting index catches up over them.
            let before = randomDeltas(count: 10, scanEvery: nil, using: &generator)
            for (type, id, delta) in before {
                try SQLiteTransaction.apply(delta, type: type, id: id, on: reference)
                try SQLiteTransaction.apply(delta, type: type, id: id, on: batched)
            }
            let deltas = randomDeltas(count: 200, scanEvery: scanEvery, using: &generator)
            var batch = IndexDeltaBatch()
            for (type, id, delta) in deltas {
                try SQLiteTransaction.apply(delta, type: type, id: id, on: reference)
                batch.add(delta, type: type, id: id)
            }
            #expect(!batch.isEmpty)
            try batch.apply(on: batched)
            #expect(try rows(batched) == rows(reference), "round \(round)")
        }
    }

    @Test func keyOrderLeavesTheRowsFeedOrderLeaves() throws {
        try compare(scanEvery: nil)
    }

    @Test func aDeltaThatNeedsAScanFallsBackToFeedOrder() throws {
        try compare(scanEvery: 37)
    }

    @Test func anEmptyBatchWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let connection = try emptyIndex(directory, "empty.sqlite")
        let batch = IndexDeltaBatch()
        #expect(batch.isEmpty)
        try batch.apply(on: connection)
        #expect(try rows(connection).isEmpty)
    }

    /// A storage failure part-way through a batch surfaces as a typed error, and the
    /// caller's transaction rolls back every row the batch wrote.
    @Test func aFailurePartWayLeavesNothingAfterRollback() throws {
        let directory = try TemporaryDirectory()
        let connection = try emptyIndex(directory, "fail.sqlite")
        try connection.execute("""
            CREATE TRIGGER refuse BEFORE INSERT ON ck_index WHEN NEW.id = 'e5'
            BEGIN SELECT RAISE(ABORT, 'refused'); END
            """)
        var batch = IndexDeltaBatch()
        for n in 0..<10 {
            batch.add(IndexDelta(removeAll: false, removed: [], written: [Row(field: "owner", key: "r:u\(n)", value: "r:u\(n)")]), type: "Account", id: "e\(n)")
        }
        try connection.run("BEGIN IMMEDIATE")
        #expect(throws: StoreError.self) { try batch.apply(on: connection) }
        try connection.run("ROLLBACK")
        #expect(try rows(connection).isEmpty)
    }
}
