/// What a store checks on every `put` before it writes anything: the entity's own
/// ``Entity/validate()``, then, for records of an object with a declared ``ObjectSchema``,
/// the custom field values against that schema (declared names, types, picklist values,
/// required fields, lengths).
///
/// ``MemoryStore`` and `SQLiteStore` both use it; a host's own ``Store`` should too, so
/// that `StoreConformance`'s validation law holds.
public struct StoreValidator: Sendable {
    private let schemas: [EntityType: ObjectSchema]

    /// A validator that checks custom fields against `schemas` (one per object; a later
    /// schema for the same object replaces an earlier one).
    public init(schemas: [ObjectSchema] = []) {
        var table: [EntityType: ObjectSchema] = [:]
        for schema in schemas { table[schema.object] = schema }
        self.schemas = table
    }

    /// The schema custom fields of `object` are checked against, if any.
    public func schema(for object: EntityType) -> ObjectSchema? { schemas[object] }

    /// Checks `value`.
    ///
    /// - Throws: the ``ValidationError`` (or a host entity's own error) that
    ///   ``Entity/validate()`` throws, or a ``ValidationError`` for a custom field the
    ///   object's schema rejects. References are not resolved here.
    public func check<E: Entity>(_ value: E) throws {
        try value.validate()
        guard !schemas.isEmpty, let schema = schemas[E.entityType], let record = value as? any Record else { return }
        try schema.validate(record.customFields)
    }
}
