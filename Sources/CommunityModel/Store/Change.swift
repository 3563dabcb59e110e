/// One committed change, as the change feed delivers it.
public struct Change: Sendable {
    /// What happened to the entity.
    public enum Kind: String, Hashable, Sendable, Codable {
        case inserted, updated, deleted
    }

    /// Position in the feed: strictly increasing, without gaps, across all entity types.
    public let sequence: UInt64
    /// The transaction that made the change; changes of one transaction share it.
    public let transaction: UInt64
    /// The entity type.
    public let entityType: EntityType
    /// The entity's id.
    public let id: String
    /// Whether the entity was inserted, updated or deleted.
    public let kind: Kind
    /// The version after the change (the deleted version for deletes).
    public let version: Int
    /// The entity after the change; `nil` for deletes.
    public let entity: (any Entity)?

    /// Creates a change record.
    public init(
        sequence: UInt64, transaction: UInt64, entityType: EntityType, id: String, kind: Kind, version: Int,
        entity: (any Entity)?
    ) {
        self.sequence = sequence
        self.transaction = transaction
        self.entityType = entityType
        self.id = id
        self.kind = kind
        self.version = version
        self.entity = entity
    }

    /// The entity as a concrete type, when it is one.
    public func value<E: Entity>(as _: E.Type) -> E? { entity as? E }
}
