/// A bundle of extra permissions assigned to users on top of their profile.
public struct PermissionSet: Entity, Hashable {
    public static let entityType: EntityType = "PermissionSet"
    public var id: ID<PermissionSet>
    public var name: String

    /// Creates a permission set.
    public init(id: ID<PermissionSet>, name: String) {
        self.id = id
        self.name = name
    }
}
