import CommunityModel

/// Member entries of groups (or queues), indexed by what they name.
struct MemberEntryIndex: Sendable {
    var byUser: [UInt32: [UInt32]] = [:]
    var byRole: [Int32: [UInt32]] = [:]
    var bySubtree: [Int32: [UInt32]] = [:]
    var byInternalSubtree: [Int32: [UInt32]] = [:]
    /// For queues: queues containing a group.
    var byGroup: [UInt32: [UInt32]] = [:]
    /// For groups: groups directly containing a group.
    var parents: [[UInt32]] = []

    var isEmpty: Bool {
        byUser.isEmpty && byRole.isEmpty && bySubtree.isEmpty && byInternalSubtree.isEmpty && byGroup.isEmpty
    }
}

/// The permission assignment of a user, which decides their effective permissions.
struct PermissionKey: Hashable, Sendable {
    var profile: ID<Profile>
    var sets: [ID<PermissionSet>]
    var groups: [ID<PermissionSetGroup>]
    var guest: Bool
}

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
struct CompiledMapping: Sendable, Hashable {
    var sharingSet: UInt32
    var object: UInt16
    var userField: SharingSet.UserField
    var recordField: String
    /// The record field as a code: 0 `Id`, 1 `AccountId`, 2 `ContactId`, 3 other.
    var fieldCode: UInt8
    var level: AccessLevelCode
}

/// Everything derived from configuration and users: the role tree as Euler intervals,
/// transitive group and queue membership, effective permissions, compiled rules.
/// Immutable (every field a `let`); a class so that the hot path reads it through one
/// reference. Built through a ``DirectoryBuilder``.
/// The mutable form of a ``Directory`` while it is being built.
struct DirectoryBuilder {
    var roleParent: [Int32] = []
    var roleTin: [Int32] = []
    var roleTout: [Int32] = []
    var roleInternal: [Bool] = []
    var roleUsers: [[UInt32]] = []
    var roleAllUsers: [[UInt32]] = []
    var roleByTin: [UInt32] = []
    var subtreeUsers: [Int32] = []
    var subtreeInternalUsers: [Int32] = []
    var roleChild: [ChildAccess] = []
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
    var groupHierarchy: [Bool] = []
    var groupRoleTins: [[Int32]] = []
    var groupUsers: [[UInt32]] = []
    var queueHierarchy: [Bool] = []
    var queueRoleTins: [[Int32]] = []
    var queueUsers: [[UInt32]] = []
    var portalRoleTins: [[Int32]] = [[], []]
    var groupRoles: [[Int32]] = []
    var queueRoles: [[Int32]] = []
    var portalRoles: [[Int32]] = [[], []]
    var portalUsers: [[UInt32]] = [[], []]
    var permissions: [EffectivePermissions] = []
    var defaults: [CompiledDefault] = []
    var rules: [CompiledRule?] = []
    var rulesByObject: [[UInt32]] = []
    var ownerRulesByQueue: [UInt32: [UInt32]] = [:]
    var sharingSetUsers: [[UInt32]] = []
    var accountExternalRoles: [UInt32: [Int32]] = [:]
    var accountSuperUsers: [UInt32: [UInt32]] = [:]
    var accountExternalUsers: [UInt32: [UInt32]] = [:]
    var groupEntries = MemberEntryIndex()
    var queueEntries = MemberEntryIndex()
    var groupContainers: [[UInt32]] = []
    var permissionCache: [PermissionKey: UInt32] = [:]
    var ownerRuleList: [CompiledRule] = []
    var anchoredRoles: [UInt32: [UInt32]] = [:]
    var setsByProfile: [ID<Profile>: [UInt32]] = [:]
    var shareGroupsByMember: [ID<User>: [UInt32]] = [:]
    var ruleWords: Int = 0
    var permStride: Int = 0
    var permObjects: [ObjectPermissions] = []
    var permViewAllData: [Bool] = []
    var permModifyAllData: [Bool] = []
    var userRuleReach: [UInt64] = []
    /// Per user: the class of their owner-rule list (users with equal lists share one).
    var userClass: [UInt32] = []
    /// The owner-rule list of each class (class 0 is the empty list).
    var classLists: [[UInt32]] = [[]]
    var classIndex: [[UInt32]: UInt32] = [[]: 0]
    /// Per user: the index of their mapping list (users of one profile share one).
    var userMappingList: [UInt32] = []
    var mappingLists: [[CompiledMapping]] = [[]]
    var mappingIndex: [[CompiledMapping]: UInt32] = [[]: 0]
}

