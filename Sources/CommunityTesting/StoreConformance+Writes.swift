import CommunityModel

typealias Item = ConformanceItem
typealias Counter = ConformanceCounter

extension StoreConformance {
    static func item(_ id: String, _ group: String = "red", rank: Int = 0, label: String? = nil) -> Item {
        Item(id: ID(id), group: group, rank: rank, label: label, note: "note of \(id)")  // trap-safe: the suite's own generated ids, not host input
    }

    static func roundTrip(_ store: any Store, _ check: LawCheck) throws {
        let empty = store.snapshot()
        try check.that(try empty.get(ID<Item>("a")) == nil, "an empty store returned an entity")
        try check.equal(try empty.count(Item.self), 0, "count of an empty store")
        try check.equal(empty.sequence, 0, "sequence of an empty store")

        var a = item("a", "red", rank: 1, label: "first")
        let v1 = try store.write { tx in try tx.put(a) }
        try check.equal(v1, 1, "version returned by the first put")
        var got = try store.snapshot().get(a.id)
        try check.equal(got?.value, a, "value read back after insert")
        try check.equal(got?.version, 1, "version read back after insert")

        a.rank = 2
        a.label = nil
        let v2 = try store.write { tx in try tx.put(a) }
        try check.equal(v2, 2, "version returned by the second put")
        got = try store.snapshot().get(a.id)
        try check.equal(got?.value, a, "value read back after update")
        try check.equal(got?.version, 2, "version read back after update")

        a.note = "third"
        let v3 = try store.write { tx in try tx.put(a, expecting: .exactly(2)) }
        try check.equal(v3, 3, "version returned by a put expecting version 2")
        try check.equal(try store.snapshot().value(a.id), a, "value after a put expecting version 2")

        // Same id string, another entity type: an independent row.
        try store.write { tx in try tx.put(Counter(id: ID("a"), value: 7), expecting: .absent) }
        try check.equal(try store.snapshot().get(ID<Counter>("a"))?.version, 1, "version of another type's row with the same id")
        try check.equal(try store.snapshot().get(a.id)?.version, 3, "version after another type wrote the same id")

        try store.write { tx in try tx.delete(a.id, expecting: .exactly(3)) }
        try check.that(try store.snapshot().get(a.id) == nil, "a deleted entity is still returned")
        try check.equal(try store.snapshot().count(Item.self), 0, "count after delete")
        try check.equal(try store.snapshot().value(ID<Counter>("a"))?.value, 7, "another type's row after delete")

        let again = try store.write { tx in try tx.put(a, expecting: .absent) }
        try check.equal(again, 1, "version of an entity inserted again after delete")

        // Deleting what is not there with `.any` is a no-op, not an error.
        let before = store.snapshot().sequence
        try store.write { tx in try tx.delete(ID<Item>("missing")) }
        try check.equal(store.snapshot().sequence, before, "sequence after deleting a missing entity with .any")

        // Write returns the body's result.
        let result = try store.write { _ in "result" }
        try check.equal(result, "result", "value returned by write")
    }

