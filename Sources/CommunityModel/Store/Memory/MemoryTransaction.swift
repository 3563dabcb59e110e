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
        let existing = state.tables[E.entityType]?.rows.withValue(forKey: key) { $0.version }
        try Self.check(E.entityType, key, expecting, existing)
        let version = (existing ?? 0) + 1
        var indexValues = IndexValues()
        for field in E.indexedFields {
            if let v = field.value(value) { indexValues.set(v, for: field.name) }
        }
        state.tables[E.entityType, default: MemoryTable()]
            .insert(key, TypedMemoryRow(value, version: version, indexValues: indexValues))
        pending.append(
            PendingChange(
                entityType: E.entityType, id: key, kind: existing == nil ? .inserted : .updated, version: version,
                entity: value))
        return version
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        let key = id.rawValue
        guard let existing = state.tables[E.entityType]?.rows.withValue(forKey: key, { $0.version }) else {
            if expecting == .any { return }
            throw StoreError.conflict(entity: E.entityType, id: key, expected: expecting, actual: nil)
        }
        try Self.check(E.entityType, key, expecting, existing)
        state.tables[E.entityType]?.remove(key)
        pending.append(PendingChange(entityType: E.entityType, id: key, kind: .deleted, version: existing, entity: nil))
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
