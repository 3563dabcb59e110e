import CommunityModel

/// The engine's whole state: configuration entities, users, the record table and its
/// indexes, and the derived ``Directory``. A value: publishing a snapshot is a copy, and
/// later changes copy only the parts they touch.
struct AccessState: Sendable {
    var objects = Interner<EntityType>()
    /// Per dense object id: whether its org-wide default is Controlled by Parent.
    var parentControlled: [Bool] = []
    /// Dense object ids by record type (saves hashing the type's name per record).
    var objectByMetatype: [ObjectIdentifier: UInt16] = [:]

    var userIDs = Interner<ID<User>>()
    var users: [User?] = []
    var roleIDs = Interner<ID<Role>>()
    var roles: [Role?] = []
    /// Per role: its tree links in dense ids (see ``RoleLink``).
    var roleLinks: [RoleLink] = []
    /// Per user: the dense id of the role the user names, or -1.
    var userRoleRefs: [Int32] = []
    var groupIDs = Interner<ID<PublicGroup>>()
    var groups: [PublicGroup?] = []
    var queueIDs = Interner<ID<Queue>>()
    var queues: [Queue?] = []
    var profiles: [ID<Profile>: Profile] = [:]
    var permissionSets: [ID<PermissionSet>: PermissionSet] = [:]
    var permissionSetGroups: [ID<PermissionSetGroup>: PermissionSetGroup] = [:]
    var orgDefaults: [EntityType: OrgWideDefault] = [:]
    var ruleIDs = Interner<ID<SharingRule>>()
    var rules: [SharingRule?] = []
    var sharingSetIDs = Interner<ID<SharingSet>>()
    var sharingSets: [SharingSet?] = []
    var sites: [ID<SiteMembership>: SiteMembership] = [:]
    var settings = SharingSettings()

    // Records.
    var recordKeys = ShardedInterner<RecordKey>()
    var rows = ChunkedArray<RecordRow>(filler: RecordRow())
    /// Per record row: the contact (record index) the record names in `ContactId`, or -1.
    var rowContacts = ChunkedArray<Int32>(filler: -1)
    var entities = ChunkedArray<StoredRecord>(filler: .decoded(MissingRecord()))
    /// One bit per record row: whether the row holds a live record. Small enough to stay in
    /// cache, so the hot path can skip rows that do not exist without touching them.
    var aliveBits = ChunkedArray<UInt64>(filler: 0)
    var recordsByObject: [ChunkedArray<UInt32>] = []
    var ownerIndex = ShardedMap<UInt64, [UInt32]>()
    var accountChildren = ShardedMap<UInt32, [UInt32]>()
    var contactChildren = ShardedMap<UInt32, [UInt32]>()
    var parentChildren = ShardedMap<UInt32, [UInt32]>()
    var criteriaRecords: [UInt32: [UInt32]] = [:]
    /// Criteria slots per object: slot → rule index.
    var criteriaSlots = ObjectSlots()
    /// Criteria slots given to rules whose matches are computed at the end of the batch.
    /// Equality index over the fields criteria rules compare.
    var criteriaIndex = CriteriaFieldIndex()
    /// Rows inserted or given a new owner since the last refresh, whose owner columns
    /// are filled in when the directory is current.
    var rowsToSync: [UInt32] = []
    var pendingCriteria: [(rule: UInt32, object: UInt16, slot: Int, conditions: [SharingCriterion])] = []
    var liveCount: [Int] = []

    // Explicit shares.
    var shareIDs = Interner<ID<RecordShare>>()
    var shareEntities: [RecordShare?] = []
    var sharesByRecord = ShardedMap<UInt32, [ShareRow]>()
    var sharesByPrincipal = ShardedMap<Principal, [UInt32]>()

    var directory = Directory()
    var directoryStale = true
    var pending = DirectoryChanges()
    var sequence: UInt64 = 0

    init() {
        // Fixed dense ids for the standard objects (see `accountObject` and friends).
        for type in [Self.accountType, Self.contactType, Self.caseType, Self.opportunityType, Self.leadType] {
            _ = objectIndex(type)
        }
    }

    /// Refreshes ``parentControlled`` for an object after its default changed.
    mutating func noteParentControl(_ object: EntityType) {
        let o = Int(objectIndex(object))
        if o >= parentControlled.count { parentControlled += [Bool](repeating: false, count: o + 1 - parentControlled.count) }
        parentControlled[o] = orgDefaults[object]?.internalAccess == .controlledByParent
    }

    mutating func setRoleLink(_ r: Int, _ link: RoleLink) {
        if r >= roleLinks.count { roleLinks += [RoleLink](repeating: RoleLink(), count: r + 1 - roleLinks.count) }
        roleLinks[r] = link
    }

    mutating func setUserRoleRef(_ u: Int, _ role: Int32) {
        if u >= userRoleRefs.count { userRoleRefs += [Int32](repeating: -1, count: u + 1 - userRoleRefs.count) }
        userRoleRefs[u] = role
    }

