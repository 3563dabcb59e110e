/// A public group: users, roles, role subtrees and other groups, used as a sharing target.
///
/// Members and their expansion are defined by CommunityAccess.
public struct PublicGroup: Entity, Hashable {
    public static let entityType: EntityType = "PublicGroup"
    public var id: ID<PublicGroup>
    public var name: String

    /// Creates a public group.
    public init(id: ID<PublicGroup>, name: String) {
        self.id = id
        self.name = name
    }
}
