@testable import CommunityModel
import CommunityTesting
import Foundation
import Testing

/// An entity that declares the same index name twice: the last non-`nil` value is indexed.
private struct TwiceIndexed: Entity, Hashable {
    static let entityType: EntityType = "TwiceIndexed"
    static var indexedFields: [IndexedField<TwiceIndexed>] {
        [
            IndexedField("tag") { .picklist($0.first) },
            IndexedField("tag") { $0.second.map(FieldValue.picklist) },
        ]
    }
    var id: ID<TwiceIndexed>
    var first: String
    var second: String?
}

@Suite struct MemoryStoreTests {
    @Test func conformsToTheStoreLaws() throws {
        try StoreConformance.verify { MemoryStore() }
    }

    private func item(_ i: Int, group: String, rank: Int, label: String? = nil) -> ConformanceItem {
        ConformanceItem(id: ID("i\(i)"), group: group, rank: rank, label: label)
    }

    private func ids(_ rows: [Versioned<ConformanceItem>]) -> [String] { rows.map(\.value.id.rawValue) }

    @Test func anUpdatedIndexedValueIsFoundByTheNewValueOnly() throws {
        let store = MemoryStore()
        try store.write { tx in for i in 0..<200 { try tx.put(item(i, group: "g\(i % 4)", rank: i)) } }
        try store.write { tx in try tx.put(item(7, group: "moved", rank: 7, label: "now labelled")) }
        let snapshot = store.snapshot()
        #expect(ids(try snapshot.query(Query<ConformanceItem>().where("group", equals: .picklist("moved")))) == ["i7"])
        let old = try snapshot.query(Query<ConformanceItem>().where("group", equals: .picklist("g3")))
        #expect(!ids(old).contains("i7"))
        #expect(old.count == 49)
        #expect(ids(try snapshot.query(Query<ConformanceItem>().where("label", equals: .text("now labelled")))) == ["i7"])
        // Unchanged fields stay indexed.
        #expect(ids(try snapshot.query(Query<ConformanceItem>().where("rank", equals: .number(7)))) == ["i7"])
        // Dropping a value (nil) unindexes it.
        try store.write { tx in try tx.put(item(7, group: "moved", rank: 7)) }
        #expect(try store.snapshot().query(Query<ConformanceItem>().where("label", equals: .text("now labelled"))).isEmpty)
    }

    @Test func deletesUnindex() throws {
        let store = MemoryStore()
        try store.write { tx in for i in 0..<100 { try tx.put(item(i, group: i < 50 ? "a" : "b", rank: i, label: "l")) } }
        try store.write { tx in for i in 0..<50 { try tx.delete(ID<ConformanceItem>("i\(i)")) } }
        let snapshot = store.snapshot()
        #expect(try snapshot.query(Query<ConformanceItem>().where("group", equals: .picklist("a"))).isEmpty)
        #expect(try snapshot.query(Query<ConformanceItem>().where("label", equals: .text("l"))).count == 50)
        let range = Query<ConformanceItem>().filter("rank", .range(lower: .number(0), upper: .number(60)))
        #expect(ids(try snapshot.query(range)) == (50..<60).map { "i\($0)" })
        let table = try #require((snapshot as? MemoryState)?.tables[ConformanceItem.entityType])
        #expect(table.indexes["group"]?[.picklist("a")] == nil)
        #expect(table.indexes["rank"]?.count == 50)
    }

