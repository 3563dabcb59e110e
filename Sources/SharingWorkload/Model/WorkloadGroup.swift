/// A public group; members may be users, roles, roles and subordinates, or other groups.
public struct WorkloadGroup: Sendable, Hashable {
    /// The group's id, such as `g3`.
    public var id: String
    /// The direct members.
    public var members: [WorkloadGrantee]

    /// Creates a group.
    public init(id: String, members: [WorkloadGrantee]) {
        self.id = id
        self.members = members
    }
}
