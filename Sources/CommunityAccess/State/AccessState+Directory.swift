import CommunityModel

/// What changed since the directory was last built, so that only affected parts are redone.
struct DirectoryChanges: Sendable {
    var full = true
    var users: Set<UInt32> = []
    var roles = false
    var groups = false
    var queues = false
    var rules = false
    var accounts: Set<UInt32> = []
    var changedGroups: Set<UInt32> = []
    var changedQueues: Set<UInt32> = []

    var isEmpty: Bool { !full && users.isEmpty && !roles && !groups && !queues && !rules && accounts.isEmpty }
}

extension AccessState {
    /// Rebuilds or patches the directory if anything changed since the last build.
    mutating func refreshDirectory() {
        flushCriteria()
        if directoryStale {
            directoryStale = false
            let changes = pending
            pending = DirectoryChanges(full: false)
            let before = directory
            if changes.full || directory.userActive.count == 0 && users.count > 0 {
                directory = buildDirectory()
                rowsToSync = []
                // Every row, chunk by chunk on all cores.
                let facts = directory.userFacts
                rows.updateChunksConcurrently { _, chunk in
                    for j in chunk.indices {
                        var row = chunk[j]
                        if Self.syncOwnerColumns(&row, facts) { chunk[j] = row }
                    }
                }
            } else if !changes.isEmpty {
                directory = patchDirectory(changes)
                syncOwnerColumns(changedFrom: before)
            }
        }
        if !rowsToSync.isEmpty {
            let list = rowsToSync
            rowsToSync = []
            for i in list { syncOwnerColumns(row: i) }
        }
    }

    /// Copies the owner's facts into a record row's owner columns (writing only on change,
    /// so untouched chunks stay shared with published snapshots).
    mutating func syncOwnerColumns(row i: UInt32) {
        var row = rows[Int(i)]
        if Self.syncOwnerColumns(&row, directory.userFacts) { rows[Int(i)] = row }
    }

    /// Copies the owner's facts from `facts` into `row`'s owner columns; whether they changed.
    static func syncOwnerColumns(_ row: inout RecordRow, _ facts: [UserFacts]) -> Bool {
        var role: Int32 = -1, cls: UInt32 = 0, bits: UInt8 = 0
        if row.ownerUser >= 0, Int(row.ownerUser) < facts.count {
            let f = facts[Int(row.ownerUser)]
            role = f.role
            cls = f.ownerClass
            bits = f.ownerBits
        }
        if row.ownerRole != role || row.ownerClass != cls || row.ownerBits != bits {
            row.ownerRole = role
            row.ownerClass = cls
            row.ownerBits = bits
            return true
        }
        return false
    }

    /// Re-syncs the rows of every owner whose copied facts differ from `before`'s.
    private mutating func syncOwnerColumns(changedFrom before: Directory) {
        let old = before.userFacts, new = directory.userFacts
        for u in 0..<new.count {
            let f = new[u]
            if u < old.count {
                let g = old[u]
                if g.role == f.role && g.ownerClass == f.ownerClass && g.ownerBits == f.ownerBits { continue }
            }
            for o in 0..<objects.count {
                guard let owned = ownerIndex[Self.ownerKey(object: UInt16(o), user: Int32(u), queue: -1)] else { continue }
                for i in owned { syncOwnerColumns(row: i) }
            }
        }
    }

    /// The effective parent of a role: its stored parent, or for an external role without
    /// one, the role of its account's owner.
    private func effectiveParent(_ r: Int) -> Int32 {
        guard r < roleLinks.count else { return -1 }
        let link = roleLinks[r]
        guard link.exists else { return -1 }
        if link.parent >= 0, Int(link.parent) < roleLinks.count, roleLinks[Int(link.parent)].exists { return link.parent }
        if !link.hasParent, link.anchor >= 0 {
            let acc = rows[Int(link.anchor)]
            let owner = acc.ownerUser
            if acc.alive, owner >= 0, Int(owner) < userRoleRefs.count {
                let ri = userRoleRefs[Int(owner)]
                if ri >= 0, Int(ri) < roleLinks.count, roleLinks[Int(ri)].exists, Int(ri) != r { return ri }
            }
        }
        return -1
    }

    // MARK: Full build

