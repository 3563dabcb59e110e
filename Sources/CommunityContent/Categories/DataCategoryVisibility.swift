public import CommunityModel

/// Which categories of a group some users may see. A user sees the union of every rule of
/// the group that applies to them; a group with no rule for a user hides all of its
/// categories from them. Seeing a category includes seeing its children.
public struct DataCategoryVisibility: Entity, Hashable {
    /// Who a rule applies to.
    public enum Audience: Hashable, Sendable, Codable {
        /// Every user, guests included.
        case everyone
        /// Users of a licence kind.
        case userKind(User.Kind)
        /// Users with this profile.
        case profile(ID<Profile>)
        /// Users holding this permission set (directly or through a permission set group).
        case permissionSet(ID<PermissionSet>)
        /// Members of an Access principal: a role, role and subordinates, public group, queue…
        case principal(Grantee)
    }

    /// What the rule lets them see.
    public enum Scope: Hashable, Sendable, Codable {
        /// Every category of the group.
        case all
        /// These categories and their children.
        case categories([ID<DataCategory>])
    }

    /// The store table name.
    public static let entityType: EntityType = "DataCategoryVisibility"

    /// The identifier.
    public var id: ID<DataCategoryVisibility>
    /// The group the rule is about.
    public var groupID: ID<DataCategoryGroup>
    /// Who it applies to.
    public var audience: Audience
    /// What they see.
    public var scope: Scope

    /// Creates a rule.
    public init(id: ID<DataCategoryVisibility>, groupID: ID<DataCategoryGroup>, audience: Audience, scope: Scope) {
        self.id = id
        self.groupID = groupID
        self.audience = audience
        self.scope = scope
    }
}