/// The facts about one user that the access hot path reads, packed so that one cache
/// line holds them (the separate per-field tables stay the source for everything else).
struct UserFacts: Sendable {
    static let active: UInt8 = 1
    static let highVolume: UInt8 = 2
    static let hasMappings: UInt8 = 4
    static let hasShareGroups: UInt8 = 8
    static let hasOwnerRules: UInt8 = 16
    static let accountHasSuperUsers: UInt8 = 32
    static let coveredBySets: UInt8 = 64

    var role: Int32 = -1
    var account: Int32 = -1
    var contact: Int32 = -1
    var permissions: UInt32 = 0
    /// The user's owner-rule class (see ``Directory/classBits``); 0 for none.
    var ownerClass: UInt32 = 0
    /// The user's sharing-set mappings (an index into ``Directory/mappingLists``; 0 for none).
    var mappingList: UInt32 = 0
    /// The first word of the user's rule-reach bits (rules 0–63), read with the facts.
    var reach0: UInt64 = 0
    var kind: User.Kind = .internal
    var flags: UInt8 = 0

    @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    /// The flags a record owned by this user carries in ``RecordRow/ownerBits``.
    var ownerBits: UInt8 {
        flags & (UserFacts.highVolume | UserFacts.accountHasSuperUsers | UserFacts.coveredBySets | UserFacts.hasOwnerRules)
    }
}

final class Directory: Sendable {
    /// Packed per-user facts for the hot path (empty in a partial directory).
    let userFacts: [UserFacts]
    /// Per object, `ruleWords` words: the rules on that object.
    let objectRuleMask: [UInt64]
    /// The granted level of every rule (0 for deleted rules).
    let ruleLevel: [AccessLevelCode]
    /// Per owner-rule class, `ruleWords` words: the rules of the class's list.
    let classBits: [UInt64]
    let userClass: [UInt32]
    let classLists: [[UInt32]]
    let classIndex: [[UInt32]: UInt32]
    let userMappingList: [UInt32]
    /// Distinct sharing-set mapping lists (list 0 is empty).
    let mappingLists: [[CompiledMapping]]
    let mappingIndex: [[CompiledMapping]: UInt32]
    let roleParent: [Int32]
    let roleTin: [Int32]
    let roleTout: [Int32]
    let roleInternal: [Bool]
    let roleUsers: [[UInt32]]
    let roleAllUsers: [[UInt32]]
    let roleByTin: [UInt32]
    let subtreeUsers: [Int32]
    let subtreeInternalUsers: [Int32]
    let roleChild: [ChildAccess]
    let userRole: [Int32]
    let userKind: [User.Kind]
    let userActive: [Bool]
    let userHighVolume: [Bool]
    let userSuper: [Bool]
    let userAccount: [Int32]
    let userContact: [Int32]
    let userPermissions: [UInt32]
    let userGroups: [[UInt32]]
    let userQueues: [[UInt32]]
    let userOwnerRules: [[UInt32]]
    let userMappings: [[CompiledMapping]]
    let userShareGroups: [[UInt32]]
    let userCoveredBySets: [[UInt32]]
    let groupHierarchy: [Bool]
    let groupRoleTins: [[Int32]]
    let groupUsers: [[UInt32]]
    let queueHierarchy: [Bool]
    let queueRoleTins: [[Int32]]
    let queueUsers: [[UInt32]]
    let portalRoleTins: [[Int32]]
    /// Distinct roles (dense ids, ascending) of each group's, queue's and portal kind's users:
    /// a role move only re-derives the tour positions from these.
    let groupRoles: [[Int32]]
    let queueRoles: [[Int32]]
    let portalRoles: [[Int32]]
    let portalUsers: [[UInt32]]
    let permissions: [EffectivePermissions]
    let defaults: [CompiledDefault]
    let rules: [CompiledRule?]
    let rulesByObject: [[UInt32]]
    let ownerRulesByQueue: [UInt32: [UInt32]]
    let sharingSetUsers: [[UInt32]]
    let accountExternalRoles: [UInt32: [Int32]]
    let accountSuperUsers: [UInt32: [UInt32]]
    let accountExternalUsers: [UInt32: [UInt32]]
    let groupEntries: MemberEntryIndex
    let queueEntries: MemberEntryIndex
    let groupContainers: [[UInt32]]
    let permissionCache: [PermissionKey: UInt32]
    let ownerRuleList: [CompiledRule]
    let anchoredRoles: [UInt32: [UInt32]]
    let setsByProfile: [ID<Profile>: [UInt32]]
    /// The sharing sets whose share group names each user.
    let shareGroupsByMember: [ID<User>: [UInt32]]
    let ruleWords: Int
    let permStride: Int
    let permObjects: [ObjectPermissions]
    let permViewAllData: [Bool]
    let permModifyAllData: [Bool]
    let userRuleReach: [UInt64]