    mutating func buildDirectory() -> Directory {
        var d = DirectoryBuilder()
        let nUsers = users.count
        d.permissions = [EffectivePermissions.compute(profile: nil, sets: [], groups: [], isGuest: false, objects: objects)]
        computeRoles(&d)
        d.userRole = [Int32](repeating: -1, count: nUsers)
        d.userKind = [User.Kind](repeating: .internal, count: nUsers)
        d.userActive = [Bool](repeating: false, count: nUsers)
        d.userHighVolume = [Bool](repeating: false, count: nUsers)
        d.userSuper = [Bool](repeating: false, count: nUsers)
        d.userAccount = [Int32](repeating: -1, count: nUsers)
        d.userContact = [Int32](repeating: -1, count: nUsers)
        d.userPermissions = [UInt32](repeating: 0, count: nUsers)
        d.userGroups = [[UInt32]](repeating: [], count: nUsers)
        d.userQueues = [[UInt32]](repeating: [], count: nUsers)
        d.userOwnerRules = [[UInt32]](repeating: [], count: nUsers)
        d.userMappings = [[CompiledMapping]](repeating: [], count: nUsers)
        d.userShareGroups = [[UInt32]](repeating: [], count: nUsers)
        d.userCoveredBySets = [[UInt32]](repeating: [], count: nUsers)
        for u in 0..<nUsers { computeUserRow(&d, u) }
        computeRoleLists(&d)
        computeMemberIndexes(&d)
        for u in 0..<nUsers { computeMembership(&d, u) }
        computeDefaults(&d)
        computeRules(&d)
        computeSharingSets(&d)
        for u in 0..<nUsers { computeUserSharingSets(&d, u) }
        computeMemberLists(&d)
        let partial = Directory(d, hot: false)
        for u in 0..<nUsers { d.userOwnerRules[u] = ownerRules(partial, d.ownerRuleList, UInt32(u)) }
        flattenPermissions(&d)
        d.ruleWords = (rules.count + 63) / 64
        d.userRuleReach = [UInt64](repeating: 0, count: nUsers * d.ruleWords)
        let reachers = ruleReachers(d)
        for u in 0..<nUsers { setRuleReach(&d, partial, UInt32(u), reachers) }
        d.userClass = [UInt32](repeating: 0, count: nUsers)
        for u in 0..<nUsers { assignClass(&d, u) }
        return Directory(d)
    }

    /// Each compiled rule with the hierarchy flag its reach uses.
    /// Flattens effective permissions into tables the hot path reads without copying.
    private func flattenPermissions(_ d: inout DirectoryBuilder) {
        let stride = objects.count
        d.permStride = stride
        d.permObjects = [ObjectPermissions](repeating: [], count: d.permissions.count * stride)
        for (p, eff) in d.permissions.enumerated() {
            for o in 0..<min(stride, eff.objects.count) { d.permObjects[p * stride + o] = eff.objects[o] }
        }
        d.permViewAllData = d.permissions.map(\.viewAllData)
        d.permModifyAllData = d.permissions.map(\.modifyAllData)
    }

    private func ruleReachers(_ d: DirectoryBuilder) -> [(index: UInt32, target: Principal, hierarchy: Bool)] {
        d.rules.compactMap { r in
            r.map { ($0.index, $0.target, d.defaults.indices.contains(Int($0.object)) ? d.defaults[Int($0.object)].hierarchy && !$0.isGuest : !$0.isGuest) }
        }
    }

    /// Recomputes one user's rule-reach bits.
    private func setRuleReach(
        _ d: inout DirectoryBuilder, _ dir: Directory, _ u: UInt32,
        _ reachers: [(index: UInt32, target: Principal, hierarchy: Bool)]
    ) {
        let base = Int(u) * d.ruleWords
        for w in 0..<d.ruleWords { d.userRuleReach[base + w] = 0 }
        guard dir.userActive[Int(u)] else { return }
        for r in reachers where dir.isMember(u, r.target) || (r.hierarchy && dir.inherits(u, r.target)) {
            d.userRuleReach[base + Int(r.index >> 6)] |= 1 << UInt64(r.index & 63)
        }
    }

    // MARK: Incremental patch

