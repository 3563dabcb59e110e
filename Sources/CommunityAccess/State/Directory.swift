import CommunityModel

/// A compiled sharing rule.
struct CompiledRule: Sendable {
    var index: UInt32
    var object: UInt16
    /// Source of an owner-based rule; `nil` for criteria rules.
    var source: Principal?
    /// Criteria slot of a criteria rule within its object.
    var slot: Int
    var target: Principal
    var level: AccessLevelCode
    var child: ChildAccess
    var isGuest: Bool
    var includeHighVolumeOwned: Bool
}

/// A compiled org-wide default.
struct CompiledDefault: Sendable {
    var internalModel: OrgWideDefault.Model = .private
    var externalModel: OrgWideDefault.Model = .private
    var hierarchy = true
    var parentObject: UInt16? = nil
    var parentField: String? = nil
}

/// A compiled sharing-set mapping.
struct CompiledMapping: Sendable {
    var sharingSet: UInt32
    var object: UInt16
    var userField: SharingSet.UserField
    var recordField: String
    var level: AccessLevelCode
}

/// Everything derived from configuration and users: the role tree as Euler intervals,
/// transitive group and queue membership, effective permissions, compiled rules.
/// Immutable once built; rebuilt (or patched, for one user) when configuration changes.
struct Directory: Sendable {
    // Roles.
    var roleParent: [Int32] = []
    var roleTin: [Int32] = []
    var roleTout: [Int32] = []
    var roleInternal: [Bool] = []
    var roleUsers: [[UInt32]] = []
    /// Every user in each role, inactive ones included (owners of records).
    var roleAllUsers: [[UInt32]] = []
    var roleByTin: [UInt32] = []
    var subtreeUsers: [Int32] = []
    var subtreeInternalUsers: [Int32] = []
    var roleChild: [ChildAccess] = []

    // Users.
    var userRole: [Int32] = []
    var userKind: [User.Kind] = []
    var userActive: [Bool] = []
    var userHighVolume: [Bool] = []
    var userSuper: [Bool] = []
    var userAccount: [Int32] = []
    var userContact: [Int32] = []
    var userPermissions: [UInt32] = []
    var userGroups: [[UInt32]] = []
    var userQueues: [[UInt32]] = []
    var userOwnerRules: [[UInt32]] = []
    var userMappings: [[CompiledMapping]] = []
    var userShareGroups: [[UInt32]] = []
    var userCoveredBySets: [[UInt32]] = []

    // Groups and queues.
    var groupHierarchy: [Bool] = []
    var groupRoleTins: [[Int32]] = []
    var groupUsers: [[UInt32]] = []
    var queueHierarchy: [Bool] = []
    var queueRoleTins: [[Int32]] = []
    var queueUsers: [[UInt32]] = []
    var portalRoleTins: [[Int32]] = [[], []]
    var portalUsers: [[UInt32]] = [[], []]

    // Permissions, defaults, rules.
    var permissions: [EffectivePermissions] = []
    var defaults: [CompiledDefault] = []
    var rules: [CompiledRule?] = []
    var rulesByObject: [[UInt32]] = []
    var ownerRulesByQueue: [UInt32: [UInt32]] = [:]
    var sharingSetUsers: [[UInt32]] = []

    // Accounts (record index) to their external users' role tins and super users.
    var accountExternalTins: [UInt32: [Int32]] = [:]
    var accountSuperUsers: [UInt32: [UInt32]] = [:]
    var accountExternalUsers: [UInt32: [UInt32]] = [:]

    @inline(__always) func isStrictlyBelow(_ role: Int32, _ boss: Int32) -> Bool {
        guard role >= 0, boss >= 0 else { return false }
        let t = roleTin[Int(role)]
        return t > roleTin[Int(boss)] && t < roleTout[Int(boss)]
    }

    @inline(__always) func isInSubtree(_ role: Int32, of top: Int32) -> Bool {
        guard role >= 0, top >= 0 else { return false }
        let t = roleTin[Int(role)]
        return t >= roleTin[Int(top)] && t < roleTout[Int(top)]
    }

    func defaults(_ object: UInt16) -> CompiledDefault {
        Int(object) < defaults.count ? defaults[Int(object)] : CompiledDefault()
    }

    /// Whether user `u` is a (transitive) member of the principal.
    @inline(__always) func isMember(_ u: UInt32, _ p: Principal) -> Bool {
        let ui = Int(u)
        switch p.kind {
        case .user: return p.index == u
        case .group: return userGroups[ui].sortedContains(p.index)
        case .queue: return userQueues[ui].sortedContains(p.index)
        case .role: return userRole[ui] == Int32(p.index)
        case .roleAndSubordinates: return isInSubtree(userRole[ui], of: Int32(p.index))
        case .roleAndInternalSubordinates:
            let r = userRole[ui]
            return isInSubtree(r, of: Int32(p.index)) && (r == Int32(p.index) || roleInternal[Int(r)])
        case .allPartners: return userKind[ui] == .partner && !userHighVolume[ui]
        case .allCustomers: return userKind[ui] == .customer && !userHighVolume[ui]
        }
    }

    /// Whether user `u` inherits the principal's grants through the role hierarchy: some
    /// member sits in a role strictly below `u`'s role (and the group passes grants up).
    @inline(__always) func inherits(_ u: UInt32, _ p: Principal) -> Bool {
        let boss = userRole[Int(u)]
        guard boss >= 0 else { return false }
        let lo = roleTin[Int(boss)], hi = roleTout[Int(boss)]
        switch p.kind {
        case .user:
            let r = userRole[Int(p.index)]
            return r >= 0 && userActive[Int(p.index)] && roleTin[Int(r)] > lo && roleTin[Int(r)] < hi
        case .group:
            return groupHierarchy[Int(p.index)] && groupRoleTins[Int(p.index)].containsStrictlyBetween(lo, hi)
        case .queue:
            return queueHierarchy[Int(p.index)] && queueRoleTins[Int(p.index)].containsStrictlyBetween(lo, hi)
        case .role:
            let r = Int(p.index)
            return roleUsers[r].count > 0 && roleTin[r] > lo && roleTin[r] < hi
        case .roleAndSubordinates:
            let r = Int(p.index)
            return roleTin[r] > lo && roleTin[r] < hi && subtreeUsers[r] > 0
        case .roleAndInternalSubordinates:
            let r = Int(p.index)
            return roleTin[r] > lo && roleTin[r] < hi && subtreeInternalUsers[r] > 0
        case .allPartners: return portalRoleTins[0].containsStrictlyBetween(lo, hi)
        case .allCustomers: return portalRoleTins[1].containsStrictlyBetween(lo, hi)
        }
    }

    /// Users a principal names (for listing owner-based rule sources).
    func users(of p: Principal) -> [UInt32] {
        switch p.kind {
        case .user: return [p.index]
        case .group: return groupUsers[Int(p.index)]
        case .queue: return queueUsers[Int(p.index)]
        case .role: return roleUsers[Int(p.index)]
        case .roleAndSubordinates, .roleAndInternalSubordinates:
            let r = Int(p.index)
            var out: [UInt32] = []
            for t in Int(roleTin[r])..<Int(roleTout[r]) {
                let sub = Int(roleByTin[t])
                if p.kind == .roleAndInternalSubordinates, sub != r, !roleInternal[sub] { continue }
                out.append(contentsOf: roleUsers[sub])
            }
            return out
        case .allPartners: return portalUsers[0]
        case .allCustomers: return portalUsers[1]
        }
    }
}
