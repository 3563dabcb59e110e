public import CommunityModel

/// Who belongs to a queue or holds a role: the seam approvals and case routing use to
/// expand "a queue" or "a role" into users.
public protocol ServiceDirectory: Sendable {
    /// Active members of a queue, in a stable order (the round-robin order).
    func members(of queue: ID<Queue>, in reader: any StoreReader) throws -> [ID<User>]
    /// Active users holding a role, in a stable order.
    func users(in role: ID<Role>, in reader: any StoreReader) throws -> [ID<User>]
}

/// The default ``ServiceDirectory``: expands ``Queue/members`` (users, roles, roles with
/// subordinates, public groups, transitively) and ``User/roleID`` from the store.
public struct StoreServiceDirectory: ServiceDirectory {
    /// Creates the directory.
    public init() {}

    public func members(of queue: ID<Queue>, in reader: any StoreReader) throws -> [ID<User>] {
        guard let entity = try reader.value(queue) else { return [] }
        var result: [ID<User>] = []
        var seenUsers = Set<ID<User>>()
        var seenGroups = Set<ID<PublicGroup>>()
        var children: [ID<Role>: [ID<Role>]]?
        func add(_ user: User?) {
            if let user, user.isActive, seenUsers.insert(user.id).inserted { result.append(user.id) }
        }
        func roleTree(_ root: ID<Role>, internalOnly: Bool) throws -> [ID<Role>] {
            if children == nil {
                var map: [ID<Role>: [ID<Role>]] = [:]
                for role in try reader.all(Role.self).map(\.value) {
                    if let parent = role.parentID, !internalOnly || role.kind == .internal {
                        map[parent, default: []].append(role.id)
                    }
                }
                children = map
            }
            var out = [root]
            var index = 0
            while index < out.count {
                out += children?[out[index]] ?? []
                index += 1
            }
            return out
        }
        func expand(_ members: [GroupMember]) throws {
            for member in members {
                switch member {
                case .user(let id): add(try reader.value(id))
                case .role(let role): for id in try users(in: role, in: reader) { add(try reader.value(id)) }
                case .roleAndSubordinates(let role), .roleAndInternalSubordinates(let role):
                    let internalOnly: Bool
                    if case .roleAndInternalSubordinates = member { internalOnly = true } else { internalOnly = false }
                    if internalOnly { children = nil }
                    for r in try roleTree(role, internalOnly: internalOnly) {
                        for id in try users(in: r, in: reader) { add(try reader.value(id)) }
                    }
                    if internalOnly { children = nil }
                case .group(let group):
                    guard seenGroups.insert(group).inserted, let entity = try reader.value(group) else { continue }
                    try expand(entity.members)
                @unknown default: continue
                }
            }
        }
        try expand(entity.members)
        return result
    }

    public func users(in role: ID<Role>, in reader: any StoreReader) throws -> [ID<User>] {
        try reader.query(Query<User>().where("roleID", equals: .reference(role.rawValue)))
            .map(\.value).filter(\.isActive).map(\.id)
    }
}
