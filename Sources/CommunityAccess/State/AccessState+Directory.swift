import CommunityModel

private struct PermissionKey: Hashable {
    var profile: ID<Profile>
    var sets: [ID<PermissionSet>]
    var groups: [ID<PermissionSetGroup>]
    var guest: Bool
}

extension AccessState {
    /// Rebuilds the directory if configuration changed since the last build.
    mutating func refreshDirectory() {
        guard directoryStale else { return }
        directoryStale = false
        directory = buildDirectory()
    }

    /// The effective parent of a role: its stored parent, or for an external role without
    /// one, the role of its account's owner.
    private mutating func effectiveParent(_ r: Int) -> Int32 {
        guard let role = roles[r] else { return -1 }
        if let p = role.parentID, let pi = roleIDs.id(p), roles[Int(pi)] != nil { return Int32(pi) }
        if role.parentID == nil, role.kind != .internal, let account = role.accountID,
           let acc = recordIndex(object: Self.accountType, id: account.rawValue)
        {
            let owner = rows[Int(acc)].ownerUser
            if rows[Int(acc)].alive, owner >= 0, let user = users[Int(owner)], let rid = user.roleID,
               let ri = roleIDs.id(rid), roles[Int(ri)] != nil, Int(ri) != r
            {
                return Int32(ri)
            }
        }
        return -1
    }

