import CommunityModel

/// What the role tree needs of a stored role, resolved to dense ids when the role is
/// applied, so that rebuilding the tree after a role move reads no strings.
struct RoleLink: Sendable {
    /// Whether the role exists (not deleted, not only referenced).
    var exists = false
    /// Whether the role names a parent (resolved or not).
    var hasParent = false
    /// The dense id of the named parent, or -1.
    var parent: Int32 = -1
    /// For an external role without a parent: its account's record index, or -1.
    var anchor: Int32 = -1
    var isInternal = true
    var child = ChildAccess.none
}
