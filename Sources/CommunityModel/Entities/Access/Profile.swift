/// A user's profile: the baseline object, field and system permissions (one per user).
///
/// The permission payload's semantics (union with permission sets, implications, caps)
/// are defined by CommunityAccess.
public struct Profile: Entity, Hashable {
    public static let entityType: EntityType = "Profile"
    public var id: ID<Profile>
    public var name: String
    /// Object, field and system permissions.
    public var permissions: PermissionGrants

    /// Creates a profile.
    public init(id: ID<Profile>, name: String, permissions: PermissionGrants = .empty) {
        self.id = id
        self.name = name
        self.permissions = permissions
    }

    private enum CodingKeys: String, CodingKey { case id, name, permissions }

    /// Decodes a profile; profiles stored before permissions existed decode with none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ID<Profile>.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        permissions = try c.decodeIfPresent(PermissionGrants.self, forKey: .permissions) ?? .empty
    }
}
