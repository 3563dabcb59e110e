/// One stored row: the entity, its version and the values of its indexed fields.
///
/// A final class, so that copying a trie node copies one reference per row instead of the
/// entity's existential box, its version and its index values.
final class MemoryRow: Sendable {
    let entity: any Entity
    let version: Int
    let indexValues: IndexValues

    init(entity: any Entity, version: Int, indexValues: IndexValues) {
        self.entity = entity
        self.version = version
        self.indexValues = indexValues
    }
}

/// The values of a row's indexed fields: a short list searched by name (entities declare a
/// handful of indexed fields, so this beats hashing into a dictionary per write).
struct IndexValues: Sendable, Sequence {
    private var pairs: [(field: String, value: FieldValue)] = []

    init() {}

    /// The value indexed under `field`, if any.
    subscript(field: String) -> FieldValue? {
        for pair in pairs where pair.field == field { return pair.value }
        return nil
    }

    /// Sets the value of `field`, replacing an earlier one (the last declaration wins).
    mutating func set(_ value: FieldValue, for field: String) {
        if let i = pairs.firstIndex(where: { $0.field == field }) {
            pairs[i].value = value
        } else {
            pairs.append((field, value))
        }
    }

    func makeIterator() -> IndexingIterator<[(field: String, value: FieldValue)]> { pairs.makeIterator() }
}

/// The ids of the rows holding one value of an indexed field.
typealias MemoryIDSet = HashTrie<String, ()>

/// One entity type's rows and secondary indexes, all persistent: a copy is O(1) and a
/// write copies O(log n) trie nodes, however many snapshots share the rest.
struct MemoryTable: Sendable {
    var rows = HashTrie<String, MemoryRow>()
    /// Field name → value → ids of the rows with that value.
    var indexes: [String: HashTrie<FieldValue, MemoryIDSet>] = [:]

    mutating func insert(_ id: String, _ row: MemoryRow) {
        let old = rows.updateValue(row, forKey: id)
        for (field, value) in row.indexValues where old?.indexValues[field] != value {
            indexes[field, default: HashTrie()].update(value, default: { MemoryIDSet() }) { ids in
                ids.updateValue((), forKey: id)
                return true
            }
        }
        guard let old else { return }
        for (field, value) in old.indexValues where row.indexValues[field] != value {
            unindex(id, field, value)
        }
    }

    mutating func remove(_ id: String) {
        guard let old = rows.removeValue(forKey: id) else { return }
        for (field, value) in old.indexValues { unindex(id, field, value) }
    }

    private mutating func unindex(_ id: String, _ field: String, _ value: FieldValue) {
        indexes[field]?.update(value, default: { MemoryIDSet() }) { ids in
            ids.removeValue(forKey: id)
            return !ids.isEmpty
        }
    }

    /// The ids whose `field` value satisfies `condition`, found through the index.
    func ids<E: Entity>(_ field: String, _ condition: Query<E>.Condition) -> [String] {
        guard let index = indexes[field] else { return [] }
        var result: [String] = []
        switch condition {
        case .equals(let value):
            index[value]?.forEach { id, _ in result.append(id) }
        case .oneOf(let values):
            for value in Set(values) { index[value]?.forEach { id, _ in result.append(id) } }
        case .range:
            index.forEach { value, ids in
                if Query<E>.matches(value, condition) { ids.forEach { id, _ in result.append(id) } }
            }
        }
        return result
    }

    /// How many ids an equality or `oneOf` condition selects (a range counts every row).
    func estimate<E: Entity>(_ field: String, _ condition: Query<E>.Condition) -> Int {
        guard let index = indexes[field] else { return 0 }
        switch condition {
        case .equals(let value): return index[value]?.count ?? 0
        case .oneOf(let values): return Set(values).reduce(0) { $0 + (index[$1]?.count ?? 0) }
        case .range: return rows.count
        }
    }
}