    static func conflicts(_ store: any Store, _ check: LawCheck) throws {
        let x = item("x", "red", rank: 1)
        try store.write { tx in try tx.put(x, expecting: .absent) }
        let sequence = store.snapshot().sequence
        var changed = x
        changed.rank = 99

        try check.throwsError(
            .conflict(entity: Item.entityType, id: "x", expected: .absent, actual: 1), "put .absent on an existing entity"
        ) { try store.write { tx in try tx.put(changed, expecting: .absent) } }
        try check.throwsError(
            .conflict(entity: Item.entityType, id: "x", expected: .exactly(5), actual: 1), "put .exactly(5) on version 1"
        ) { try store.write { tx in try tx.put(changed, expecting: .exactly(5)) } }
        try check.throwsError(
            .conflict(entity: Item.entityType, id: "y", expected: .exactly(1), actual: nil), "put .exactly(1) on a missing entity"
        ) { try store.write { tx in try tx.put(item("y"), expecting: .exactly(1)) } }
        try check.throwsError(
            .conflict(entity: Item.entityType, id: "x", expected: .exactly(7), actual: 1), "delete .exactly(7) on version 1"
        ) { try store.write { tx in try tx.delete(x.id, expecting: .exactly(7)) } }
        try check.throwsError(
            .conflict(entity: Item.entityType, id: "y", expected: .exactly(1), actual: nil), "delete .exactly(1) on a missing entity"
        ) { try store.write { tx in try tx.delete(ID<Item>("y"), expecting: .exactly(1)) } }
        try check.throwsError(
            .conflict(entity: Item.entityType, id: "x", expected: .absent, actual: 1), "delete .absent on an existing entity"
        ) { try store.write { tx in try tx.delete(x.id, expecting: .absent) } }
        try check.throwsError(
            .conflict(entity: Item.entityType, id: "y", expected: .absent, actual: nil), "delete .absent on a missing entity"
        ) { try store.write { tx in try tx.delete(ID<Item>("y"), expecting: .absent) } }

        let after = store.snapshot()
        try check.equal(try after.get(x.id)?.version, 1, "version after rejected writes")
        try check.equal(try after.value(x.id), x, "value after rejected writes")
        try check.that(try after.get(ID<Item>("y")) == nil, "a rejected insert left a row")
        try check.equal(after.sequence, sequence, "sequence after rejected writes")
        try check.equal(try store.changes(after: sequence, limit: 10).count, 0, "feed entries after rejected writes")

        // A conflict the body catches writes nothing, and the rest of the transaction commits.
        let version = try store.write { tx -> Int in
            do {
                try tx.put(changed, expecting: .exactly(2))
            } catch let error as StoreError {
                guard case .conflict = error else { throw error }
            }
            try check.equal(try tx.get(x.id)?.version, 1, "version inside the transaction after a caught conflict")
            return try tx.put(item("z"), expecting: .absent)
        }
        try check.equal(version, 1, "version of an insert after a caught conflict")
        let feed = try store.changes(after: sequence, limit: 10)
        try check.equal(feed.map(\.id), ["z"], "feed after a transaction that caught a conflict")
        try check.equal(try store.snapshot().value(x.id), x, "value after a caught conflict")
    }

    static func failedTransaction(_ store: any Store, _ check: LawCheck) throws {
        try store.write { tx in
            try tx.put(item("a", "red"))
            try tx.put(item("c", "blue"))
        }
        let before = store.snapshot()
        let calls = Locked(0)
        let observation = store.observe { _ in calls.withLock { $0 += 1 } }
        defer { observation.cancel() }

        do {
            try store.write { tx in
                try tx.put(item("b", "green"))
                try tx.put(item("a", "green", rank: 5))
                try tx.delete(ID<Item>("c"))
                try tx.put(Counter(id: ID("n"), value: 1))
                throw AbortTransaction()
            }
            throw check.fail("write did not rethrow the body's error")
        } catch is AbortTransaction {}

        // A transaction that fails on a conflict half-way leaves nothing either.
        do {
            try store.write { tx in
                try tx.put(item("d", "green"))
                try tx.put(item("a", "amber"), expecting: .absent)
            }
            throw check.fail("a conflicting put did not fail the transaction")
        } catch let error as StoreError {
            guard case .conflict = error else { throw error }
        }

        let after = store.snapshot()
        try check.that(try after.get(ID<Item>("b")) == nil, "an inserted row survived a thrown transaction")
        try check.that(try after.get(ID<Item>("d")) == nil, "an inserted row survived a failed conflicting transaction")
        try check.that(try after.get(ID<Counter>("n")) == nil, "another type's row survived a thrown transaction")
        try check.equal(try after.value(ID<Item>("a")), item("a", "red"), "updated row after a thrown transaction")
        try check.equal(try after.get(ID<Item>("a"))?.version, 1, "version after a thrown transaction")
        try check.equal(try after.value(ID<Item>("c")), item("c", "blue"), "deleted row after a thrown transaction")
        try check.equal(try after.count(Item.self), 2, "count after a thrown transaction")
        try check.equal(try after.count(Counter.self), 0, "other type's count after a thrown transaction")
        try check.equal(
            try after.query(Query<Item>().where("group", equals: .picklist("green"))).map(\.value.id.rawValue), [],
            "index entries after a thrown transaction")
        try check.equal(after.sequence, before.sequence, "sequence after a thrown transaction")
        try check.equal(try store.changes(after: before.sequence, limit: 10).count, 0, "feed after a thrown transaction")
        try check.equal(calls.value, 0, "observer calls for thrown transactions")

        try store.write { tx in try tx.put(item("b", "green")) }
        let feed = try store.changes(after: before.sequence, limit: 10)
        try check.equal(feed.map(\.sequence), [before.sequence + 1], "sequence of the next commit after a thrown transaction")
        try check.equal(feed.first?.version, 1, "version of the next commit after a thrown transaction")
        try check.equal(calls.value, 1, "observer calls after the next commit")
    }

