/// A value the ``Store`` keeps: Codable, Sendable, with a typed identifier.
///
/// Higher layers conform their own types (articles, questions, sites) without touching
/// this module: the store keys tables by ``entityType`` and builds the indexes that
/// ``indexedFields`` declares.
///
/// Every store runs ``validate()`` on every `put`, before anything is written: an entity
/// that breaks its invariants is never stored, so readers never meet one.
public protocol Entity: Codable, Sendable {
    /// The table name, such as `"Account"`.
    static var entityType: EntityType { get }
    /// Fields the store indexes for ``Query`` lookups, ranges and ordering.
    static var indexedFields: [IndexedField<Self>] { get }
    /// The entity's identifier.
    var id: ID<Self> { get }
    /// Checks the entity's invariants; stores call it on every `put` and refuse the write
    /// (and the whole transaction) when it throws.
    ///
    /// The default checks every value the entity encodes: text has no C0 control character
    /// other than tab, line feed and carriage return and is at most
    /// ``Check/maximumTextBytes`` long, floating-point numbers are finite, decimals are
    /// finite and at most ``Check/maximumDecimalMagnitude`` in magnitude. Types with tighter
    /// rules (lengths, required fields, ranges) implement it themselves, usually with the
    /// ``Check`` helpers, and should keep those guarantees too.
    ///
    /// - Throws: a ``ValidationError`` naming the field (as `EntityType.Field`) and the reason.
    func validate() throws
}

extension Entity {
    /// No indexed fields unless the type declares some.
    public static var indexedFields: [IndexedField<Self>] { [] }

    /// Checks every encoded value: text without control characters (other than tab, line
    /// feed, carriage return) and of bounded length, finite numbers, finite and bounded decimals.
    public func validate() throws { try EntityInspector.check(self) }
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
