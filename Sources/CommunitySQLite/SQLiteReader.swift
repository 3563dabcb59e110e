import CommunityModel
import Dispatch
import Foundation
import Synchronization

/// The reads every view of a ``SQLiteStore`` shares, over one connection.
struct SQLiteReader {
    let connection: SQLiteConnection

    func decode<E: Entity>(_ data: [UInt8], _ id: String, _: E.Type) throws -> E {
        try Self.decode(data, id, E.self)
    }

    static func decode<E: Entity>(_ data: [UInt8], _ id: String, _: E.Type) throws -> E {
        do {
            let value = try EntityBody.decode(E.self, from: data)
            guard value.id.rawValue == id else {
                throw StoreError.corrupt(entity: E.entityType, id: id, detail: "the body holds id \(value.id.rawValue)")
            }
            return value
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corrupt(entity: E.entityType, id: id, detail: "\(error)")
        }
    }

    /// The last committed change sequence: the newest feed row, or the kept value in
    /// `ck_meta` when the feed has been pruned past it.
    func committedSequence() throws -> UInt64 {
        UInt64(clamping: try connection.integer(SQLiteSchema.committedSequence, []) ?? 0)
    }

    func metadata(_ key: String) throws -> Int64 {
        guard let value = try connection.integer(SQLiteSchema.readMeta, [.text(key)]) else {
            throw StoreError.backend("the database has no \(key) entry; it is not a CommunityKit store")
        }
        return value
    }

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        var result: (Int, [UInt8])?
        try connection.rows(SQLiteSchema.getEntity, [.text(E.entityType.name), .text(id.rawValue)]) { row in
            result = (Int(row.integer(0)), row.bytes(1))
        }
        guard let (version, body) = result else { return nil }
        return Versioned(value: try decode(body, id.rawValue, E.self), version: version)
    }

    func version<E: Entity>(_ type: E.Type, _ id: String) throws -> Int? {
        try connection.integer(SQLiteSchema.getVersion, [.text(E.entityType.name), .text(id)]).map(Int.init)
    }

    /// The stored version and body of an entity, undecoded.
    func stored<E: Entity>(_ type: E.Type, _ id: String) throws -> (version: Int, body: [UInt8])? {
        var result: (Int, [UInt8])?
        try connection.rows(SQLiteSchema.getEntity, [.text(E.entityType.name), .text(id)]) { row in
            result = (Int(row.integer(0)), row.bytes(1))
        }
        return result
    }

    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        // SQLite orders the ASCII ids bytewise, which is Swift's order for them too.
        try Self.decodeAll(try rows(type), E.self)
    }

    /// Every row of `type` as (id, version, body), ascending by id, undecoded.
    func rows<E: Entity>(_ type: E.Type) throws -> [(String, Int, [UInt8])] {
        var rows: [(String, Int, [UInt8])] = []
        try connection.rows(SQLiteSchema.allEntities, [.text(E.entityType.name)]) { row in
            rows.append((row.text(0), Int(row.integer(1)), row.bytes(2)))
        }
        return rows
    }

    /// Decodes rows of (id, version, body) in order: on all cores when there are many (the
    /// rows are read on one connection first; decoding is what costs).
    static func decodeAll<E: Entity>(_ rows: [(String, Int, [UInt8])], _: E.Type) throws -> [Versioned<E>] {
        let chunk = 8_192
        guard rows.count > chunk else { return try rows.map { Versioned(value: try decode($0.2, $0.0, E.self), version: $0.1) } }
        let chunks = (rows.count + chunk - 1) / chunk
        let parts = Mutex([Result<[Versioned<E>], any Error>?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let part = Result {
                try rows[c * chunk..<min(rows.count, (c + 1) * chunk)].map { Versioned(value: try decode($0.2, $0.0, E.self), version: $0.1) }
            }
            parts.withLock { $0[c] = part }
        }
        var out: [Versioned<E>] = []
        out.reserveCapacity(rows.count)
        for part in parts.withLock({ $0 }) {
            guard let part else { throw StoreError.backend("a decoding task did not run") }
            out += try part.get()
        }
        return out
    }

    /// Every row of `type` with its access fields, undecoded, bodies in one buffer.
    func encodedRecords<R: Record>(_ type: R.Type) throws -> EncodedRecords {
        // No `count` first to reserve with: in a table without rowid the rows hold their
        // bodies, so counting a type reads every page of it, as long as the read itself.
        var out = EncodedRecords(entityType: R.entityType)
        try connection.rows(SQLiteSchema.encodedEntities, [.text(R.entityType.name)]) { row in
            out.ids.append(row.text(0))
            out.bodyStarts.append(out.bodies.count)
            row.appendBytes(1, to: &out.bodies)
            if row.isNull(2) {
                out.accessStarts.append(-1)
                out.accessEnds.append(-1)
            } else {
                let start = out.accessBytes.count
                out.accessStarts.append(start)
                out.accessEnds.append(start + row.appendBytes(2, to: &out.accessBytes))
            }
        }
        return out
    }

    func count<E: Entity>(_ type: E.Type) throws -> Int {
        Int(try connection.integer(SQLiteSchema.countEntities, [.text(E.entityType.name)]) ?? 0)
    }

    /// The sequence through which `ck_index` is up to date.
    func indexedSequence() throws -> UInt64 {
        UInt64(clamping: try metadata("indexed"))
    }

    /// Ids of `type` changed after the `indexed` sequence, whose index rows may be stale or missing.
    func changedSinceIndexed(_ type: EntityType) throws -> Set<String> {
        let indexed = try indexedSequence()
        var ids = Set<String>()
        try connection.rows(SQLiteSchema.changedSince, [.integer(Int64(clamping: indexed)), .text(type.name)]) { row in
            ids.insert(row.text(0))
        }
        return ids
    }

    /// Finds candidates through the index table, then filters, orders and pages them with the
    /// same definitions as every other store (`Query.matches`, `Query.precedes`).
    ///
    /// Entities changed after the `indexed` sequence (and those in `changed`, a write
    /// transaction's own uncommitted changes) may have stale or missing index rows: they are
    /// always candidates, read from their current rows, and checked like every other.
    func query<E: Entity>(_ query: Query<E>, changed: Set<String> = []) throws -> [Versioned<E>] {
        let fields = Dictionary(E.indexedFields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for filter in query.filters where fields[filter.field] == nil {
            throw StoreError.unindexedField(entity: E.entityType, field: filter.field)
        }
        if let order = query.order, fields[order.field] == nil {
            throw StoreError.unindexedField(entity: E.entityType, field: order.field)
        }
        let type = E.entityType.name
        var candidates: [(String, Int, [UInt8])] = []
        if let (field, keys) = try narrowestLookup(query) {
            var seen = Set<String>()
            for key in keys {
                try connection.rows(SQLiteSchema.byKey, [.text(type), .text(field), .text(key)]) { row in
                    let id = row.text(0)
                    if seen.insert(id).inserted { candidates.append((id, Int(row.integer(1)), row.bytes(2))) }
                }
            }
        } else if let range = query.filters.first {
            var undecodable: String?
            try connection.rows(SQLiteSchema.byField, [.text(type), .text(range.field)]) { row in
                guard let value = IndexValueCodec.decode(row.text(0)) else {
                    undecodable = row.text(1)
                    return
                }
                if Query<E>.matches(value, range.condition) {
                    candidates.append((row.text(1), Int(row.integer(2)), row.bytes(3)))
                }
            }
            if let undecodable {
                throw StoreError.corrupt(entity: E.entityType, id: undecodable, detail: "unreadable \(range.field) index value")
            }
        } else {
            try connection.rows(SQLiteSchema.allEntities, [.text(type)]) { row in
                candidates.append((row.text(0), Int(row.integer(1)), row.bytes(2)))
            }
        }
        if !query.filters.isEmpty {
            let extra = changed.union(try changedSinceIndexed(E.entityType))
            if !extra.isEmpty {
                candidates.removeAll { extra.contains($0.0) }
                for id in extra.sorted() {
                    if let current = try stored(E.self, id) { candidates.append((id, current.version, current.body)) }
                }
            }
        }
        var rows: [(id: String, values: [String: FieldValue], result: Versioned<E>)] = []
        for (id, version, body) in candidates {
            let value = try decode(body, id, E.self)
            var values: [String: FieldValue] = [:]
            for (name, read) in fields { values[name] = read(value) }
            if query.filters.allSatisfy({ Query<E>.matches(values[$0.field], $0.condition) }) {
                rows.append((id, values, Versioned(value: value, version: version)))
            }
        }
        if let order = query.order {
            rows.sort { a, b in
                Query<E>.precedes((a.id, a.values[order.field]), (b.id, b.values[order.field]), descending: order.descending)
            }
        } else {
            rows.sort { $0.id < $1.id }
        }
        return rows.dropFirst(query.offset).prefix(query.limit ?? Int.max).map(\.result)
    }

    /// The equality or `oneOf` filter with the fewest index entries, as a field and the keys to look up.
    private func narrowestLookup<E: Entity>(_ query: Query<E>) throws -> (String, [String])? {
        var best: (String, [String], Int64)?
        for filter in query.filters {
            let keys: [String]
            switch filter.condition {
            case .equals(let value): keys = [IndexKey.of(value)]
            case .oneOf(let values): keys = Array(Set(values.map(IndexKey.of))).sorted()
            case .range: continue
            }
            var size: Int64 = 0
            for key in keys {
                size += try connection.integer(SQLiteSchema.countKey, [.text(E.entityType.name), .text(filter.field), .text(key)]) ?? 0
            }
            if let current = best, current.2 <= size { continue }
            best = (filter.field, keys, size)
        }
        return best.map { ($0.0, $0.1) }
    }
}
