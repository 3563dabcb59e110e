import CommunityAccess
import CommunityModel
import Foundation

/// A small org built in code: profiles, roles, users, records; loaded into a MemoryStore
/// and an AccessEngine following it.
final class Fixture {
    let store = MemoryStore()
    var engine: AccessEngine!

    init() {
        engine = try! AccessEngine(store: store)
    }

    var snapshot: AccessSnapshot { engine.snapshot }

    func put(_ entities: any Entity...) {
        try! store.write { tx in
            for e in entities { try Self.put(e, tx) }
        }
    }

    private static func put<E: Entity>(_ e: E, _ tx: any StoreTransaction) throws { try tx.put(e) }

    func delete<E: Entity>(_ id: ID<E>) {
        try! store.write { tx in try tx.delete(id) }
    }

    static func profile(_ id: String, _ objects: [EntityType: ObjectPermissions], system: Set<SystemPermission> = [])
        -> Profile
    {
        Profile(id: ID(id), name: id, permissions: PermissionGrants(objects: objects, system: system))
    }

    static func user(
        _ id: String, kind: User.Kind = .internal, profile: String, role: String? = nil, account: String? = nil,
        contact: String? = nil, superUser: Bool = false, highVolume: Bool = false, sets: [String] = [],
        groups: [String] = []
    ) -> User {
        User(
            id: ID(id), kind: kind, name: id, email: "\(id)@example.com", profileID: ID(profile),
            permissionSetIDs: sets.map { ID($0) }, permissionSetGroupIDs: groups.map { ID($0) },
            roleID: role.map { ID($0) }, contactID: contact.map { ID($0) }, accountID: account.map { ID($0) },
            isSuperUser: superUser, isHighVolume: highVolume)
    }

    static func kase(_ id: String, owner: String, account: String? = nil, contact: String? = nil, priority: Case.Priority = .medium, status: String = "New") -> Case {
        Case(
            id: ID(id), subject: id, accountID: account.map { ID($0) }, contactID: contact.map { ID($0) },
            status: status, priority: priority, owner: .user(ID(owner)))
    }

    static func owd(_ object: EntityType, _ i: OrgWideDefault.Model, _ e: OrgWideDefault.Model, hierarchy: Bool = true)
        -> OrgWideDefault
    {
        OrgWideDefault(object: object, internalAccess: i, externalAccess: e, grantAccessUsingHierarchies: hierarchy)
    }
}
