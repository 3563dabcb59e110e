/// The whole committed state of a ``MemoryStore``: an immutable value once published.
struct MemoryState: StoreSnapshot {
    var tables: [EntityType: MemoryTable] = [:]
    var sequence: UInt64 = 0
    var transactions: UInt64 = 0

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        guard let table = tables[E.entityType] else { return nil }
        return try table.rows.withValue(forKey: id.rawValue) { row in try Self.typed(row, id.rawValue, E.self) }
    }

    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        guard let table = tables[E.entityType] else { return [] }
        var rows: [(String, MemoryRow)] = []
        rows.reserveCapacity(table.rows.count)
        table.rows.forEach { rows.append(($0, $1)) }
        rows.sort { $0.0 < $1.0 }
        return try rows.map { try Self.typed($0.1, $0.0, E.self) }
    }

    func count<E: Entity>(_ type: E.Type) throws -> Int { tables[E.entityType]?.rows.count ?? 0 }

    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] {
        let indexed = Set(E.indexedFields.map(\.name))
        for filter in query.filters where !indexed.contains(filter.field) {
            throw StoreError.unindexedField(entity: E.entityType, field: filter.field)
        }
        if let order = query.order, !indexed.contains(order.field) {
            throw StoreError.unindexedField(entity: E.entityType, field: order.field)
        }
        guard let table = tables[E.entityType] else { return [] }
        // Narrow with the most selective filter the indexes answer, then check every filter per row.
        var rows: [(String, MemoryRow)] = []
        let narrowest = query.filters.min { table.estimate($0.field, $0.condition) < table.estimate($1.field, $1.condition) }
        func consider(_ id: String, _ row: MemoryRow) {
            if query.filters.allSatisfy({ Query<E>.matches(row.indexValues[$0.field], $0.condition) }) {
                rows.append((id, row))
            }
        }
        if let narrowest {
            for id in table.ids(narrowest.field, narrowest.condition) {
                if let row = table.rows[id] { consider(id, row) }
            }
        } else {
            table.rows.forEach(consider)
        }
        if let order = query.order {
            rows.sort { a, b in
                Query<E>.precedes(
                    (a.0, a.1.indexValues[order.field]), (b.0, b.1.indexValues[order.field]), descending: order.descending)
            }
        } else {
            rows.sort { $0.0 < $1.0 }
        }
        let page = rows.dropFirst(query.offset).prefix(query.limit ?? Int.max)
        return try page.map { try Self.typed($0.1, $0.0, E.self) }
    }

    static func typed<E: Entity>(_ row: borrowing MemoryRow, _ id: String, _: E.Type) throws -> Versioned<E> {
        guard let value = row.value(as: E.self) else {
            throw StoreError.corrupt(entity: E.entityType, id: id, detail: "stored as \(type(of: row.entity))")
        }
        return Versioned(value: value, version: row.version)
    }
}
