/// A value the ``Store`` keeps: Codable, Sendable, with a typed identifier.
///
/// Higher layers conform their own types (articles, questions, sites) without touching
/// this module: the store keys tables by ``entityType`` and builds the indexes that
/// ``indexedFields`` declares.
public protocol Entity: Codable, Sendable {
    /// The table name, such as `"Account"`.
    static var entityType: EntityType { get }
    /// Fields the store indexes for ``Query`` lookups, ranges and ordering.
    static var indexedFields: [IndexedField<Self>] { get }
    /// The entity's identifier.
    var id: ID<Self> { get }
}

extension Entity {
    /// No indexed fields unless the type declares some.
    public static var indexedFields: [IndexedField<Self>] { [] }
}

/// A field the store indexes: a name and how to read its value from an entity.
public struct IndexedField<E: Entity>: Sendable {
    /// The field's name, as queries refer to it.
    public let name: String
    /// Reads the value to index; `nil` leaves the entity out of this index.
    public let value: @Sendable (E) -> FieldValue?

    /// Declares an indexed field.
    public init(_ name: String, _ value: @escaping @Sendable (E) -> FieldValue?) {
        self.name = name
        self.value = value
    }
}