    @Test func ordersByAnIndexedFieldWithPaging() throws {
        let store = MemoryStore()
        try store.write { tx in
            for i in 0..<300 { try tx.put(item(i, group: "g\(i % 3)", rank: (i * 37) % 50, label: i % 5 == 0 ? nil : "x\(i % 7)")) }
        }
        let snapshot = store.snapshot()
        let all = try snapshot.all(ConformanceItem.self).map(\.value)
        for descending in [false, true] {
            for field in ["rank", "label"] {
                let query = Query<ConformanceItem>().where("group", equals: .picklist("g1"))
                    .ordered(by: field, descending: descending).page(offset: 7, limit: 40)
                let value: (ConformanceItem) -> FieldValue? = { item in
                    field == "rank" ? .number(Double(item.rank)) : item.label.map(FieldValue.text)
                }
                let expected = all.filter { $0.group == "g1" }
                    .sorted { a, b in
                        Query<ConformanceItem>.precedes(
                            (a.id.rawValue, value(a)), (b.id.rawValue, value(b)), descending: descending)
                    }
                    .dropFirst(7).prefix(40).map(\.id.rawValue)
                #expect(ids(try snapshot.query(query)) == expected, "\(field) descending: \(descending)")
            }
        }
        #expect(throws: StoreError.unindexedField(entity: ConformanceItem.entityType, field: "note")) {
            try snapshot.query(Query<ConformanceItem>().ordered(by: "note"))
        }
    }

    @Test func snapshotsTakenBeforeAWriteAreUnchangedAfterIt() throws {
        let store = MemoryStore()
        try store.write { tx in for i in 0..<2_000 { try tx.put(item(i, group: "g\(i % 10)", rank: i)) } }
        let before = store.snapshot()
        let byGroup = Query<ConformanceItem>().where("group", equals: .picklist("g3")).ordered(by: "rank")
        let expected = ids(try before.query(byGroup))
        try store.write { tx in
            for i in stride(from: 3, to: 2_000, by: 20) { try tx.put(item(i, group: "changed", rank: -i)) }
            for i in stride(from: 13, to: 2_000, by: 20) { try tx.delete(ID<ConformanceItem>("i\(i)")) }
            for i in 2_000..<2_100 { try tx.put(item(i, group: "g3", rank: i)) }
        }
        #expect(ids(try before.query(byGroup)) == expected)
        #expect(try before.count(ConformanceItem.self) == 2_000)
        #expect(try before.get(ID<ConformanceItem>("i3"))?.value.group == "g3")
        #expect(try before.get(ID<ConformanceItem>("i13"))?.version == 1)
        let after = store.snapshot()
        #expect(try after.query(byGroup).count == 100)
        #expect(try after.get(ID<ConformanceItem>("i3"))?.value.rank == -3)
        #expect(try after.get(ID<ConformanceItem>("i13")) == nil)
    }

    @Test func theFeedKeepsEachChangesOwnEntity() throws {
        let store = MemoryStore()
        try store.write { tx in for i in 0..<10 { try tx.put(item(i, group: "first", rank: i)) } }
        try store.write { tx in
            try tx.put(item(3, group: "second", rank: 3))
            try tx.delete(ID<ConformanceItem>("i4"))
        }
        let changes = try store.changes(after: 0, limit: 100)
        #expect(changes.map(\.sequence) == Array(1...12))
        #expect(changes[3].value(as: ConformanceItem.self)?.group == "first")
        #expect(changes[3].transaction == 1 && changes[3].kind == .inserted && changes[3].version == 1)
        #expect(changes[10].value(as: ConformanceItem.self)?.group == "second")
        #expect(changes[10].transaction == 2 && changes[10].kind == .updated && changes[10].version == 2)
        #expect(changes[11].entity == nil && changes[11].kind == .deleted && changes[11].version == 1)
    }

    @Test func theLastNonNilDeclarationOfAnIndexNameWins() throws {
        let store = MemoryStore()
        try store.write { tx in
            try tx.put(TwiceIndexed(id: "a", first: "x", second: "y"))
            try tx.put(TwiceIndexed(id: "b", first: "x", second: nil))
        }
        let query = { (tag: String) in Query<TwiceIndexed>().where("tag", equals: .picklist(tag)) }
        #expect(try store.snapshot().query(query("y")).map(\.value.id) == ["a"])
        #expect(try store.snapshot().query(query("x")).map(\.value.id) == ["b"])
        try store.write { tx in try tx.put(TwiceIndexed(id: "a", first: "x", second: nil)) }
        #expect(try store.snapshot().query(query("y")).isEmpty)
        #expect(try store.snapshot().query(query("x")).map(\.value.id) == ["a", "b"])
        try store.write { tx in try tx.delete(ID<TwiceIndexed>("a")) }
        #expect(try store.snapshot().query(query("x")).map(\.value.id) == ["b"])
    }

    @Test func casesAreFoundByTheirIndexedFields() throws {
        let store = MemoryStore()
        try store.write { tx in
            for i in 0..<500 {
                try tx.put(
                    Case(
                        id: ID("c\(i)"), subject: "c\(i)", accountID: ID("a\(i % 7)"), status: i % 2 == 0 ? "New" : "Closed",
                        createdAt: Date(timeIntervalSince1970: Double(i)), owner: .user(ID("u\(i % 11)"))))
            }
        }
        let query = Query<Case>().where("owner", equals: .reference("user:u3")).where("status", equals: .picklist("New"))
            .ordered(by: "createdAt", descending: true)
        let expected = (0..<500).filter { $0 % 11 == 3 && $0 % 2 == 0 }.reversed().map { "c\($0)" }
        #expect(try store.snapshot().query(query).map(\.value.id.rawValue) == expected)
    }
}

/// Two types stored under one entity type name (a host's mistake the store survives).
private struct SharedA: Entity {
    static let entityType: EntityType = "Shared"
    static var indexedFields: [IndexedField<SharedA>] { [IndexedField("tag") { .picklist($0.tag) }] }
    var id: ID<SharedA>
    var tag: String
}

private struct SharedB: Entity {
    static let entityType: EntityType = "Shared"
    static var indexedFields: [IndexedField<SharedB>] {
        [IndexedField("tag") { .picklist($0.tag) }, IndexedField("size") { .number(Double($0.size)) }]
    }
    var id: ID<SharedB>
    var tag: String
    var size: Int
}

@Suite struct MemoryStoreMixedTypeTests {
    @Test func replacingARowOfAnotherTypeReindexesByName() throws {
        let store = MemoryStore()
        try store.write { tx in
            try tx.put(SharedA(id: "x", tag: "old"))
            try tx.put(SharedA(id: "y", tag: "same"))
        }
        try store.write { tx in
            try tx.put(SharedB(id: "x", tag: "new", size: 3))
            try tx.put(SharedB(id: "y", tag: "same", size: 4))
        }
        let snapshot = store.snapshot()
        #expect(try snapshot.query(Query<SharedB>().where("tag", equals: .picklist("old"))).isEmpty)
        #expect(try snapshot.query(Query<SharedB>().where("tag", equals: .picklist("new"))).map(\.value.size) == [3])
        #expect(try snapshot.query(Query<SharedB>().where("tag", equals: .picklist("same"))).map(\.value.size) == [4])
        #expect(try snapshot.query(Query<SharedB>().where("size", equals: .number(4))).map(\.value.id) == ["y"])
        #expect(throws: StoreError.self) { try snapshot.get(ID<SharedA>("x")) }
        try store.write { tx in try tx.delete(ID<SharedB>("y")) }
        #expect(try store.snapshot().query(Query<SharedB>().where("tag", equals: .picklist("same"))).isEmpty)
        let table = try #require((store.snapshot() as? MemoryState)?.tables["Shared"])
        #expect(table.indexes["size"]?[.number(4)] == nil)
    }
}