    /// Patches the directory for changed users, roles, groups, queues, rules and account
    /// owners: per-user work only for the users those changes can affect; the per-group and
    /// per-account lists are re-derived from the per-user rows (linear, cheap).
    mutating func patchDirectory(_ changes: DirectoryChanges) -> Directory {
        let old = directory
        var d = old.builder()
        let nUsers = users.count
        // Users interned since the last build get default rows.
        if d.userRole.count < nUsers {
            let extra = nUsers - d.userRole.count
            d.userRole += [Int32](repeating: -1, count: extra)
            d.userKind += [User.Kind](repeating: .internal, count: extra)
            d.userActive += [Bool](repeating: false, count: extra)
            d.userHighVolume += [Bool](repeating: false, count: extra)
            d.userSuper += [Bool](repeating: false, count: extra)
            d.userAccount += [Int32](repeating: -1, count: extra)
            d.userContact += [Int32](repeating: -1, count: extra)
            d.userPermissions += [UInt32](repeating: 0, count: extra)
            d.userGroups += [[UInt32]](repeating: [], count: extra)
            d.userQueues += [[UInt32]](repeating: [], count: extra)
            d.userOwnerRules += [[UInt32]](repeating: [], count: extra)
            d.userMappings += [[CompiledMapping]](repeating: [], count: extra)
            d.userShareGroups += [[UInt32]](repeating: [], count: extra)
            d.userCoveredBySets += [[UInt32]](repeating: [], count: extra)
        }
        var affected = changes.users
        var rolesChanged = changes.roles || d.roleTin.count < roles.count
        for a in changes.accounts where old.anchoredRoles[a] != nil { rolesChanged = true }
        // Users whose role changed might anchor external roles (as account owners).
        if !rolesChanged {
            for u in changes.users {
                let newRole = users[Int(u)]?.roleID.flatMap { roleIDs.id($0) }.map { Int32($0) } ?? -1
                if Int(u) < old.userRole.count, old.userRole[Int(u)] != newRole, ownsAnchorAccount(old, u) { rolesChanged = true }
            }
        }
        if rolesChanged {
            computeRoles(&d)
            // Every user whose ancestry may have changed: users of roles whose parent moved.
            var moved: [Int] = []
            for r in 0..<d.roleParent.count
            where r >= old.roleParent.count || d.roleParent[r] != old.roleParent[r] || d.roleInternal[r] != old.roleInternal[r] {
                moved.append(r)
            }
            for r in 0..<old.roleAllUsers.count where r >= roleLinks.count || !roleLinks[r].exists {
                affected.formUnion(old.roleAllUsers[r])
            }
            for r in moved {
                let lo = Int(d.roleTin[r]), hi = Int(d.roleTout[r])
                for t in lo..<hi {
                    let sub = Int(d.roleByTin[t])
                    if sub < old.roleAllUsers.count { affected.formUnion(old.roleAllUsers[sub]) }
                }
            }
            // New roles: users naming them were placed nowhere before.
            if roles.count > old.roleParent.count {
                for u in 0..<nUsers where d.userRole[u] < 0 && users[u]?.roleID != nil { affected.insert(UInt32(u)) }
            }
            // Every user's role position moved with the tour; memberships by subtree may too.
            if !(d.groupEntries.bySubtree.isEmpty && d.groupEntries.byInternalSubtree.isEmpty
                && d.queueEntries.bySubtree.isEmpty && d.queueEntries.byInternalSubtree.isEmpty)
            {
                for r in moved { for t in Int(d.roleTin[r])..<Int(d.roleTout[r]) { affected.formUnion(d.roleAllUsers[Int(d.roleByTin[t])]) } }
            }
        }
        if changes.groups || changes.queues {
            computeMemberIndexes(&d)
            // A user's membership in any group can only change if their membership in a changed
            // group does: the users its old entries reached (its old members) and the users its
            // new entries name. The same holds for changed queues.
            for g in changes.changedGroups {
                if Int(g) < old.groupUsers.count { affected.formUnion(old.groupUsers[Int(g)]) }
                if Int(g) < groups.count { affected.formUnion(usersNamed(by: groups[Int(g)]?.members ?? [], d, old)) }
            }
            for q in changes.changedQueues {
                if Int(q) < old.queueUsers.count { affected.formUnion(old.queueUsers[Int(q)]) }
                if Int(q) < queues.count { affected.formUnion(usersNamed(by: queues[Int(q)]?.members ?? [], d, old)) }
            }
        }
        for u in affected.sorted() { computeUserRow(&d, Int(u)) }
        // Whether anything beyond group and queue membership changed for the affected users.
        let rowsChanged = affected.contains { u in
            let i = Int(u)
            return i >= old.userRole.count || old.userRole[i] != d.userRole[i] || old.userActive[i] != d.userActive[i]
                || old.userKind[i] != d.userKind[i] || old.userAccount[i] != d.userAccount[i]
                || old.userSuper[i] != d.userSuper[i] || old.userHighVolume[i] != d.userHighVolume[i]
                || old.userPermissions[i] != d.userPermissions[i] || old.userContact[i] != d.userContact[i]
        }
        // A role move or a role's kind change that leaves every user's row as it was (same
        // role, kind, account…) only moves tour positions: the per-role user lists stand,
        // subtree counts and tour-ordered lists are re-derived.
        let newRoles = d.roleUsers.count != roles.count
        if rowsChanged || newRoles {
            computeRoleLists(&d)
        } else if rolesChanged {
            computeSubtreeCounts(&d)
        }
        for u in affected { computeMembership(&d, Int(u)) }
        for u in affected { computeUserSharingSets(&d, Int(u)) }
        if rowsChanged || newRoles || d.groupUsers.count != groups.count || d.queueUsers.count != queues.count {
            computeMemberLists(&d)
        } else {
            patchMemberLists(&d, old, affected)
            if rolesChanged { retin(&d) }
        }
        let oldRules = d.ownerRuleList
        if changes.rules { computeRules(&d) }
        let partial = Directory(d, hot: false)
        var classDirty = affected
        var reachChanged: Set<UInt32> = []
        if changes.rules {
            // Rules whose source changed: move their index between users.
            var before: [UInt32: Principal] = [:]
            for r in oldRules { before[r.index] = r.source }
            var after: [UInt32: Principal] = [:]
            for r in d.ownerRuleList { after[r.index] = r.source }
            let gone = Set(before.keys.filter { after[$0] != before[$0] })
            if !gone.isEmpty {
                for u in 0..<nUsers where d.userOwnerRules[u].contains(where: { gone.contains($0) }) {
                    d.userOwnerRules[u].removeAll { gone.contains($0) }
                    classDirty.insert(UInt32(u))
                }
            }
            for (index, source) in after where before[index] != source {
                for u in Set(partial.users(of: source)) where partial.userActive[Int(u)] && !affected.contains(u) {
                    d.userOwnerRules[Int(u)].append(index)
                    classDirty.insert(u)
                }
            }
        }
        for u in affected { d.userOwnerRules[Int(u)] = ownerRules(partial, d.ownerRuleList, u) }
        // Rule reach: users whose membership changed and everyone above them (they inherit
        // through the hierarchy), before and after; all users for rules that changed.
        let words = (rules.count + 63) / 64
        if words != d.ruleWords || d.userRuleReach.count != nUsers * words {
            var grown = [UInt64](repeating: 0, count: nUsers * words)
            for u in 0..<min(nUsers, d.ruleWords == 0 ? 0 : d.userRuleReach.count / d.ruleWords) {
                for w in 0..<min(words, d.ruleWords) { grown[u * words + w] = d.userRuleReach[u * d.ruleWords + w] }
            }
            d.ruleWords = words
            d.userRuleReach = grown
        }
        let reachers = ruleReachers(d)
        var refresh = affected
        if !affected.isEmpty {
            var rolesAbove: Set<Int32> = []
            for u in affected {
                // Walk both chains to the root (the two trees are forests; depth is small).
                var r = Int(u) < old.userRole.count ? old.userRole[Int(u)] : -1
                var steps = 0
                while r >= 0, Int(r) < old.roleParent.count, steps <= old.roleParent.count {
                    rolesAbove.insert(r)
                    r = old.roleParent[Int(r)]
                    steps += 1
                }
                r = d.userRole[Int(u)]
                steps = 0
                while r >= 0, steps <= d.roleParent.count {
                    rolesAbove.insert(r)
                    r = d.roleParent[Int(r)]
                    steps += 1
                }
            }
            for r in rolesAbove where Int(r) < d.roleAllUsers.count { refresh.formUnion(d.roleAllUsers[Int(r)]) }
        }
        if changes.rules {
            // Rules whose compiled form changed are recomputed for every user.
            var changedRules: [(index: UInt32, target: Principal, hierarchy: Bool)] = []
            let oldReach = Dictionary(uniqueKeysWithValues: old.rules.compactMap { $0 }.map { ($0.index, $0) })
            for r in reachers {
                let unchanged: Bool
                if let before = oldReach[r.index], let rule = d.rules[Int(r.index)] {
                    unchanged = before.target == r.target && before.object == rule.object && before.isGuest == rule.isGuest
                } else {
                    unchanged = false
                }
                if !unchanged { changedRules.append(r) }
            }
            let live = Set(reachers.map(\.index))
            for (index, _) in oldReach where !live.contains(index) {
                let word = Int(index >> 6), bit: UInt64 = 1 << UInt64(index & 63)
                guard word < words else { continue }
                for u in 0..<nUsers where d.userRuleReach[u * words + word] & bit != 0 {
                    d.userRuleReach[u * words + word] &= ~bit
                    if word == 0 { reachChanged.insert(UInt32(u)) }
                }
            }
            for r in changedRules {
                let word = Int(r.index >> 6), bit: UInt64 = 1 << UInt64(r.index & 63)
                for u in 0..<nUsers where !refresh.contains(UInt32(u)) {
                    let uu = UInt32(u)
                    let hit = partial.userActive[u] && (partial.isMember(uu, r.target) || (r.hierarchy && partial.inherits(uu, r.target)))
                    let k = u * words + word
                    guard hit != (d.userRuleReach[k] & bit != 0) else { continue }
                    d.userRuleReach[k] ^= bit
                    if word == 0 { reachChanged.insert(uu) }
                }
            }
        }
        for u in refresh { setRuleReach(&d, partial, u, reachers) }
        if d.permViewAllData.count != d.permissions.count || d.permStride != objects.count { flattenPermissions(&d) }
        // Packed rows to refresh: the affected users, users whose first rule-reach word or
        // owner-rule class changed, and when an affected user's account, role, activity or
        // super-user status changed, every external user of the old and new accounts
        // (whose account's super users may have changed).
        var repack = affected.union(refresh).union(reachChanged).union(classDirty)
        for u in affected {
            let i = Int(u)
            for a in [i < old.userAccount.count ? old.userAccount[i] : -1, d.userAccount[i]] where a >= 0 {
                repack.formUnion(old.accountExternalUsers[UInt32(a)] ?? [])
                repack.formUnion(d.accountExternalUsers[UInt32(a)] ?? [])
            }
        }
        if d.userClass.count < nUsers { d.userClass += [UInt32](repeating: 0, count: nUsers - d.userClass.count) }
        for u in classDirty { assignClass(&d, Int(u)) }
        return Directory(d, previous: old, changed: repack)
    }