    /// Builds a directory from its tables; `hot: false` leaves out the packed hot-path
    /// tables (for the partial directories a patch consults while it works). With
    /// `previous` and `changed`, the packed rows of users outside `changed` are carried over
    /// from `previous` (the caller vouches that their inputs did not change).
    init(_ b: DirectoryBuilder, hot: Bool = true, previous: Directory? = nil, changed: Set<UInt32>? = nil) {
        if hot {
            let n = b.userRole.count
            let words = b.ruleWords
            var facts: [UserFacts]
            if let previous, let changed, previous.userFacts.count <= n, previous.ruleWords == words {
                facts = previous.userFacts
                let had = facts.count
                facts += [UserFacts](repeating: UserFacts(), count: n - had)
                for u in changed where Int(u) < n { Self.pack(b, Int(u), words, &facts) }
                for u in had..<n where !changed.contains(UInt32(u)) { Self.pack(b, u, words, &facts) }
            } else {
                facts = [UserFacts](repeating: UserFacts(), count: n)
                for u in 0..<n { Self.pack(b, u, words, &facts) }
            }
            var mask = [UInt64](repeating: 0, count: b.rulesByObject.count * words)
            var levels = [AccessLevelCode](repeating: 0, count: b.rules.count)
            for case let rule? in b.rules where Int(rule.index >> 6) < words {
                mask[Int(rule.object) * words + Int(rule.index >> 6)] |= 1 << UInt64(rule.index & 63)
                levels[Int(rule.index)] = rule.level
            }
            var bits = [UInt64](repeating: 0, count: b.classLists.count * words)
            for (c, list) in b.classLists.enumerated() {
                for r in list where Int(r >> 6) < words { bits[c * words + Int(r >> 6)] |= 1 << UInt64(r & 63) }
            }
            userFacts = facts
            objectRuleMask = mask
            ruleLevel = levels
            classBits = bits
        } else {
            userFacts = []
            objectRuleMask = []
            ruleLevel = []
            classBits = []
        }
        userClass = b.userClass
        classLists = b.classLists
        classIndex = b.classIndex
        userMappingList = b.userMappingList
        mappingLists = b.mappingLists
        mappingIndex = b.mappingIndex
        roleParent = b.roleParent
        roleTin = b.roleTin
        roleTout = b.roleTout
        roleInternal = b.roleInternal
        roleUsers = b.roleUsers
        roleAllUsers = b.roleAllUsers
        roleByTin = b.roleByTin
        subtreeUsers = b.subtreeUsers
        subtreeInternalUsers = b.subtreeInternalUsers
        roleChild = b.roleChild
        userRole = b.userRole
        userKind = b.userKind
        userActive = b.userActive
        userHighVolume = b.userHighVolume
        userSuper = b.userSuper
        userAccount = b.userAccount
        userContact = b.userContact
        userPermissions = b.userPermissions
        userGroups = b.userGroups
        userQueues = b.userQueues
        userOwnerRules = b.userOwnerRules
        userMappings = b.userMappings
        userShareGroups = b.userShareGroups
        userCoveredBySets = b.userCoveredBySets
        groupHierarchy = b.groupHierarchy
        groupRoleTins = b.groupRoleTins
        groupUsers = b.groupUsers
        queueHierarchy = b.queueHierarchy
        queueRoleTins = b.queueRoleTins
        queueUsers = b.queueUsers
        portalRoleTins = b.portalRoleTins
        groupRoles = b.groupRoles
        queueRoles = b.queueRoles
        portalRoles = b.portalRoles
        portalUsers = b.portalUsers
        permissions = b.permissions
        defaults = b.defaults
        rules = b.rules
        rulesByObject = b.rulesByObject
        ownerRulesByQueue = b.ownerRulesByQueue
        sharingSetUsers = b.sharingSetUsers
        accountExternalRoles = b.accountExternalRoles
        accountSuperUsers = b.accountSuperUsers
        accountExternalUsers = b.accountExternalUsers
        groupEntries = b.groupEntries
        queueEntries = b.queueEntries
        groupContainers = b.groupContainers
        permissionCache = b.permissionCache
        ownerRuleList = b.ownerRuleList
        anchoredRoles = b.anchoredRoles
        setsByProfile = b.setsByProfile
        shareGroupsByMember = b.shareGroupsByMember
        ruleWords = b.ruleWords
        permStride = b.permStride
        permObjects = b.permObjects
        permViewAllData = b.permViewAllData
        permModifyAllData = b.permModifyAllData
        userRuleReach = b.userRuleReach
    }

    convenience init() { self.init(DirectoryBuilder()) }

