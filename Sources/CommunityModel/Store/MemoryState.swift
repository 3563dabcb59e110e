/// One stored row: the entity, its version and the values of its indexed fields.
struct MemoryRow: Sendable {
    var entity: any Entity
    var version: Int
    var indexValues: [String: FieldValue]
}

/// One entity type's rows and secondary indexes.
struct MemoryTable: Sendable {
    var rows: [String: MemoryRow] = [:]
    var indexes: [String: [FieldValue: Set<String>]] = [:]

    mutating func insert(_ id: String, _ row: MemoryRow) {
        if let old = rows[id] { unindex(id, old.indexValues) }
        rows[id] = row
        for (field, value) in row.indexValues { indexes[field, default: [:]][value, default: []].insert(id) }
    }

    mutating func remove(_ id: String) {
        guard let old = rows.removeValue(forKey: id) else { return }
        unindex(id, old.indexValues)
    }

    private mutating func unindex(_ id: String, _ values: [String: FieldValue]) {
        for (field, value) in values {
            indexes[field]?[value]?.remove(id)
            if indexes[field]?[value]?.isEmpty == true { indexes[field]?[value] = nil }
        }
    }
}

/// The whole committed state of a ``MemoryStore``: an immutable value once published.
struct MemoryState: StoreSnapshot {
    var tables: [EntityType: MemoryTable] = [:]
    var sequence: UInt64 = 0
    var transactions: UInt64 = 0

    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? {
        guard let row = tables[E.entityType]?.rows[id.rawValue] else { return nil }
        return try Self.typed(row, E.self)
    }

    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] {
        guard let table = tables[E.entityType] else { return [] }
        return try table.rows.keys.sorted().map { try Self.typed(table.rows[$0]!, E.self) }
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
        // Narrow with the most selective equality filter, then check every filter per row.
        var candidates: [String]?
        for filter in query.filters {
            let index = table.indexes[filter.field] ?? [:]
            switch filter.condition {
            case .equals(let v):
                let ids = index[v] ?? []
                if candidates == nil || ids.count < candidates!.count { candidates = Array(ids) }
            case .oneOf(let vs):
                let ids = vs.reduce(into: Set<String>()) { $0.formUnion(index[$1] ?? []) }
                if candidates == nil || ids.count < candidates!.count { candidates = Array(ids) }
            case .range:
                continue
            }
        }
        let ids = candidates ?? Array(table.rows.keys)
        var rows: [(String, MemoryRow)] = []
        for id in ids {
            guard let row = table.rows[id] else { continue }
            if query.filters.allSatisfy({ Query<E>.matches(row.indexValues[$0.field], $0.condition) }) {
                rows.append((id, row))
            }
        }
        if let order = query.order {
            rows.sort { a, b in
                let va = a.1.indexValues[order.field], vb = b.1.indexValues[order.field]
                if va != vb {
                    switch (va, vb) {
                    case (nil, _): return !order.descending
                    case (_, nil): return order.descending
                    case (let x?, let y?): return order.descending ? FieldValue.ordered(y, x) : FieldValue.ordered(x, y)
                    }
                }
                return a.0 < b.0
            }
        } else {
            rows.sort { $0.0 < $1.0 }
        }
        let page = rows.dropFirst(query.offset).prefix(query.limit ?? Int.max)
        return try page.map { try Self.typed($0.1, E.self) }
    }

    static func typed<E: Entity>(_ row: MemoryRow, _: E.Type) throws -> Versioned<E> {
        guard let value = row.entity as? E else {
            throw StoreError.corrupt(entity: E.entityType, id: "?", detail: "stored as \(type(of: row.entity))")
        }
        return Versioned(value: value, version: row.version)
    }
}

/// A change a ``MemoryTransaction`` has made but not yet committed.
struct PendingChange {
    var entityType: EntityType
    var id: String
    var kind: Change.Kind
    var version: Int
    var entity: (any Entity)?
}

/// A ``MemoryStore`` transaction: a private copy of the state plus the changes made to it.
final class MemoryTransaction: StoreTransaction {
    var state: MemoryState
    var pending: [PendingChange] = []

    init(state: MemoryState) { self.state = state }

    var sequence: UInt64 { state.sequence }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try state.get(id) }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try state.all(type) }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try state.query(query) }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try state.count(type) }

    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int {
        let key = value.id.rawValue
        let existing = state.tables[E.entityType]?.rows[key]?.version
        try Self.check(E.entityType, key, expecting, existing)
        let version = (existing ?? 0) + 1
        var indexValues: [String: FieldValue] = [:]
        for field in E.indexedFields {
            if let v = field.value(value) { indexValues[field.name] = v }
        }
        state.tables[E.entityType, default: MemoryTable()]
            .insert(key, MemoryRow(entity: value, version: version, indexValues: indexValues))
        pending.append(
            PendingChange(
                entityType: E.entityType, id: key, kind: existing == nil ? .inserted : .updated, version: version,
                entity: value))
        return version
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        let key = id.rawValue
        let existing = state.tables[E.entityType]?.rows[key]?.version
        if expecting == .any, existing == nil { return }
        try Self.check(E.entityType, key, expecting == .absent ? .exactly(-1) : expecting, existing)
        state.tables[E.entityType]?.remove(key)
        pending.append(PendingChange(entityType: E.entityType, id: key, kind: .deleted, version: existing!, entity: nil))
    }

    static func check(_ type: EntityType, _ id: String, _ expecting: ExpectedVersion, _ existing: Int?) throws {
        switch expecting {
        case .any: return
        case .absent:
            if existing != nil { throw StoreError.conflict(entity: type, id: id, expected: expecting, actual: existing) }
        case .exactly(let v):
            if existing != v { throw StoreError.conflict(entity: type, id: id, expected: expecting, actual: existing) }
        }
    }
}
