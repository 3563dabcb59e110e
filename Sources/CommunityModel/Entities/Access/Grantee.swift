/// Who a share, a sharing rule or a rule's source names: a user, a group, a role (with or
/// without its subordinates), a queue, or a portal-wide group.
public enum Grantee: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One user.
    case user(ID<User>)
    /// Every member of a public group (transitively).
    case group(ID<PublicGroup>)
    /// Every user in a role.
    case role(ID<Role>)
    /// Every user in a role or below it, partner and customer roles included.
    case roleAndSubordinates(ID<Role>)
    /// Every user in a role or an internal role below it.
    case roleAndInternalSubordinates(ID<Role>)
    /// Every member of a queue.
    case queue(ID<Queue>)
    /// Every active partner user (never high-volume users).
    case allPartnerUsers
    /// Every customer user with a role (never high-volume users).
    case allCustomerPortalUsers

    public var description: String {
        switch self {
        case .user(let id): "user \(id)"
        case .group(let id): "group \(id)"
        case .role(let id): "role \(id)"
        case .roleAndSubordinates(let id): "role and subordinates \(id)"
        case .roleAndInternalSubordinates(let id): "role and internal subordinates \(id)"
        case .queue(let id): "queue \(id)"
        case .allPartnerUsers: "all partner users"
        case .allCustomerPortalUsers: "all customer portal users"
        }
    }
}
