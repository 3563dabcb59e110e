import CommunityModel

/// The union of a user's profile, permission sets and permission set groups (minus muting).
struct EffectivePermissions: Sendable {
    /// Object permissions by dense object id.
    var objects: [ObjectPermissions]
    var fields: [EntityType: [String: FieldAccess]]
    var system: Set<SystemPermission>
    var viewAllData: Bool
    var modifyAllData: Bool

    func object(_ index: UInt16) -> ObjectPermissions {
        Int(index) < objects.count ? objects[Int(index)] : []
    }

    static func compute(
        profile: Profile?, sets: [PermissionSet], groups: [(sets: [PermissionSet], muting: PermissionSet?)],
        isGuest: Bool, objects: Interner<EntityType>
    ) -> EffectivePermissions {
        var objs: [EntityType: ObjectPermissions] = [:]
        var fields: [EntityType: [String: FieldAccess]] = [:]
        var system: Set<SystemPermission> = []
        func add(_ g: PermissionGrants) {
            for (o, p) in g.objects { objs[o, default: []].formUnion(p.normalized) }
            for (o, fs) in g.fields {
                for (f, a) in fs { fields[o, default: [:]][f] = max(fields[o]?[f] ?? .hidden, a) }
            }
            system.formUnion(g.system)
        }
        if let profile { add(profile.permissions) }
        for s in sets { add(s.permissions) }
        for group in groups {
            // What the group grants, minus its muting set, then unioned in.
            var gObjs: [EntityType: ObjectPermissions] = [:]
            var gFields: [EntityType: [String: FieldAccess]] = [:]
            var gSystem: Set<SystemPermission> = []
            for s in group.sets {
                for (o, p) in s.permissions.objects { gObjs[o, default: []].formUnion(p.normalized) }
                for (o, fs) in s.permissions.fields {
                    for (f, a) in fs { gFields[o, default: [:]][f] = max(gFields[o]?[f] ?? .hidden, a) }
                }
                gSystem.formUnion(s.permissions.system)
            }
            if let muting = group.muting?.permissions {
                for (o, p) in muting.objects {
                    guard var granted = gObjs[o] else { continue }
                    granted.subtract(p)
                    // Removing a lower permission removes what implies it.
                    if !granted.contains(.read) { granted.subtract([.create, .edit, .delete, .viewAll, .modifyAll]) }
                    if !granted.contains(.edit) { granted.subtract([.delete, .modifyAll]) }
                    if !granted.contains(.viewAll) { granted.remove(.modifyAll) }
                    gObjs[o] = granted
                }
                for (o, fs) in muting.fields {
                    for (f, a) in fs {
                        guard let have = gFields[o]?[f] else { continue }
                        gFields[o]?[f] = a == .edit ? min(have, .read) : .hidden
                    }
                }
                gSystem.subtract(muting.system)
            }
            add(PermissionGrants(objects: gObjs, fields: gFields, system: gSystem))
        }
        if isGuest {
            // Guests may hold only Read and Create.
            for (o, p) in objs { objs[o] = p.intersection([.read, .create, .viewAllFields]) }
            for (o, fs) in fields { fields[o] = fs.mapValues { min($0, .read) } }
            system.subtract([.viewAllData, .modifyAllData, .viewAllUsers])
        }
        var dense = [ObjectPermissions](repeating: [], count: objects.count)
        for (o, p) in objs {
            if let i = objects.id(o) { dense[Int(i)] = p }
        }
        let mad = system.contains(.modifyAllData)
        return EffectivePermissions(
            objects: dense, fields: fields, system: system,
            viewAllData: mad || system.contains(.viewAllData), modifyAllData: mad)
    }
}