    /// Whether record row `i` holds a live record (from the cached bitmap).
    @inline(__always) func isAlive(_ i: UInt32) -> Bool {
        let w = Int(i &>> 6)
        return w < aliveBits.count && aliveBits[w] & (1 << UInt64(i & 63)) != 0
    }

    /// Records row `i`'s liveness in the bitmap.
    mutating func setAlive(_ i: UInt32, _ alive: Bool) {
        let w = Int(i &>> 6)
        aliveBits.ensure(w)
        if alive { aliveBits[w] |= 1 << UInt64(i & 63) } else { aliveBits[w] &= ~(1 << UInt64(i & 63)) }
    }

    static func ownerKey(object: UInt16, user: Int32, queue: Int32) -> UInt64 {
        let who: UInt64 = user >= 0 ? UInt64(UInt32(user)) : (1 << 32) | UInt64(UInt32(queue))
        return UInt64(object) << 40 | who
    }

    mutating func objectIndex(_ type: EntityType) -> UInt16 {
        let before = objects.count
        let i = UInt16(objects.intern(type))
        if objects.count != before {
            recordsByObject.append(ChunkedArray(filler: 0))
            liveCount.append(0)
            directoryStale = true
            pending.full = true
        }
        return i
    }

    mutating func changedUser(_ u: UInt32) {
        directoryStale = true
        pending.users.insert(u)
    }

    mutating func changedRoles() {
        directoryStale = true
        pending.roles = true
    }

    mutating func changedGroup(_ g: UInt32) {
        directoryStale = true
        pending.groups = true
        pending.changedGroups.insert(g)
    }

    mutating func changedQueue(_ q: UInt32) {
        directoryStale = true
        pending.queues = true
        pending.changedQueues.insert(q)
    }

    mutating func changedEverything() {
        directoryStale = true
        pending.full = true
    }

    mutating func userIndex(_ id: ID<User>) -> UInt32 {
        let i = userIDs.intern(id)
        if Int(i) == users.count { users.append(nil); changedUser(i) }
        return i
    }

    mutating func roleIndex(_ id: ID<Role>) -> UInt32 {
        let i = roleIDs.intern(id)
        if Int(i) == roles.count { roles.append(nil); changedRoles() }
        return i
    }

    mutating func groupIndex(_ id: ID<PublicGroup>) -> UInt32 {
        let i = groupIDs.intern(id)
        if Int(i) == groups.count { groups.append(nil); changedGroup(i) }
        return i
    }

    mutating func queueIndex(_ id: ID<Queue>) -> UInt32 {
        let i = queueIDs.intern(id)
        if Int(i) == queues.count { queues.append(nil); changedQueue(i) }
        return i
    }

    mutating func recordIndex(object: UInt16, id: String) -> UInt32 {
        let i = recordKeys.intern(RecordKey(object: object, id: id))
        if Int(i) >= rows.count {
            rows.ensure(Int(i))
            rowContacts.ensure(Int(i))
            entities.ensure(Int(i))
            var row = RecordRow()
            row.object = object
            rows[Int(i)] = row
        }
        return i
    }

    func recordIndex(object: EntityType, id: String) -> UInt32? {
        guard let o = objects.id(object) else { return nil }
        return recordKeys.id(RecordKey(object: UInt16(o), id: id))
    }

    mutating func principal(_ g: Grantee) -> Principal {
        switch g {
        case .user(let id): Principal(kind: .user, index: userIndex(id))
        case .group(let id): Principal(kind: .group, index: groupIndex(id))
        case .role(let id): Principal(kind: .role, index: roleIndex(id))
        case .roleAndSubordinates(let id): Principal(kind: .roleAndSubordinates, index: roleIndex(id))
        case .roleAndInternalSubordinates(let id): Principal(kind: .roleAndInternalSubordinates, index: roleIndex(id))
        case .queue(let id): Principal(kind: .queue, index: queueIndex(id))
        case .allPartnerUsers: Principal(kind: .allPartners, index: 0)
        case .allCustomerPortalUsers: Principal(kind: .allCustomers, index: 0)
        }
    }

    func grantee(_ p: Principal) -> Grantee {
        switch p.kind {
        case .user: .user(userIDs.keys[Int(p.index)])
        case .group: .group(groupIDs.keys[Int(p.index)])
        case .role: .role(roleIDs.keys[Int(p.index)])
        case .roleAndSubordinates: .roleAndSubordinates(roleIDs.keys[Int(p.index)])
        case .roleAndInternalSubordinates: .roleAndInternalSubordinates(roleIDs.keys[Int(p.index)])
        case .queue: .queue(queueIDs.keys[Int(p.index)])
        case .allPartners: .allPartnerUsers
        case .allCustomers: .allCustomerPortalUsers
        }
    }
}
