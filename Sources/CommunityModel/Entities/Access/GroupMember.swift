/// One entry of a public group's or queue's member list.
public enum GroupMember: Hashable, Sendable, Codable {
    /// One user.
    case user(ID<User>)
    /// Every user in the role.
    case role(ID<Role>)
    /// Every user in the role or any role below it, partner and customer roles included.
    case roleAndSubordinates(ID<Role>)
    /// Every user in the role or an internal role below it.
    case roleAndInternalSubordinates(ID<Role>)
    /// Every member of another public group (transitively).
    case group(ID<PublicGroup>)
}
