/// A bundle of extra permissions assigned to users on top of their profile.
public struct PermissionSet: Entity, Hashable {
    public static let entityType: EntityType = "PermissionSet"
    public var id: ID<PermissionSet>
    public var name: String
    /// Object, field and system permissions it grants (or, as a muting set, removes).
    public var permissions: PermissionGrants

    /// Creates a permission set.
    public init(id: ID<PermissionSet>, name: String, permissions: PermissionGrants = .empty) {
        self.id = id
        self.name = name
        self.permissions = permissions
    }

    private enum CodingKeys: String, CodingKey { case id, name, permissions }

    /// Decodes a permission set; sets stored before permissions existed decode with none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ID<PermissionSet>.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        permissions = try c.decodeIfPresent(PermissionGrants.self, forKey: .permissions) ?? .empty
    }
}