    private func ownsAnchorAccount(_ d: Directory, _ u: UInt32) -> Bool {
        for a in d.anchoredRoles.keys where rows[Int(a)].ownerUser == Int32(u) { return true }
        return false
    }

    /// Users that member entries name (users, roles, role subtrees; a nested group's
    /// current members, whose own membership is unchanged unless it changed too).
    private func usersNamed(by members: [GroupMember], _ d: DirectoryBuilder, _ old: Directory) -> Set<UInt32> {
        var out: Set<UInt32> = []
        for m in members {
            switch m {
            case .user(let id): if let u = userIDs.id(id) { out.insert(u) }
            case .role(let id):
                if let r = roleIDs.id(id), Int(r) < d.roleAllUsers.count { out.formUnion(d.roleAllUsers[Int(r)]) }
            case .roleAndSubordinates(let id), .roleAndInternalSubordinates(let id):
                guard let r = roleIDs.id(id), Int(r) < d.roleTin.count else { continue }
                for t in Int(d.roleTin[Int(r)])..<Int(d.roleTout[Int(r)]) { out.formUnion(d.roleAllUsers[Int(d.roleByTin[t])]) }
            case .group(let id):
                if let g = groupIDs.id(id), Int(g) < old.groupUsers.count { out.formUnion(old.groupUsers[Int(g)]) }
            }
        }
        return out
    }

