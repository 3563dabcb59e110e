/// A set of users named in a group, a sharing rule or a manual share.
public enum WorkloadGrantee: Sendable, Hashable, CustomStringConvertible {
    /// That user.
    case user(String)
    /// Every user in that role.
    case role(String)
    /// Every user in that role or any role below it.
    case roleAndSubordinates(String)
    /// Every member of the group, transitively.
    case group(String)

    /// The JSON key of the member kind.
    public var key: String {
        switch self {
        case .user: "user"
        case .role: "role"
        case .roleAndSubordinates: "roleAndSubordinates"
        case .group: "group"
        }
    }

    /// The id the member names.
    public var target: String {
        switch self {
        case .user(let id), .role(let id), .roleAndSubordinates(let id), .group(let id): id
        }
    }

    public var description: String { "\(key):\(target)" }
}
