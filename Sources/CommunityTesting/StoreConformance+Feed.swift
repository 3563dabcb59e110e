import CommunityModel

extension StoreConformance {
    /// A change reduced to what the feed laws compare.
    struct FeedEntry: Hashable, CustomStringConvertible {
        var sequence: UInt64
        var type: String
        var id: String
        var kind: Change.Kind
        var version: Int

        init(_ change: Change) {
            sequence = change.sequence
            type = change.entityType.name
            id = change.id
            kind = change.kind
            version = change.version
        }

        init(_ sequence: UInt64, _ type: EntityType, _ id: String, _ kind: Change.Kind, _ version: Int) {
            self.sequence = sequence
            self.type = type.name
            self.id = id
            self.kind = kind
            self.version = version
        }

        var description: String { "#\(sequence) \(type) \(id) \(kind) v\(version)" }
    }

    /// Checks that a change carries the entity it describes: `nil` for deletes, and for
    /// inserts and updates the written value (or `nil` when `required` is false).
    static func checkPayload(_ change: Change, expected: [String: Item], required: Bool, _ check: LawCheck) throws {
        if change.kind == .deleted {
            try check.that(change.entity == nil, "the change for deleting \(change.id) carries an entity")
            return
        }
        guard let entity = change.entity else {
            try check.that(!required, "change #\(change.sequence) delivered to an observer carries no entity")
            return
        }
        if change.entityType == Item.entityType {
            try check.equal(change.value(as: Item.self), expected[change.id], "entity carried by change #\(change.sequence)")
        } else {
            try check.that(entity is Counter, "change #\(change.sequence) carries a \(type(of: entity))")
        }
    }

    static func changeFeed(_ store: any Store, _ check: LawCheck) throws {
        try check.equal(store.snapshot().sequence, 0, "sequence of an empty store")
        try check.equal(try store.changes(after: 0, limit: 100).count, 0, "feed of an empty store")

        try store.write { tx in
            try tx.put(item("b", "red"))
            try tx.put(item("a", "blue"))
            try tx.put(Counter(id: ID("k"), value: 1))
        }
        try store.write { tx in
            try tx.put(item("b", "green", rank: 2))
            try tx.delete(ID<Item>("a"))
        }
        let nothing = try store.write { tx in try tx.count(Item.self) }  // reads only: publishes nothing
        try check.equal(nothing, 1, "count read by a read-only transaction")
        try store.write { tx in try tx.put(item("c", "red")) }

        let feed = try store.changes(after: 0, limit: 100)
        let expected = [
            FeedEntry(1, Item.entityType, "b", .inserted, 1),
            FeedEntry(2, Item.entityType, "a", .inserted, 1),
            FeedEntry(3, Counter.entityType, "k", .inserted, 1),
            FeedEntry(4, Item.entityType, "b", .updated, 2),
            FeedEntry(5, Item.entityType, "a", .deleted, 1),
            FeedEntry(6, Item.entityType, "c", .inserted, 1),
        ]
        try check.equal(feed.map(FeedEntry.init), expected, "the whole feed")
        let tx = feed.map(\.transaction)
        try check.that(tx[0] == tx[1] && tx[1] == tx[2], "one transaction's changes have transaction ids \(tx[0...2])")
        try check.that(tx[3] == tx[4], "one transaction's changes have transaction ids \(tx[3...4])")
        try check.that(tx[2] < tx[3] && tx[4] < tx[5], "transaction ids do not grow with commits: \(tx)")
        let values: [UInt64: Item] = [1: item("b", "red"), 2: item("a", "blue"), 4: item("b", "green", rank: 2), 6: item("c", "red")]
        for change in feed {
            try checkPayload(change, expected: values[change.sequence].map { [change.id: $0] } ?? [:], required: false, check)
        }

        try check.equal(try store.changes(after: 2, limit: 2).map(\.sequence), [3, 4], "changes after 2, limit 2")
        try check.equal(try store.changes(after: 5, limit: 100).map(\.sequence), [6], "changes after 5")
        try check.equal(try store.changes(after: 6, limit: 100).count, 0, "changes after the last")
        try check.equal(try store.changes(after: 99, limit: 100).count, 0, "changes after a future sequence")
        try check.equal(try store.changes(after: 0, limit: 0).count, 0, "changes with limit 0")
        try check.equal(try store.changes(after: .max, limit: 10).count, 0, "changes after the largest sequence")
        try check.equal(try store.changes(after: 0, limit: .max).count, 6, "changes with the largest limit")
        try check.equal(try store.changes(after: 0, limit: -1).count, 0, "changes with a negative limit")
        try check.equal(store.snapshot().sequence, 6, "snapshot sequence after six changes")
    }

    static func observers(_ store: any Store, _ check: LawCheck) throws {
        struct Batch: Sendable {
            var sequences: [UInt64]
            var changes: [Change]
            var visible: UInt64  // the sequence a snapshot taken inside the observer saw
        }
        let first = Locked<[Batch]>([])
        let second = Locked<[Batch]>([])
        let dropped = Locked(0)
        let a = store.observe { changes in
            let visible = store.snapshot().sequence
            first.withLock { $0.append(Batch(sequences: changes.map(\.sequence), changes: changes, visible: visible)) }
        }
        defer { a.cancel() }
        let b = store.observe { changes in
            second.withLock { $0.append(Batch(sequences: changes.map(\.sequence), changes: changes, visible: 0)) }
        }
        _ = store.observe { _ in dropped.withLock { $0 += 1 } }  // released at once: never called

        try store.write { tx in
            try tx.put(item("a", "red"))
            try tx.put(item("b", "blue"))
        }
        try store.write { tx in try tx.put(item("a", "green", rank: 3)) }
        b.cancel()
        try store.write { tx in try tx.delete(ID<Item>("b")) }

        let batches = first.value
        try check.equal(batches.map(\.sequences), [[1, 2], [3], [4]], "batches delivered to an observer")
        try check.equal(batches.map(\.visible), [2, 3, 4], "sequence visible to a snapshot taken inside the observer")
        for batch in batches {
            try check.equal(Set(batch.changes.map(\.transaction)).count, 1, "transaction ids within one delivered batch")
        }
        try check.that(
            batches[0].changes[0].transaction < batches[1].changes[0].transaction,
            "transaction ids of successive batches do not grow")
        let values: [UInt64: Item] = [1: item("a", "red"), 2: item("b", "blue"), 3: item("a", "green", rank: 3)]
        for change in batches.flatMap(\.changes) {
            try checkPayload(change, expected: values[change.sequence].map { [change.id: $0] } ?? [:], required: true, check)
        }
        try check.equal(second.value.map(\.sequences), [[1, 2], [3]], "batches delivered to an observer cancelled after two")
        try check.equal(dropped.value, 0, "calls to an observer whose observation was released")
    }
}