    // MARK: Pieces

    /// Gives user `u` the class of their owner-rule list (interning new lists).
    private func assignClass(_ d: inout DirectoryBuilder, _ u: Int) {
        let list = d.userOwnerRules[u].sorted()
        let c: UInt32
        if let known = d.classIndex[list] {
            c = known
        } else {
            c = UInt32(d.classLists.count)
            d.classLists.append(list)
            d.classIndex[list] = c
        }
        if d.userClass[u] != c { d.userClass[u] = c }
    }

    /// Role tree: effective parents, Euler tour, kinds, child access, anchored roles.
    private mutating func computeRoles(_ d: inout DirectoryBuilder) {
        let nRoles = roles.count
        if roleLinks.count < nRoles { roleLinks += [RoleLink](repeating: RoleLink(), count: nRoles - roleLinks.count) }
        d.roleParent = (0..<nRoles).map { effectiveParent($0) }
        d.roleInternal = (0..<nRoles).map { !roleLinks[$0].exists || roleLinks[$0].isInternal }
        d.roleChild = (0..<nRoles).map { roleLinks[$0].exists ? roleLinks[$0].child : .none }
        d.anchoredRoles = [:]
        for r in 0..<nRoles {
            let link = roleLinks[r]
            guard link.exists, !link.hasParent, link.anchor >= 0 else { continue }
            d.anchoredRoles[UInt32(link.anchor), default: []].append(UInt32(r))
        }
        // Children as one flat list per parent (counting sort), then an iterative Euler
        // tour: no nested arrays, no captured variables on the path.
        var firstChild = [Int32](repeating: 0, count: nRoles + 1)
        for r in 0..<nRoles where d.roleParent[r] >= 0 { firstChild[Int(d.roleParent[r]) + 1] += 1 }
        for r in 0..<nRoles { firstChild[r + 1] += firstChild[r] }
        var fill = firstChild
        var childList = [Int32](repeating: 0, count: Int(firstChild[nRoles]))
        for r in 0..<nRoles where d.roleParent[r] >= 0 {
            let p = Int(d.roleParent[r])
            childList[Int(fill[p])] = Int32(r)
            fill[p] += 1
        }
        var tin = [Int32](repeating: -1, count: nRoles)
        var tout = [Int32](repeating: -1, count: nRoles)
        var byTin: [UInt32] = []
        byTin.reserveCapacity(nRoles)
        var clock: Int32 = 0
        var stack: [(role: Int32, next: Int32)] = []
        var roots: [Int] = []
        for r in 0..<nRoles where d.roleParent[r] < 0 { roots.append(r) }
        while !roots.isEmpty {
            for root in roots where tin[root] < 0 {
                tin[root] = clock
                byTin.append(UInt32(root))
                clock += 1
                stack.append((Int32(root), firstChild[root]))
                while let top = stack.last {
                    let r = Int(top.role)
                    if top.next < firstChild[r + 1] {
                        stack[stack.count - 1].next += 1
                        let c = Int(childList[Int(top.next)])
                        guard tin[c] < 0 else { continue }
                        tin[c] = clock
                        byTin.append(UInt32(c))
                        clock += 1
                        stack.append((Int32(c), firstChild[c]))
                    } else {
                        tout[r] = clock
                        stack.removeLast()
                    }
                }
            }
            // Roles on a parent cycle were not reached: break each cycle at one role.
            roots = []
            for r in 0..<nRoles where tin[r] < 0 {
                d.roleParent[r] = -1
                roots.append(r)
                break
            }
        }
        d.roleTin = tin
        d.roleTout = tout
        d.roleByTin = byTin
    }

