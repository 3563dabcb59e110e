import CommunityModel

extension StoreConformance {

    static let groups = ["red", "green", "blue", "amber"]
    static let labels = ["apple", "Äpfel", "banana", "사과", "zebra", "Zebra", "apple pie"]

    static func randomItem(_ id: String, _ random: inout SeededRandom) -> Item {
        let label = Int.random(in: 0..<4, using: &random) == 0 ? nil : labels.randomElement(using: &random)
        return Item(
            id: ID(id), group: groups.randomElement(using: &random)!, rank: Int.random(in: 0..<9, using: &random),  // trap-safe: the suite's own generated ids and non-empty pools, not host input
            label: label, note: "n\(Int.random(in: 0..<1000, using: &random))")
    }

    /// The plain definition of a query: filter, order (missing values first when ascending,
    /// last when descending, ties by id), then page.
    static func reference(_ items: [Item], _ query: Query<Item>) -> [Item] {
        let fields = Dictionary(uniqueKeysWithValues: Item.indexedFields.map { ($0.name, $0.value) })
        func value(_ item: Item, _ field: String) -> FieldValue? { fields[field]?(item) }
        var rows = items.filter { item in
            query.filters.allSatisfy { Query<Item>.matches(value(item, $0.field), $0.condition) }
        }
        rows.sort { $0.id.rawValue < $1.id.rawValue }
        if let order = query.order {
            let ascending = rows.sorted { a, b in
                switch (value(a, order.field), value(b, order.field)) {
                case (nil, nil): return a.id.rawValue < b.id.rawValue
                case (nil, _): return true
                case (_, nil): return false
                case (let x?, let y?):
                    if x == y { return a.id.rawValue < b.id.rawValue }
                    return FieldValue.ordered(x, y)
                }
            }
            if order.descending {
                // Reverse the value order but keep ids ascending within equal values.
                var groups: [[Item]] = []
                for row in ascending {
                    if let last = groups.last?.last, value(last, order.field) == value(row, order.field) {
                        groups[groups.count - 1].append(row)
                    } else {
                        groups.append([row])
                    }
                }
                rows = groups.reversed().flatMap { $0 }
            } else {
                rows = ascending
            }
        }
        return Array(rows.dropFirst(query.offset).prefix(query.limit ?? Int.max))
    }

    /// Queries that exercise every condition, both orders, ties and paging.
    static var queries: [(String, Query<Item>)] {
        let q = Query<Item>()
        var list: [(String, Query<Item>)] = [("everything", q)]
        for group in groups + ["violet"] {
            list.append(("group == \(group)", q.where("group", equals: .picklist(group))))
        }
        list += [
            ("group oneOf red, blue", q.filter("group", .oneOf([.picklist("red"), .picklist("blue")]))),
            ("group oneOf nothing", q.filter("group", .oneOf([]))),
            ("group oneOf violet", q.filter("group", .oneOf([.picklist("violet")]))),
            ("rank >= 3", q.filter("rank", .range(lower: .number(3), upper: nil))),
            ("rank < 5", q.filter("rank", .range(lower: nil, upper: .number(5)))),
            ("2 <= rank < 6", q.filter("rank", .range(lower: .number(2), upper: .number(6)))),
            ("rank in an empty range", q.filter("rank", .range(lower: .number(6), upper: .number(6)))),
            ("rank open range", q.filter("rank", .range(lower: nil, upper: nil))),
            ("label >= b", q.filter("label", .range(lower: .text("b"), upper: nil))),
            ("label == apple", q.where("label", equals: .text("apple"))),
            ("order by rank", q.ordered(by: "rank")),
            ("order by rank descending", q.ordered(by: "rank", descending: true)),
            ("order by label", q.ordered(by: "label")),
            ("order by label descending", q.ordered(by: "label", descending: true)),
            ("order by group, page 2", q.ordered(by: "group").page(offset: 5, limit: 5)),
            ("first five", q.page(limit: 5)),
            ("offset past the end", q.page(offset: 1_000, limit: 5)),
            ("limit 0", q.ordered(by: "rank").page(limit: 0)),
            (
                "red, rank >= 2, by rank descending, page",
                q.where("group", equals: .picklist("red")).filter("rank", .range(lower: .number(2), upper: nil))
                    .ordered(by: "rank", descending: true).page(offset: 1, limit: 3)
            ),
            (
                "red and label apple",
                q.where("group", equals: .picklist("red")).where("label", equals: .text("apple"))
            ),
            (
                "oneOf green, amber, rank < 4, by label",
                q.filter("group", .oneOf([.picklist("green"), .picklist("amber")]))
                    .filter("rank", .range(lower: nil, upper: .number(4))).ordered(by: "label")
            ),
        ]
        return list
    }

