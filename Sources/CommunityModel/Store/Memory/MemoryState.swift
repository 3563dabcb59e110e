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
        let extractors = IndexExtractors<E>()
        // One extractor per filter and for the order, looked up by name once per query.
        var filters: [(extractor: IndexedField<E>, condition: Query<E>.Condition)] = []
        filters.reserveCapacity(query.filters.count)
        for filter in query.filters {
            guard let extractor = extractors.field(named: filter.field) else {
                throw StoreError.unindexedField(entity: E.entityType, field: filter.field)
            }
            filters.append((extractor, filter.condition))
        }
        var orderExtractor: IndexedField<E>?
        if let order = query.order {
            guard let extractor = extractors.field(named: order.field) else {
                throw StoreError.unindexedField(entity: E.entityType, field: order.field)
            }
            orderExtractor = extractor
        }
        guard let table = tables[E.entityType] else { return [] }
        // Narrow with the most selective filter the indexes answer, then check every filter per row.
        var rows: [(id: String, row: MemoryRow, order: FieldValue?)] = []
        let narrowest = query.filters.min { table.estimate($0.field, $0.condition) < table.estimate($1.field, $1.condition) }
        // The row class, looked up once (rows are almost always exactly this final class).
        let typedRow = TypedMemoryRow<E>.self
        func consider(_ id: String, _ row: MemoryRow) {
            guard type(of: row) == typedRow else {
                // Stored under this type's name by another type: read its values by name.
                let values = row.indexValues()
                func value(_ extractor: IndexedField<E>) -> FieldValue? {
                    values.last { $0.field == extractor.name }?.value
                }
                if filters.allSatisfy({ Query<E>.matches(value($0.extractor), $0.condition) }) {
                    rows.append((id, row, orderExtractor.flatMap(value)))
                }
                return
            }
            let typed = unsafeDowncast(row, to: TypedMemoryRow<E>.self)
            if filters.allSatisfy({ Query<E>.matches($0.extractor.value(typed.value), $0.condition) }) {
                rows.append((id, row, orderExtractor?.value(typed.value)))
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
            rows.sort { a, b in Query<E>.precedes((a.id, a.order), (b.id, b.order), descending: order.descending) }
        } else {
            rows.sort { $0.id < $1.id }
        }
        let page = rows.dropFirst(query.offset).prefix(query.limit ?? Int.max)
        return try page.map { entry in
            guard type(of: entry.row) == typedRow else { return try Self.typed(entry.row, entry.id, E.self) }
            let row = unsafeDowncast(entry.row, to: TypedMemoryRow<E>.self)
            return Versioned(value: row.value, version: row.version)
        }
    }

    static func typed<E: Entity>(_ row: borrowing MemoryRow, _ id: String, _: E.Type) throws -> Versioned<E> {
        guard let value = row.value(as: E.self) else {
            throw StoreError.corrupt(entity: E.entityType, id: id, detail: "stored as \(type(of: row.entity))")
        }
        return Versioned(value: value, version: row.version)
    }
}