    /// One user's row: kind, flags, account, contact, role, permissions.
    private mutating func computeUserRow(_ d: inout DirectoryBuilder, _ u: Int) {
        guard let user = users[u] else {
            d.userRole[u] = -1
            d.userActive[u] = false
            d.userKind[u] = .internal
            d.userHighVolume[u] = false
            d.userSuper[u] = false
            d.userAccount[u] = -1
            d.userContact[u] = -1
            return
        }
        d.userKind[u] = user.kind
        d.userActive[u] = user.isActive
        d.userHighVolume[u] = user.isHighVolume
        d.userSuper[u] = user.isSuperUser && user.kind.isExternal
        d.userAccount[u] = user.accountID.map { Int32(recordIndex(object: 0, id: $0.rawValue)) } ?? -1
        d.userContact[u] = user.contactID.map { Int32(recordIndex(object: 1, id: $0.rawValue)) } ?? -1
        d.userRole[u] = -1
        if !user.isHighVolume, user.kind != .guest, let rid = user.roleID, let ri = roleIDs.id(rid), roles[Int(ri)] != nil {
            d.userRole[u] = Int32(ri)
        }
        let key = PermissionKey(
            profile: user.profileID, sets: user.permissionSetIDs.sorted(), groups: user.permissionSetGroupIDs.sorted(),
            guest: user.kind == .guest)
        if let p = d.permissionCache[key] {
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
            d.permissionCache[key] = p
            d.userPermissions[u] = p
        }
    }

    /// Users per role and subtree user counts.
    private func computeRoleLists(_ d: inout DirectoryBuilder) {
        let nRoles = roles.count
        d.roleUsers = [[UInt32]](repeating: [], count: nRoles)
        d.roleAllUsers = [[UInt32]](repeating: [], count: nRoles)
        for u in 0..<d.userRole.count where d.userRole[u] >= 0 {
            let r = Int(d.userRole[u])
            d.roleAllUsers[r].append(UInt32(u))
            if d.userActive[u] { d.roleUsers[r].append(UInt32(u)) }
        }
        computeSubtreeCounts(&d)
    }

    /// Active users per role subtree (all, and internal-only), from the per-role lists.
    private func computeSubtreeCounts(_ d: inout DirectoryBuilder) {
        let nRoles = roles.count
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
    }

    /// Group and queue member entries, and the nesting closure of groups.
    private func computeMemberIndexes(_ d: inout DirectoryBuilder) {
        let nGroups = groups.count, nQueues = queues.count
        var g = MemberEntryIndex()
        g.parents = [[UInt32]](repeating: [], count: nGroups)
        d.groupHierarchy = [Bool](repeating: true, count: nGroups)
        for gi in 0..<nGroups {
            guard let group = groups[gi] else { continue }
            d.groupHierarchy[gi] = group.grantAccessUsingHierarchies
            for m in group.members { add(m, container: UInt32(gi), to: &g, isQueue: false) }
        }
        var q = MemberEntryIndex()
        d.queueHierarchy = [Bool](repeating: true, count: nQueues)
        for qi in 0..<nQueues {
            guard let queue = queues[qi] else { continue }
            d.queueHierarchy[qi] = queue.grantAccessUsingHierarchies
            for m in queue.members { add(m, container: UInt32(qi), to: &q, isQueue: true) }
        }
        d.groupEntries = g
        d.queueEntries = q
        d.groupContainers = (0..<nGroups).map { start in
            var seen: Set<UInt32> = [UInt32(start)]
            var stack = [UInt32(start)]
            while let x = stack.popLast() {
                for p in g.parents[Int(x)] where seen.insert(p).inserted { stack.append(p) }
            }
            return seen.sorted()
        }
    }

    private func add(_ m: GroupMember, container c: UInt32, to index: inout MemberEntryIndex, isQueue: Bool) {
        switch m {
        case .user(let id): if let u = userIDs.id(id) { index.byUser[u, default: []].append(c) }
        case .role(let id): if let r = roleIDs.id(id) { index.byRole[Int32(r), default: []].append(c) }
        case .roleAndSubordinates(let id): if let r = roleIDs.id(id) { index.bySubtree[Int32(r), default: []].append(c) }
        case .roleAndInternalSubordinates(let id):
            if let r = roleIDs.id(id) { index.byInternalSubtree[Int32(r), default: []].append(c) }
        case .group(let id):
            guard let sub = groupIDs.id(id), groups[Int(sub)] != nil else { return }
            if isQueue { index.byGroup[sub, default: []].append(c) } else { index.parents[Int(sub)].append(c) }
        }
    }

    /// One user's transitive groups and queues.
    private func computeMembership(_ d: inout DirectoryBuilder, _ u: Int) {
        // Tables are written only where the answer changed: a write to a table the previous
        // directory shares copies the whole table.
        var userGroups: [UInt32] = []
        var userQueues: [UInt32] = []
        defer {
            if d.userGroups[u] != userGroups { d.userGroups[u] = userGroups }
            if d.userQueues[u] != userQueues { d.userQueues[u] = userQueues }
        }
        guard d.userActive[u], !d.userHighVolume[u], d.userKind[u] != .guest else { return }
        let role = d.userRole[u]
        func direct(_ index: MemberEntryIndex) -> [UInt32] {
            var out: [UInt32] = index.byUser[UInt32(u)] ?? []
            guard role >= 0 else { return out }
            out += index.byRole[role] ?? []
            var a = role
            while a >= 0 {
                out += index.bySubtree[a] ?? []
                if a == role || d.roleInternal[Int(role)] { out += index.byInternalSubtree[a] ?? [] }
                a = d.roleParent[Int(a)]
            }
            return out
        }
        if !d.groupEntries.isEmpty {
            let groups = direct(d.groupEntries)
            if !groups.isEmpty {
                var all: [UInt32] = []
                for g in groups { all += d.groupContainers[Int(g)] }
                all.sort()
                userGroups = all.uniqued()
            }
        }
        if !d.queueEntries.isEmpty {
            var qs = direct(d.queueEntries)
            for g in userGroups { qs += d.queueEntries.byGroup[g] ?? [] }
            if !qs.isEmpty {
                qs.sort()
                userQueues = qs.uniqued()
            }
        }
    }

