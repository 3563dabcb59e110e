/// A public group: users, roles, role subtrees and other groups, used as a sharing target.
///
/// Expansion (transitive, cycles rejected) is done by CommunityAccess.
public struct PublicGroup: Entity, Hashable {
    public static let entityType: EntityType = "PublicGroup"
    public var id: ID<PublicGroup>
    public var name: String
    /// The member entries.
    public var members: [GroupMember]
    /// Whether role-hierarchy managers of members inherit what the group is granted.
    public var grantAccessUsingHierarchies: Bool

    /// Creates a public group.
    public init(
        id: ID<PublicGroup>, name: String, members: [GroupMember] = [], grantAccessUsingHierarchies: Bool = true
    ) {
        self.id = id
        self.name = name
        self.members = members
        self.grantAccessUsingHierarchies = grantAccessUsingHierarchies
    }

    private enum CodingKeys: String, CodingKey { case id, name, members, grantAccessUsingHierarchies }

    /// Decodes a group; groups stored before members existed decode empty, with hierarchy access on.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ID<PublicGroup>.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        members = try c.decodeIfPresent([GroupMember].self, forKey: .members) ?? []
        grantAccessUsingHierarchies = try c.decodeIfPresent(Bool.self, forKey: .grantAccessUsingHierarchies) ?? true
    }
}
