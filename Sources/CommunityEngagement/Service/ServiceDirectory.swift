public import CommunityModel

/// Who belongs to a queue or holds a role: the seam approvals and case routing use to
/// expand "a queue" or "a role" into users.
public protocol ServiceDirectory: Sendable {
    /// Active members of a queue, in a stable order.
    func members(of queue: ID<Queue>, in reader: any StoreReader) throws -> [ID<User>]
    /// Active users holding a role, in a stable order.
    func users(in role: ID<Role>, in reader: any StoreReader) throws -> [ID<User>]
}

/// The default ``ServiceDirectory``: role holders from ``User/roleID``, queue members from
/// ``QueueMembership`` entities in the store.
public struct StoreServiceDirectory: ServiceDirectory {
    /// Creates the directory.
    public init() {}

    public func members(of queue: ID<Queue>, in reader: any StoreReader) throws -> [ID<User>] {
        guard let membership = try reader.value(QueueMembership.id(for: queue)) else { return [] }
        var result: [ID<User>] = []
        for id in membership.userIDs {
            if let user = try reader.value(id), user.isActive { result.append(id) }
        }
        return result
    }

    public func users(in role: ID<Role>, in reader: any StoreReader) throws -> [ID<User>] {
        try reader.query(Query<User>().where("roleID", equals: .reference(role.rawValue)))
            .map(\.value).filter(\.isActive).map(\.id)
    }
}