    /// Re-derives the member lists of the groups and queues the affected users were or are in.
    private func patchMemberLists(_ d: inout DirectoryBuilder, _ old: Directory, _ affected: Set<UInt32>) {
        var gs: Set<UInt32> = [], qs: Set<UInt32> = []
        for u in affected {
            let i = Int(u)
            if i < old.userGroups.count { gs.formUnion(old.userGroups[i]); qs.formUnion(old.userQueues[i]) }
            gs.formUnion(d.userGroups[i])
            qs.formUnion(d.userQueues[i])
        }
        func roles(_ users: [UInt32]) -> [Int32] {
            users.compactMap { d.userRole[Int($0)] >= 0 ? d.userRole[Int($0)] : nil }.sorted().uniqued()
        }
        let tin = d.roleTin
        for g in gs {
            var users = d.groupUsers[Int(g)].filter { !affected.contains($0) }
            for u in affected where d.userActive[Int(u)] && d.userGroups[Int(u)].sortedContains(g) { users.append(u) }
            users.sort()
            d.groupUsers[Int(g)] = users
            d.groupRoles[Int(g)] = roles(users)
            d.groupRoleTins[Int(g)] = d.groupRoles[Int(g)].map { tin[Int($0)] }.sorted()
        }
        for q in qs {
            var users = d.queueUsers[Int(q)].filter { !affected.contains($0) }
            for u in affected where d.userActive[Int(u)] && d.userQueues[Int(u)].sortedContains(q) { users.append(u) }
            users.sort()
            d.queueUsers[Int(q)] = users
            d.queueRoles[Int(q)] = roles(users)
            d.queueRoleTins[Int(q)] = d.queueRoles[Int(q)].map { tin[Int($0)] }.sorted()
        }
    }

    /// Per-group, per-queue, portal and per-account lists, from the per-user rows.
    private func computeMemberLists(_ d: inout DirectoryBuilder) {
        let nGroups = groups.count, nQueues = queues.count
        d.groupUsers = [[UInt32]](repeating: [], count: nGroups)
        d.groupRoles = [[Int32]](repeating: [], count: nGroups)
        d.queueUsers = [[UInt32]](repeating: [], count: nQueues)
        d.queueRoles = [[Int32]](repeating: [], count: nQueues)
        d.portalUsers = [[], []]
        d.portalRoles = [[], []]
        d.accountExternalRoles = [:]
        d.accountSuperUsers = [:]
        d.accountExternalUsers = [:]
        d.sharingSetUsers = [[UInt32]](repeating: [], count: sharingSets.count)
        for u in 0..<d.userRole.count {
            for s in d.userCoveredBySets[u] { d.sharingSetUsers[Int(s)].append(UInt32(u)) }
            // Every external user of an account, active or not: their records stay in
            // reach of the account's super users.
            if d.userKind[u].isExternal, d.userAccount[u] >= 0 {
                d.accountExternalUsers[UInt32(d.userAccount[u]), default: []].append(UInt32(u))
            }
        }
        for u in 0..<d.userRole.count where d.userActive[u] {
            let role = d.userRole[u]
            for g in d.userGroups[u] {
                d.groupUsers[Int(g)].append(UInt32(u))
                if role >= 0 { d.groupRoles[Int(g)].append(role) }
            }
            for q in d.userQueues[u] {
                d.queueUsers[Int(q)].append(UInt32(u))
                if role >= 0 { d.queueRoles[Int(q)].append(role) }
            }
            let kind = d.userKind[u]
            guard kind.isExternal else { continue }
            if !d.userHighVolume[u] {
                let k = kind == .partner ? 0 : 1
                d.portalUsers[k].append(UInt32(u))
                if role >= 0 { d.portalRoles[k].append(role) }
            }
            if d.userAccount[u] >= 0 {
                let a = UInt32(d.userAccount[u])
                if role >= 0 {
                    d.accountExternalRoles[a, default: []].append(role)
                    if d.userSuper[u] { d.accountSuperUsers[a, default: []].append(UInt32(u)) }
                }
            }
        }
        for g in 0..<nGroups where d.groupRoles[g].count > 1 { d.groupRoles[g] = d.groupRoles[g].sorted().uniqued() }
        for q in 0..<nQueues where d.queueRoles[q].count > 1 { d.queueRoles[q] = d.queueRoles[q].sorted().uniqued() }
        d.portalRoles = d.portalRoles.map { $0.sorted().uniqued() }
        for (a, roles) in d.accountExternalRoles where roles.count > 1 { d.accountExternalRoles[a] = roles.sorted().uniqued() }
        retin(&d)
    }

