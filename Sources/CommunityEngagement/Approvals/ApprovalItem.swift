public import CommunityModel

/// The record an approval request is about: a lead registration, a fund request, a leave request.
public struct ApprovalItem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The record's entity type.
    public var entityType: EntityType
    /// The record's id.
    public var id: String

    /// Names a record.
    public init(entityType: EntityType, id: String) {
        self.entityType = entityType
        self.id = id
    }

    /// Names an entity.
    public init<E: Entity>(_ id: ID<E>) {
        self.entityType = E.entityType
        self.id = id.rawValue
    }

    /// The id typed as `E`, when the item is an `E`.
    public func id<E: Entity>(as _: E.Type) -> ID<E>? {
        entityType == E.entityType ? try? ID<E>(parsing: id) : nil
    }

    /// `Type:id`, the form indexes use.
    public var description: String { "\(entityType):\(id)" }
}