    /// Compares every query in ``queries`` (and `all`/`count`) with the reference.
    static func compareQueries(
        _ reader: any StoreReader, _ model: [String: (item: Item, version: Int)], _ context: String, _ check: LawCheck
    ) throws {
        let items = Array(model.values.map(\.item))
        for (name, query) in queries {
            let expected = reference(items, query).map { "\($0.id.rawValue)@\(model[$0.id.rawValue]!.version)" }  // trap-safe: the suite's own generated ids and non-empty pools, not host input
            let actual = try reader.query(query).map { "\($0.value.id.rawValue)@\($0.version)" }
            try check.equal(actual, expected, "\(context): query \(name)")
        }
        let expectedAll = model.keys.sorted().map { "\($0)@\(model[$0]!.version)" }  // trap-safe: the suite's own generated ids and non-empty pools, not host input
        try check.equal(try reader.all(Item.self).map { "\($0.value.id.rawValue)@\($0.version)" }, expectedAll, "\(context): all")
        try check.equal(try reader.count(Item.self), model.count, "\(context): count")
        for (id, entry) in model {
            try check.equal(try reader.value(ID<Item>(id)), entry.item, "\(context): value of \(id)")  // trap-safe: the suite's own generated ids and non-empty pools, not host input
        }
    }

    static func query(_ store: any Store, _ check: LawCheck) throws {
        var random = SeededRandom(seed: 42)
        var model: [String: (item: Item, version: Int)] = [:]
        let ids = (0..<48).map { "item-\($0 < 10 ? "0" : "")\($0)" }.shuffled(using: &random)
        for chunk in stride(from: 0, to: ids.count, by: 16) {
            try store.write { tx in
                for id in ids[chunk..<min(ids.count, chunk + 16)] {
                    let item = randomItem(id, &random)
                    try tx.put(item, expecting: .absent)
                    model[id] = (item, 1)
                }
            }
        }
        try compareQueries(store.snapshot(), model, "after loading", check)

        let unindexed = StoreError.unindexedField(entity: Item.entityType, field: "note")
        try check.throwsError(unindexed, "filter on an unindexed field") {
            try store.snapshot().query(Query<Item>().where("note", equals: .text("n1")))
        }
        try check.throwsError(unindexed, "order by an unindexed field") {
            try store.snapshot().query(Query<Item>().ordered(by: "note"))
        }
        try check.throwsError(.unindexedField(entity: Item.entityType, field: "nope"), "filter on an unknown field") {
            try store.snapshot().query(Query<Item>().filter("nope", .range(lower: nil, upper: nil)))
        }
        try check.throwsError(unindexed, "filter on an unindexed field inside a transaction") {
            try store.write { tx in try tx.query(Query<Item>().where("note", equals: .text("n1"))) }
        }
        try check.throwsError(.unindexedField(entity: Counter.entityType, field: "value"), "query of a type with no indexes") {
            try store.snapshot().query(Query<Counter>().ordered(by: "value"))
        }
    }

    static func indexMaintenance(_ store: any Store, _ check: LawCheck) throws {
        var random = SeededRandom(seed: 7)
        var model: [String: (item: Item, version: Int)] = [:]
        let ids = (0..<30).map { "m\($0)" }
        for round in 0..<12 {
            let abort = round % 5 == 3
            var next = model
            do {
                try store.write { tx in
                    for _ in 0..<8 {
                        let id = ids.randomElement(using: &random)!  // trap-safe: the suite's own generated ids and non-empty pools, not host input
                        let roll = Int.random(in: 0..<10, using: &random)
                        if roll < 3, let existing = next[id] {
                            try tx.delete(ID<Item>(id), expecting: .exactly(existing.version))  // trap-safe: the suite's own generated ids and non-empty pools, not host input
                            next[id] = nil
                        } else {
                            let item = randomItem(id, &random)
                            let version = try tx.put(item)
                            next[id] = (item, (next[id]?.version ?? 0) + 1)
                            try check.equal(version, next[id]!.version, "version returned in round \(round)")  // trap-safe: the suite's own generated ids and non-empty pools, not host input
                        }
                    }
                    try compareQueries(tx, next, "inside round \(round)", check)
                    if abort { throw AbortTransaction() }
                }
            } catch is AbortTransaction {}
            if !abort { model = next }
            try compareQueries(store.snapshot(), model, "after round \(round)\(abort ? " (aborted)" : "")", check)
        }
    }

    static func allAndCount(_ store: any Store, _ check: LawCheck) throws {
        var random = SeededRandom(seed: 3)
        let ids = ["b", "a", "c-2", "c-10", "C", "_x", "0", "a.b", "a:b", "z"].shuffled(using: &random)
        for id in ids {
            try store.write { tx in try tx.put(item(id, "red")) }
        }
        try store.write { tx in
            try tx.put(Counter(id: ID("one"), value: 1))
            try tx.put(Counter(id: ID("two"), value: 2))
        }
        let snapshot = store.snapshot()
        try check.equal(try snapshot.all(Item.self).map(\.value.id.rawValue), ids.sorted(), "all items ordered by id")
        try check.equal(try snapshot.count(Item.self), ids.count, "count of items")
        try check.equal(try snapshot.all(Counter.self).map(\.value.value), [1, 2], "all counters ordered by id")
        try check.equal(try snapshot.count(Counter.self), 2, "count of counters")
        try store.write { tx in try tx.delete(ID<Item>("c-10")) }
        try check.equal(try store.snapshot().count(Item.self), ids.count - 1, "count after a delete")
        try check.equal(try snapshot.count(Item.self), ids.count, "count in a snapshot taken before a delete")
    }
}