    /// Re-derives the sorted tour positions of the group, queue and portal role lists (after
    /// the lists or the role tour changed).
    private func retin(_ d: inout DirectoryBuilder) {
        let tin = d.roleTin
        func tins(_ roles: [Int32]) -> [Int32] { roles.map { tin[Int($0)] }.sorted() }
        d.groupRoleTins = d.groupRoles.map(tins)
        d.queueRoleTins = d.queueRoles.map(tins)
        d.portalRoleTins = d.portalRoles.map(tins)
    }

    private func computeDefaults(_ d: inout DirectoryBuilder) {
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
    }

    /// Compiles the sharing rules (they only read interned ids, so `self` is not changed).
    private func computeRules(_ d: inout DirectoryBuilder) {
        d.rules = [CompiledRule?](repeating: nil, count: rules.count)
        d.rulesByObject = [[UInt32]](repeating: [], count: objects.count)
        d.ownerRulesByQueue = [:]
        d.ownerRuleList = []
        for r in 0..<rules.count {
            guard let rule = rules[r], let o = objects.id(rule.object), let target = principalIfKnown(rule.sharedWith) else {
                continue
            }
            var c = CompiledRule(
                index: UInt32(r), object: UInt16(o), source: nil, slot: -1, target: target,
                level: min(rule.accessLevel, rule.isGuestRule ? .read : .edit).code, child: rule.accountChildAccess,
                isGuest: rule.isGuestRule, includeHighVolumeOwned: rule.includeHighVolumeOwned)
            switch rule.selection {
            case .ownedBy(let source):
                guard let s = principalIfKnown(source) else { continue }
                c.source = s
                if s.kind == .queue {
                    d.ownerRulesByQueue[s.index, default: []].append(UInt32(r))
                } else {
                    d.ownerRuleList.append(c)
                }
            case .criteria:
                guard let (_, slot) = criteriaSlot(rule: UInt32(r)) else { continue }
                c.slot = slot
            }
            d.rules[r] = c
            d.rulesByObject[Int(o)].append(UInt32(r))
        }
    }

    private func ownerRules(_ d: Directory, _ list: [CompiledRule], _ u: UInt32) -> [UInt32] {
        guard d.userActive[Int(u)], !list.isEmpty else { return [] }
        return list.filter { rule in rule.source.map { d.isMember(u, $0) } ?? false }.map(\.index)
    }

    private func computeSharingSets(_ d: inout DirectoryBuilder) {
        d.setsByProfile = [:]
        d.shareGroupsByMember = [:]
        for s in 0..<sharingSets.count {
            guard let set = sharingSets[s] else { continue }
            for p in set.profileIDs { d.setsByProfile[p, default: []].append(UInt32(s)) }
            for m in Set(set.shareGroupMembers) { d.shareGroupsByMember[m, default: []].append(UInt32(s)) }
        }
    }

    /// One user's sharing-set mappings, share groups and coverage as a high-volume owner.
    private func computeUserSharingSets(_ d: inout DirectoryBuilder, _ u: Int) {
        var mappings: [CompiledMapping] = []
        var shareGroups: [UInt32] = []
        var covered: [UInt32] = []
        defer {
            // Written only where changed (see computeMembership).
            if d.userMappings[u] != mappings { d.userMappings[u] = mappings }
            let list: UInt32
            if let known = d.mappingIndex[mappings] {
                list = known
            } else {
                list = UInt32(d.mappingLists.count)
                d.mappingLists.append(mappings)
                d.mappingIndex[mappings] = list
            }
            if u >= d.userMappingList.count {
                d.userMappingList += [UInt32](repeating: 0, count: u + 1 - d.userMappingList.count)
            }
            if d.userMappingList[u] != list { d.userMappingList[u] = list }
            if d.userShareGroups[u] != shareGroups { d.userShareGroups[u] = shareGroups }
            if d.userCoveredBySets[u] != covered { d.userCoveredBySets[u] = covered }
        }
        guard let user = users[u] else { return }
        shareGroups = d.shareGroupsByMember[user.id] ?? []
        guard user.kind.isExternal, let sets = d.setsByProfile[user.profileID] else { return }
        for s in sets {
            guard let set = sharingSets[Int(s)] else { continue }
            for m in set.mappings {
                guard let o = objects.id(m.object) else { continue }
                mappings.append(
                    CompiledMapping(
                        sharingSet: s, object: UInt16(o), userField: m.userField, recordField: m.recordField,
                        fieldCode: m.recordField == "Id" ? 0 : m.recordField == "AccountId" ? 1 : m.recordField == "ContactId" ? 2 : 3,
                        level: min(m.accessLevel, .edit).code))
            }
            if user.isHighVolume { covered.append(s) }
        }
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