    static func readYourWrites(_ store: any Store, _ check: LawCheck) throws {
        try store.write { tx in
            try tx.put(item("keep", "red", rank: 1))
            try tx.put(item("gone", "red", rank: 2))
        }
        let committed = store.snapshot().sequence
        try store.write { tx in
            try check.equal(tx.sequence, committed, "sequence of a transaction before it writes")
            try tx.put(item("new", "red", rank: 3))
            try check.equal(try tx.get(ID<Item>("new"))?.version, 1, "version of an own insert")
            try tx.put(item("new", "blue", rank: 4))
            try check.equal(try tx.get(ID<Item>("new"))?.version, 2, "version of an own update")
            try check.equal(try tx.value(ID<Item>("new")), item("new", "blue", rank: 4), "value of an own update")
            try tx.delete(ID<Item>("gone"))
            try check.that(try tx.get(ID<Item>("gone")) == nil, "an own delete is not visible")
            try check.equal(try tx.count(Item.self), 2, "count inside the transaction")
            try check.equal(try tx.all(Item.self).map(\.value.id.rawValue), ["keep", "new"], "all inside the transaction")
            try check.equal(
                try tx.query(Query<Item>().where("group", equals: .picklist("red"))).map(\.value.id.rawValue), ["keep"],
                "query inside the transaction")
            try check.equal(
                try tx.query(Query<Item>().where("group", equals: .picklist("blue"))).map(\.value.id.rawValue), ["new"],
                "query for an own update inside the transaction")
            // Others do not see the transaction before it commits.
            let outside = store.snapshot()
            try check.that(try outside.get(ID<Item>("new")) == nil, "a snapshot saw an uncommitted insert")
            try check.that(try outside.get(ID<Item>("gone")) != nil, "a snapshot saw an uncommitted delete")
            try check.equal(try outside.count(Item.self), 2, "count seen outside an open transaction")
        }
        try check.equal(try store.snapshot().get(ID<Item>("new"))?.version, 2, "version after commit")
    }

    static func snapshotIsolation(_ store: any Store, _ check: LawCheck) throws {
        try store.write { tx in
            try tx.put(item("a", "red", rank: 1))
            try tx.put(item("c", "red", rank: 3))
        }
        let old = store.snapshot()
        try store.write { tx in
            try tx.put(item("a", "blue", rank: 9))
            try tx.put(item("b", "red", rank: 2))
            try tx.delete(ID<Item>("c"))
        }
        let redQuery = Query<Item>().where("group", equals: .picklist("red"))
        for round in 0..<2 {  // reading twice: the first read must not pin a later state either
            try check.equal(try old.value(ID<Item>("a")), item("a", "red", rank: 1), "old snapshot value (read \(round))")
            try check.equal(try old.get(ID<Item>("a"))?.version, 1, "old snapshot version")
            try check.that(try old.get(ID<Item>("b")) == nil, "an old snapshot sees a later insert")
            try check.that(try old.get(ID<Item>("c")) != nil, "an old snapshot misses a later-deleted row")
            try check.equal(try old.count(Item.self), 2, "old snapshot count")
            try check.equal(try old.all(Item.self).map(\.value.id.rawValue), ["a", "c"], "old snapshot all")
            try check.equal(try old.query(redQuery).map(\.value.id.rawValue), ["a", "c"], "old snapshot query")
            try check.equal(old.sequence, 2, "old snapshot sequence")
        }
        let new = store.snapshot()
        try check.equal(try new.all(Item.self).map(\.value.id.rawValue), ["a", "b"], "new snapshot all")
        try check.equal(try new.query(redQuery).map(\.value.id.rawValue), ["b"], "new snapshot query")
        try check.equal(new.sequence, 5, "new snapshot sequence")

        // Snapshots are Sendable: another thread reads the same consistent view.
        let seen = Locked<[String]>([])
        runThreads(2) { _ in
            let ids = (try? old.all(Item.self).map(\.value.id.rawValue)) ?? ["error"]
            seen.withLock { $0.append(ids.joined(separator: ",")) }
        }
        try check.equal(seen.value, ["a,c", "a,c"], "old snapshot read from other threads")
    }
}
