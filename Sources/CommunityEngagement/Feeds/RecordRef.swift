public import CommunityModel

/// A CRM record a post can be attached to (an Account, a Case, an Opportunity…).
public struct RecordRef: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The record's entity type.
    public var entityType: EntityType
    /// The record's id, in string form.
    public var id: String

    /// Refers to a record by type and id.
    public init(_ entityType: EntityType, _ id: String) {
        self.entityType = entityType
        self.id = id
    }

    /// Refers to a stored entity.
    public init<E: Entity>(_ id: ID<E>) { self.init(E.entityType, id.rawValue) }

    public var description: String { "\(entityType.name):\(id)" }
}