    /// Packs user `u`'s hot-path facts from the builder's tables.
    private static func pack(_ b: DirectoryBuilder, _ u: Int, _ words: Int, _ facts: inout [UserFacts]) {
        var f = UserFacts()
        f.role = b.userRole[u]
        f.account = b.userAccount[u]
        f.contact = b.userContact[u]
        f.permissions = b.userPermissions[u]
        f.kind = b.userKind[u]
        f.ownerClass = u < b.userClass.count ? b.userClass[u] : 0
        f.mappingList = u < b.userMappingList.count ? b.userMappingList[u] : 0
        f.reach0 = words > 0 && (u + 1) * words <= b.userRuleReach.count ? b.userRuleReach[u * words] : 0
        var flags: UInt8 = 0
        if b.userActive[u] { flags |= UserFacts.active }
        if b.userHighVolume[u] { flags |= UserFacts.highVolume }
        if !b.userMappings[u].isEmpty { flags |= UserFacts.hasMappings }
        if !b.userShareGroups[u].isEmpty { flags |= UserFacts.hasShareGroups }
        if !b.userCoveredBySets[u].isEmpty { flags |= UserFacts.coveredBySets }
        if f.kind.isExternal, f.account >= 0, b.accountSuperUsers[UInt32(f.account)]?.isEmpty == false {
            flags |= UserFacts.accountHasSuperUsers
        }
        if !b.userOwnerRules[u].isEmpty { flags |= UserFacts.hasOwnerRules }
        f.flags = flags
        facts[u] = f
    }

    /// A builder holding this directory's tables, to patch into a new directory.
    func builder() -> DirectoryBuilder {
        var b = DirectoryBuilder()
        b.roleParent = roleParent
        b.roleTin = roleTin
        b.roleTout = roleTout
        b.roleInternal = roleInternal
        b.roleUsers = roleUsers
        b.roleAllUsers = roleAllUsers
        b.roleByTin = roleByTin
        b.subtreeUsers = subtreeUsers
        b.subtreeInternalUsers = subtreeInternalUsers
        b.roleChild = roleChild
        b.userRole = userRole
        b.userKind = userKind
        b.userActive = userActive
        b.userHighVolume = userHighVolume
        b.userSuper = userSuper
        b.userAccount = userAccount
        b.userContact = userContact
        b.userPermissions = userPermissions
        b.userGroups = userGroups
        b.userQueues = userQueues
        b.userOwnerRules = userOwnerRules
        b.userMappings = userMappings
        b.userShareGroups = userShareGroups
        b.userCoveredBySets = userCoveredBySets
        b.groupHierarchy = groupHierarchy
        b.groupRoleTins = groupRoleTins
        b.groupUsers = groupUsers
        b.queueHierarchy = queueHierarchy
        b.queueRoleTins = queueRoleTins
        b.queueUsers = queueUsers
        b.portalRoleTins = portalRoleTins
        b.groupRoles = groupRoles
        b.queueRoles = queueRoles
        b.portalRoles = portalRoles
        b.portalUsers = portalUsers
        b.permissions = permissions
        b.defaults = defaults
        b.rules = rules
        b.rulesByObject = rulesByObject
        b.ownerRulesByQueue = ownerRulesByQueue
        b.sharingSetUsers = sharingSetUsers
        b.accountExternalRoles = accountExternalRoles
        b.accountSuperUsers = accountSuperUsers
        b.accountExternalUsers = accountExternalUsers
        b.groupEntries = groupEntries
        b.queueEntries = queueEntries
        b.groupContainers = groupContainers
        b.permissionCache = permissionCache
        b.ownerRuleList = ownerRuleList
        b.anchoredRoles = anchoredRoles
        b.setsByProfile = setsByProfile
        b.shareGroupsByMember = shareGroupsByMember
        b.ruleWords = ruleWords
        b.permStride = permStride
        b.permObjects = permObjects
        b.permViewAllData = permViewAllData
        b.permModifyAllData = permModifyAllData
        b.userRuleReach = userRuleReach
        b.userClass = userClass
        b.classLists = classLists
        b.classIndex = classIndex
        b.userMappingList = userMappingList
        b.mappingLists = mappingLists
        b.mappingIndex = mappingIndex
        return b
    }

    /// Whether sharing rule `r` reaches user `u` (precomputed: member of the target, or
    /// above a member when the rule's object grants access using hierarchies).
    @inline(__always) func ruleReaches(_ u: UInt32, _ r: UInt32) -> Bool {
        let w = Int(u) &* ruleWords &+ Int(r &>> 6)
        return w < userRuleReach.count && userRuleReach[w] & (1 << UInt64(r & 63)) != 0
    }

    /// The object permissions of permission entry `p` on object `o` (flat table, no copies).
    @inline(__always) func objectPermissions(_ p: UInt32, _ o: UInt16) -> ObjectPermissions {
        Int(o) < permStride ? permObjects[Int(p) &* permStride &+ Int(o)] : []
    }

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
