/// A ``MemoryStore`` transaction: a private copy of the state plus the changes made to it.
final class MemoryTransaction: StoreTransaction {
    var state: MemoryState
    /// The changes made so far, numbered as they will be committed (writers are serialised,
    /// so the transaction id and sequence numbers are known from the start).
    var pending: [FeedEntry] = []
    let transactionID: UInt64
    let validator: StoreValidator
    /// The error of a `put` refused as invalid: the transaction then cannot commit, even if
    /// the body caught the error.
    private(set) var rejection: (any Error)?

    init(state: MemoryState, validator: StoreValidator) {
        self.state = state
        self.validator = validator
        transactionID = state.transactions + 1
    }

    private func record(_ type: EntityType, _ id: String, _ kind: Change.Kind, _ version: Int, _ row: MemoryRow?) {
        pending.append(
            FeedEntry(
                sequence: state.sequence + UInt64(pending.count) + 1, transaction: transactionID, entityType: type,
                id: id, version: version, row: row, kind: kind))
    }

    var sequence: UInt64 { state.sequence }
    func get<E: Entity>(_ id: ID<E>) throws -> Versioned<E>? { try state.get(id) }
    func all<E: Entity>(_ type: E.Type) throws -> [Versioned<E>] { try state.all(type) }
    func query<E: Entity>(_ query: Query<E>) throws -> [Versioned<E>] { try state.query(query) }
    func count<E: Entity>(_ type: E.Type) throws -> Int { try state.count(type) }

    @discardableResult
    func put<E: Entity>(_ value: E, expecting: ExpectedVersion) throws -> Int {
        if let rejection { throw rejection }
        do {
            try validator.check(value)
        } catch {
            rejection = error
            throw error
        }
        let key = value.id.rawValue
        let existing = state.tables[E.entityType]?.rows.withValue(forKey: key) { $0.version }
        try Self.check(E.entityType, key, expecting, existing)
        let version = (existing ?? 0) + 1
        let row = TypedMemoryRow(value, version: version)
        state.tables[E.entityType, default: MemoryTable()].insert(key, row, IndexExtractors<E>())
        record(E.entityType, key, existing == nil ? .inserted : .updated, version, row)
        return version
    }

    func delete<E: Entity>(_ id: ID<E>, expecting: ExpectedVersion) throws {
        if let rejection { throw rejection }
        let key = id.rawValue
        guard let existing = state.tables[E.entityType]?.rows.withValue(forKey: key, { $0.version }) else {
            if expecting == .any { return }
            throw StoreError.conflict(entity: E.entityType, id: key, expected: expecting, actual: nil)
        }
        try Self.check(E.entityType, key, expecting, existing)
        state.tables[E.entityType]?.remove(key)
        record(E.entityType, key, .deleted, existing, nil)
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
