/// One stored row: the entity, its version and the values of its indexed fields.
///
/// A class, so that copying a trie node copies one reference per row instead of the entity's
/// existential box, its version and its index values. Rows are ``TypedMemoryRow``s: reading
/// one back as its type is a class cast, not an existential cast.
class MemoryRow: @unchecked Sendable {
    let version: Int
    let indexValues: IndexValues

    init(version: Int, indexValues: IndexValues) {
        self.version = version
        self.indexValues = indexValues
    }

    /// The stored entity, whatever its type.
    var entity: any Entity { fatalError("MemoryRow is abstract") }

    /// The stored entity as `E`, or `nil` when the row holds another type.
    final func value<E: Entity>(as _: E.Type) -> E? {
        if let typed = self as? TypedMemoryRow<E> { return typed.value }
        return entity as? E
    }
}

/// A row holding an entity of a known type.
///
/// `@unchecked Sendable` only because its superclass is: every stored property is an
/// immutable `let` of a `Sendable` type.
final class TypedMemoryRow<E: Entity>: MemoryRow, @unchecked Sendable {
    let value: E

    init(_ value: E, version: Int, indexValues: IndexValues) {
        self.value = value
        super.init(version: version, indexValues: indexValues)
    }

    override var entity: any Entity { value }
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
