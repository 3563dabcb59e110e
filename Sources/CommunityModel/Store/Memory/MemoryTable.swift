/// One stored row: the entity and its version.
///
/// A class, so that copying a trie node copies one reference per row instead of the entity's
/// existential box and its version, and so that the change feed can keep the row itself
/// instead of a boxed copy of the entity. Rows are ``TypedMemoryRow``s: reading one back as
/// its type is a class cast, not an existential cast.
///
/// A row does not store the values of its indexed fields: they are read from the entity
/// with the type's ``Entity/indexedFields`` whenever the indexes or a query need them.
class MemoryRow: @unchecked Sendable {
    let version: Int

    init(version: Int) { self.version = version }

    /// The stored entity, whatever its type.
    var entity: any Entity { fatalError("MemoryRow is abstract") }  // trap-safe: abstract base; every row is a subclass that overrides it

    /// The stored entity as `E`, or `nil` when the row holds another type.
    final func value<E: Entity>(as _: E.Type) -> E? {
        if let typed = self as? TypedMemoryRow<E> { return typed.value }
        return entity as? E
    }

    /// The row's indexed values, by field name, read with its own type's extractors.
    func indexValues() -> [(field: String, value: FieldValue)] { fatalError("MemoryRow is abstract") }  // trap-safe: abstract base; every row is a subclass that overrides it
}

/// A row holding an entity of a known type.
///
/// `@unchecked Sendable` only because its superclass is: every stored property is an
/// immutable `let` of a `Sendable` type.
final class TypedMemoryRow<E: Entity>: MemoryRow, @unchecked Sendable {
    let value: E

    init(_ value: E, version: Int) {
        self.value = value
        super.init(version: version)
    }

    override var entity: any Entity { value }

    override func indexValues() -> [(field: String, value: FieldValue)] {
        IndexExtractors<E>().fields.compactMap { field in field.value(value).map { (field.name, $0) } }
    }
}

/// A type's indexed fields with one extractor per field name, read once per store operation
/// (``Entity/indexedFields`` builds its array on every call).
///
/// When a type declares a name more than once, the value indexed under it is the last
/// declaration's non-`nil` value.
struct IndexExtractors<E: Entity> {
    /// One field per distinct name.
    let fields: [IndexedField<E>]

    init() {
        let declared = E.indexedFields
        var duplicated = false
        for i in declared.indices where !duplicated {
            for j in declared.indices where j > i && declared[j].name == declared[i].name { duplicated = true }
        }
        guard duplicated else {
            fields = declared
            return
        }
        var names: [String] = []
        for field in declared where !names.contains(field.name) { names.append(field.name) }
        fields = names.map { name in
            let group = declared.filter { $0.name == name }
            return IndexedField(name) { entity in
                for field in group.reversed() { if let value = field.value(entity) { return value } }
                return nil
            }
        }
    }

    /// The extractor for `name`, if the type indexes it.
    func field(named name: String) -> IndexedField<E>? { fields.first { $0.name == name } }
}

/// The ids of the rows holding one value of an indexed field.
typealias MemoryIDSet = HashTrie<String, ()>

/// One entity type's rows and secondary indexes, all persistent: a copy is O(1) and a
/// write copies O(log n) trie nodes, however many snapshots share the rest.
struct MemoryTable: Sendable {
    var rows = HashTrie<String, MemoryRow>()
    /// Field name → value → ids of the rows with that value.
    var indexes: [String: HashTrie<FieldValue, MemoryIDSet>] = [:]

    /// Stores `row` under `id`, indexing the values that changed.
    mutating func insert<E: Entity>(_ id: String, _ row: TypedMemoryRow<E>, _ extractors: IndexExtractors<E>) {
        let old = rows.updateValue(row, forKey: id)
        if let old, !(old is TypedMemoryRow<E>) {  // another type under this name: compare by name
            let oldValues = old.indexValues()
            let newValues = row.indexValues()
            for (field, value) in newValues where !oldValues.contains(where: { $0 == (field, value) }) {
                index(id, field, value)
            }
            for (field, value) in oldValues where !newValues.contains(where: { $0 == (field, value) }) {
                unindex(id, field, value)
            }
            return
        }
        let oldValue = old.map { unsafeDowncast($0, to: TypedMemoryRow<E>.self).value }
        for field in extractors.fields {
            let new = field.value(row.value)
            let previous = oldValue.flatMap(field.value)
            guard new != previous else { continue }
            if let new { index(id, field.name, new) }
            if let previous { unindex(id, field.name, previous) }
        }
    }

    /// Removes the row stored under `id` and its index entries.
    mutating func remove(_ id: String) {
        guard let old = rows.removeValue(forKey: id) else { return }
        for (field, value) in old.indexValues() { unindex(id, field, value) }
    }

    private mutating func index(_ id: String, _ field: String, _ value: FieldValue) {
        indexes[field, default: HashTrie()].update(value, default: { MemoryIDSet() }) { ids in
            ids.updateValue((), forKey: id)
            return true
        }
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
