/// The users a set spec names, and the roles that sit strictly above at least one of them
/// (a user in such a role inherits the set's grants through the role hierarchy).
public struct GranteeMembers: Sendable, Hashable {
    /// Every member, after expanding roles, subordinates and nested groups.
    public var users: Set<String>
    /// Every role strictly above some member's role.
    public var rolesAbove: Set<String>

    /// Whether `user` is a member or sits strictly above a member.
    public func reaches(_ user: WorkloadUser) -> Bool {
        if users.contains(user.id) { return true }
        guard let role = user.role else { return false }
        return rolesAbove.contains(role)
    }
}
