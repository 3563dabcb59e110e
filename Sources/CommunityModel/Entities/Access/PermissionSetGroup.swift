/// Permission sets assigned together, optionally with a muting set that removes permissions
/// granted through the group.
public struct PermissionSetGroup: Entity, Hashable {
    public static let entityType: EntityType = "PermissionSetGroup"
    public var id: ID<PermissionSetGroup>
    public var name: String
    /// The permission sets in the group.
    public var permissionSetIDs: [ID<PermissionSet>]
    /// A muting permission set: what it lists is removed from what the group grants.
    public var mutingPermissionSetID: ID<PermissionSet>?

    /// Creates a permission set group.
    public init(
        id: ID<PermissionSetGroup>, name: String, permissionSetIDs: [ID<PermissionSet>] = [],
        mutingPermissionSetID: ID<PermissionSet>? = nil
    ) {
        self.id = id
        self.name = name
        self.permissionSetIDs = permissionSetIDs
        self.mutingPermissionSetID = mutingPermissionSetID
    }
}