    // swiftlint:disable:next function_body_length
    mutating func buildDirectory() -> Directory {
        var d = Directory()
        let nRoles = roles.count, nUsers = users.count, nGroups = groups.count, nQueues = queues.count

        // Roles: effective parents, then an Euler tour.
        d.roleParent = (0..<nRoles).map { effectiveParent($0) }
        d.roleInternal = (0..<nRoles).map { (roles[$0]?.kind ?? .internal) == .internal }
        d.roleChild = (0..<nRoles).map { roles[$0]?.accountChildAccess ?? .none }
        var children = [[Int32]](repeating: [], count: nRoles)
        for r in 0..<nRoles where d.roleParent[r] >= 0 { children[Int(d.roleParent[r])].append(Int32(r)) }
        d.roleTin = [Int32](repeating: -1, count: nRoles)
        d.roleTout = [Int32](repeating: -1, count: nRoles)
        d.roleByTin = []
        d.roleByTin.reserveCapacity(nRoles)
        var clock: Int32 = 0
        func tour(_ root: Int) {
            var stack: [(Int, Int)] = [(root, 0)]
            d.roleTin[root] = clock
            d.roleByTin.append(UInt32(root))
            clock += 1
            while let (r, next) = stack.last {
                if next < children[r].count {
                    stack[stack.count - 1].1 += 1
                    let c = Int(children[r][next])
                    guard d.roleTin[c] < 0 else { continue }
                    d.roleTin[c] = clock
                    d.roleByTin.append(UInt32(c))
                    clock += 1
                    stack.append((c, 0))
                } else {
                    d.roleTout[r] = clock
                    stack.removeLast()
                }
            }
        }
        for r in 0..<nRoles where d.roleParent[r] < 0 { tour(r) }
        for r in 0..<nRoles where d.roleTin[r] < 0 {  // cycles: break them here
            d.roleParent[r] = -1
            tour(r)
        }

        // Users: kind, role, account, permissions.
        let accountObject = objectIndex(Self.accountType)
        let contactObject = objectIndex(Self.contactType)
        d.userRole = [Int32](repeating: -1, count: nUsers)
        d.userKind = [User.Kind](repeating: .internal, count: nUsers)
        d.userActive = [Bool](repeating: false, count: nUsers)
        d.userHighVolume = [Bool](repeating: false, count: nUsers)
        d.userSuper = [Bool](repeating: false, count: nUsers)
        d.userAccount = [Int32](repeating: -1, count: nUsers)
        d.userContact = [Int32](repeating: -1, count: nUsers)
        d.userPermissions = [UInt32](repeating: 0, count: nUsers)
        d.roleUsers = [[UInt32]](repeating: [], count: nRoles)
        d.roleAllUsers = [[UInt32]](repeating: [], count: nRoles)
        var permissionCache: [PermissionKey: UInt32] = [:]
        d.permissions = [
            EffectivePermissions.compute(profile: nil, sets: [], groups: [], isGuest: false, objects: objects)
        ]
        for u in 0..<nUsers {
            guard let user = users[u] else { continue }
            d.userKind[u] = user.kind
            d.userActive[u] = user.isActive
            d.userHighVolume[u] = user.isHighVolume
            d.userSuper[u] = user.isSuperUser && user.kind.isExternal
            if let a = user.accountID { d.userAccount[u] = Int32(recordIndex(object: accountObject, id: a.rawValue)) }
            if let c = user.contactID { d.userContact[u] = Int32(recordIndex(object: contactObject, id: c.rawValue)) }
            if !user.isHighVolume, user.kind != .guest, let rid = user.roleID, let ri = roleIDs.id(rid),
               roles[Int(ri)] != nil
            {
                d.userRole[u] = Int32(ri)
                d.roleAllUsers[Int(ri)].append(UInt32(u))
                if user.isActive { d.roleUsers[Int(ri)].append(UInt32(u)) }
            }
            let key = PermissionKey(
                profile: user.profileID, sets: user.permissionSetIDs.sorted(), groups: user.permissionSetGroupIDs.sorted(),
                guest: user.kind == .guest)
            if let p = permissionCache[key] {
                d.userPermissions[u] = p
            } else {
                let groups = key.groups.compactMap { permissionSetGroups[$0] }.map { g in
                    (sets: g.permissionSetIDs.compactMap { permissionSets[$0] },
                     muting: g.mutingPermissionSetID.flatMap { permissionSets[$0] })
                }
                let eff = EffectivePermissions.compute(
                    profile: profiles[user.profileID], sets: key.sets.compactMap { permissionSets[$0] }, groups: groups,
                    isGuest: key.guest, objects: objects)
                let p = UInt32(d.permissions.count)
                d.permissions.append(eff)
                permissionCache[key] = p
                d.userPermissions[u] = p
            }
        }

        // Subtree user counts (all, and internal roles only).
        d.subtreeUsers = [Int32](repeating: 0, count: nRoles)
        d.subtreeInternalUsers = [Int32](repeating: 0, count: nRoles)
        for r in 0..<nRoles where !d.roleUsers[r].isEmpty {
            let n = Int32(d.roleUsers[r].count)
            var a = Int32(r)
            var first = true
            while a >= 0 {
                d.subtreeUsers[Int(a)] += n
                if first || d.roleInternal[r] { d.subtreeInternalUsers[Int(a)] += n }
                first = false
                a = d.roleParent[Int(a)]
            }
        }

        // Groups: member entries, nesting closure, per-user membership.
        var groupEntriesByUser: [UInt32: [UInt32]] = [:]
        var groupEntriesByRole: [Int32: [UInt32]] = [:]
        var groupEntriesBySubtree: [Int32: [UInt32]] = [:]
        var groupEntriesByInternalSubtree: [Int32: [UInt32]] = [:]
        var groupParents = [[UInt32]](repeating: [], count: nGroups)
        d.groupHierarchy = [Bool](repeating: true, count: nGroups)
        for g in 0..<nGroups {
            guard let group = groups[g] else { continue }
            d.groupHierarchy[g] = group.grantAccessUsingHierarchies
            for m in group.members {
                switch m {
                case .user(let id): if let u = userIDs.id(id) { groupEntriesByUser[u, default: []].append(UInt32(g)) }
                case .role(let id):
                    if let r = roleIDs.id(id) { groupEntriesByRole[Int32(r), default: []].append(UInt32(g)) }
                case .roleAndSubordinates(let id):
                    if let r = roleIDs.id(id) { groupEntriesBySubtree[Int32(r), default: []].append(UInt32(g)) }
                case .roleAndInternalSubordinates(let id):
                    if let r = roleIDs.id(id) { groupEntriesByInternalSubtree[Int32(r), default: []].append(UInt32(g)) }
                case .group(let id):
                    if let sub = groupIDs.id(id), groups[Int(sub)] != nil { groupParents[Int(sub)].append(UInt32(g)) }
                }
            }
        }
        // Groups containing each group, itself included (cycle-safe).
        var containers = [[UInt32]?](repeating: nil, count: nGroups)
        func closure(_ g: Int) -> [UInt32] {
            if let c = containers[g] { return c }
            var seen: Set<UInt32> = [UInt32(g)]
            var stack = [UInt32(g)]
            while let x = stack.popLast() {
                for p in groupParents[Int(x)] where seen.insert(p).inserted { stack.append(p) }
            }
            let out = seen.sorted()
            containers[g] = out
            return out
        }
        // Queues.
        var queueEntriesByUser: [UInt32: [UInt32]] = [:]
        var queueEntriesByRole: [Int32: [UInt32]] = [:]
        var queueEntriesBySubtree: [Int32: [UInt32]] = [:]
        var queueEntriesByInternalSubtree: [Int32: [UInt32]] = [:]
        var queueEntriesByGroup: [UInt32: [UInt32]] = [:]
        d.queueHierarchy = [Bool](repeating: true, count: nQueues)
        for q in 0..<nQueues {
            guard let queue = queues[q] else { continue }
            d.queueHierarchy[q] = queue.grantAccessUsingHierarchies
            for m in queue.members {
                switch m {
                case .user(let id): if let u = userIDs.id(id) { queueEntriesByUser[u, default: []].append(UInt32(q)) }
                case .role(let id):
                    if let r = roleIDs.id(id) { queueEntriesByRole[Int32(r), default: []].append(UInt32(q)) }
                case .roleAndSubordinates(let id):
                    if let r = roleIDs.id(id) { queueEntriesBySubtree[Int32(r), default: []].append(UInt32(q)) }
                case .roleAndInternalSubordinates(let id):
                    if let r = roleIDs.id(id) { queueEntriesByInternalSubtree[Int32(r), default: []].append(UInt32(q)) }
                case .group(let id):
                    if let g = groupIDs.id(id) { queueEntriesByGroup[g, default: []].append(UInt32(q)) }
                }
            }
        }

        d.userGroups = [[UInt32]](repeating: [], count: nUsers)
        d.userQueues = [[UInt32]](repeating: [], count: nUsers)
        d.groupUsers = [[UInt32]](repeating: [], count: nGroups)
        d.groupRoleTins = [[Int32]](repeating: [], count: nGroups)
        d.queueUsers = [[UInt32]](repeating: [], count: nQueues)
        d.queueRoleTins = [[Int32]](repeating: [], count: nQueues)
        let hasGroupEntries = !(groupEntriesByUser.isEmpty && groupEntriesByRole.isEmpty
            && groupEntriesBySubtree.isEmpty && groupEntriesByInternalSubtree.isEmpty)
        let hasQueueEntries = !(queueEntriesByUser.isEmpty && queueEntriesByRole.isEmpty
            && queueEntriesBySubtree.isEmpty && queueEntriesByInternalSubtree.isEmpty && queueEntriesByGroup.isEmpty)
        for u in 0..<nUsers {
            guard d.userActive[u], !d.userHighVolume[u], d.userKind[u] != .guest else { continue }
            let role = d.userRole[u]
            if hasGroupEntries {
                var direct: [UInt32] = groupEntriesByUser[UInt32(u)] ?? []
                if role >= 0 {
                    direct += groupEntriesByRole[role] ?? []
                    var a = role
                    while a >= 0 {
                        direct += groupEntriesBySubtree[a] ?? []
                        if a == role || d.roleInternal[Int(role)] { direct += groupEntriesByInternalSubtree[a] ?? [] }
                        a = d.roleParent[Int(a)]
                    }
                }
                if !direct.isEmpty {
                    var all: [UInt32] = []
                    for g in direct { all += closure(Int(g)) }
                    all.sort()
                    d.userGroups[u] = all.uniqued()
                    for g in d.userGroups[u] {
                        d.groupUsers[Int(g)].append(UInt32(u))
                        if role >= 0 { d.groupRoleTins[Int(g)].append(d.roleTin[Int(role)]) }
                    }
                }
            }
            if hasQueueEntries {
                var qs: [UInt32] = queueEntriesByUser[UInt32(u)] ?? []
                if role >= 0 {
                    qs += queueEntriesByRole[role] ?? []
                    var a = role
                    while a >= 0 {
                        qs += queueEntriesBySubtree[a] ?? []
                        if a == role || d.roleInternal[Int(role)] { qs += queueEntriesByInternalSubtree[a] ?? [] }
                        a = d.roleParent[Int(a)]
                    }
                }
                for g in d.userGroups[u] { qs += queueEntriesByGroup[g] ?? [] }
                if !qs.isEmpty {
                    qs.sort()
                    d.userQueues[u] = qs.uniqued()
                    for q in d.userQueues[u] {
                        d.queueUsers[Int(q)].append(UInt32(u))
                        if role >= 0 { d.queueRoleTins[Int(q)].append(d.roleTin[Int(role)]) }
                    }
                }
            }
            if d.userKind[u] == .partner || d.userKind[u] == .customer {
                let k = d.userKind[u] == .partner ? 0 : 1
                d.portalUsers[k].append(UInt32(u))
                if role >= 0 { d.portalRoleTins[k].append(d.roleTin[Int(role)]) }
            }
        }
        for g in 0..<nGroups { d.groupRoleTins[g] = d.groupRoleTins[g].sorted().uniqued() }
        for q in 0..<nQueues { d.queueRoleTins[q] = d.queueRoleTins[q].sorted().uniqued() }
        d.portalRoleTins = d.portalRoleTins.map { $0.sorted().uniqued() }

        // Org-wide defaults.
        d.defaults = (0..<objects.count).map { o in
            guard let owd = orgDefaults[objects.keys[o]] else { return CompiledDefault() }
            var c = CompiledDefault(
                internalModel: owd.internalAccess, externalModel: owd.externalAccess,
                hierarchy: owd.grantAccessUsingHierarchies)
            if owd.internalAccess == .controlledByParent {
                c.parentObject = objects.id(owd.parentObject ?? Self.accountType).map { UInt16($0) }
                c.parentField = owd.parentField ?? "AccountId"
                c.hierarchy = true
            }
            return c
        }

        // Sharing rules.
        d.rules = [CompiledRule?](repeating: nil, count: rules.count)
        d.rulesByObject = [[UInt32]](repeating: [], count: objects.count)
        var ownerRules: [CompiledRule] = []
        for r in 0..<rules.count {
            guard let rule = rules[r], let o = objects.id(rule.object) else { continue }
            var c = CompiledRule(
                index: UInt32(r), object: UInt16(o), source: nil, slot: -1, target: principal(rule.sharedWith),
                level: min(rule.accessLevel, rule.isGuestRule ? .read : .edit).code, child: rule.accountChildAccess,
                isGuest: rule.isGuestRule, includeHighVolumeOwned: rule.includeHighVolumeOwned)
            switch rule.selection {
            case .ownedBy(let source):
                c.source = principal(source)
                if c.source!.kind == .queue {
                    d.ownerRulesByQueue[c.source!.index, default: []].append(UInt32(r))
                } else {
                    ownerRules.append(c)
                }
            case .criteria:
                guard let (_, slot) = criteriaSlot(rule: UInt32(r)) else { continue }
                c.slot = slot
            }
            d.rules[r] = c
            d.rulesByObject[Int(o)].append(UInt32(r))
        }
        d.userOwnerRules = [[UInt32]](repeating: [], count: nUsers)
        if !ownerRules.isEmpty {
            for u in 0..<nUsers where d.userActive[u] {
                for rule in ownerRules where d.isMember(UInt32(u), rule.source!) {
                    d.userOwnerRules[u].append(rule.index)
                }
            }
        }

        // Sharing sets and share groups.
        d.userMappings = [[CompiledMapping]](repeating: [], count: nUsers)
        d.userShareGroups = [[UInt32]](repeating: [], count: nUsers)
        d.userCoveredBySets = [[UInt32]](repeating: [], count: nUsers)
        d.sharingSetUsers = [[UInt32]](repeating: [], count: sharingSets.count)
        var setsByProfile: [ID<Profile>: [UInt32]] = [:]
        for s in 0..<sharingSets.count {
            guard let set = sharingSets[s] else { continue }
            for p in set.profileIDs { setsByProfile[p, default: []].append(UInt32(s)) }
            for m in set.shareGroupMembers {
                if let u = userIDs.id(m), users[Int(u)] != nil { d.userShareGroups[Int(u)].append(UInt32(s)) }
            }
        }
        if !setsByProfile.isEmpty {
            for u in 0..<nUsers {
                guard let user = users[u], user.kind.isExternal, let sets = setsByProfile[user.profileID] else {
                    continue
                }
                for s in sets {
                    guard let set = sharingSets[Int(s)] else { continue }
                    for m in set.mappings {
                        guard let o = objects.id(m.object) else { continue }
                        d.userMappings[u].append(
                            CompiledMapping(
                                sharingSet: s, object: UInt16(o), userField: m.userField, recordField: m.recordField,
                                level: min(m.accessLevel, .edit).code))
                    }
                    if user.isHighVolume {
                        d.userCoveredBySets[u].append(s)
                        d.sharingSetUsers[Int(s)].append(UInt32(u))
                    }
                }
            }
        }

        // Accounts: external users, their role positions, super users.
        for u in 0..<nUsers {
            guard d.userActive[u], d.userKind[u].isExternal, d.userAccount[u] >= 0 else { continue }
            let a = UInt32(d.userAccount[u])
            d.accountExternalUsers[a, default: []].append(UInt32(u))
            let role = d.userRole[u]
            if role >= 0 {
                d.accountExternalTins[a, default: []].append(d.roleTin[Int(role)])
                if d.userSuper[u] { d.accountSuperUsers[a, default: []].append(UInt32(u)) }
            }
        }
        for (a, tins) in d.accountExternalTins { d.accountExternalTins[a] = tins.sorted().uniqued() }
        return d
    }
}

extension Array where Element: Equatable {
    /// Removes adjacent duplicates (of a sorted array).
    func uniqued() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for x in self where out.last != x { out.append(x) }
        return out
    }
}
