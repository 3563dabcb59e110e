@testable import CommunityModel
import Testing

@Suite struct ChangeLogTests {
    func change(_ sequence: UInt64) -> FeedEntry {
        FeedEntry(sequence: sequence, transaction: sequence, entityType: "T", id: "x", version: 1, row: nil, kind: .inserted)
    }

    @Test func keepsTheNewestChangesUpToItsCapacity() throws {
        var log = ChangeLog(capacity: 3)
        for s in 1...10 { log.append([change(UInt64(s))]) }
        #expect(try log.changes(after: 7, limit: 10).map(\.sequence) == [8, 9, 10])
        #expect(try log.changes(after: 8, limit: 1).map(\.sequence) == [9])
        #expect(try log.changes(after: 10, limit: 10).isEmpty)
        #expect(try log.changes(after: .max, limit: .max).isEmpty)
        #expect(throws: StoreError.feedTruncated(requested: 6, oldest: 8)) { try log.changes(after: 6, limit: 10) }
    }

    @Test func memoryStoreReportsTruncation() throws {
        let store = MemoryStore(feedCapacity: 2)
        for i in 0..<4 { try store.write { tx in try tx.put(Account(id: ID("a\(i)"), name: "A", owner: "u")) } }
        #expect(try store.changes(after: 2, limit: 10).map(\.sequence) == [3, 4])
        #expect(throws: StoreError.feedTruncated(requested: 0, oldest: 3)) { try store.changes(after: 0, limit: 10) }
    }
}
