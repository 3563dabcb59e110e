import CommunityModel

extension AccessState {
    /// Calls `body` for every record of object `o` at index ≥ `start` that user `u` may read,
    /// in index order, until it returns false.
    ///
    /// Users who read everything (View All, Modify All, a public default) walk the object's
    /// records lazily; everyone else gets candidates from the indexes (owner, role subtree,
    /// queues, shares, rules, accounts, contacts, sharing sets), each verified by the check;
    /// with a `cache` (the snapshot's), those candidates are gathered once per snapshot rather
    /// than on every call, so a page costs a seek and the checks of the records it shows.
    func forEachVisible(
        _ u: UInt32, _ o: UInt16, from start: UInt32, cache: ListingCache? = nil, _ body: (UInt32, AccessLevel) -> Bool
    ) {
        guard let readsAll = listingScope(u, o) else { return }
        if readsAll {
            let all = recordsByObject[Int(o)]
            var k = all.lowerBound(start)
            while k < all.count {
                let i = all[k]
                k += 1
                let level = evaluate(u, i)
                if level >= .read, !body(i, level) { return }
            }
            return
        }
        let candidates = cache?.candidates(ListingCache.Key(user: u, object: o)) { indexedCandidates(u, o) }
            ?? indexedCandidates(u, o)
        var k = candidates.lowerBound(start)
        while k < candidates.count {
            let i = candidates[k]
            k += 1
            let level = evaluate(u, i)
            if level >= .read, !body(i, level) { return }
        }
    }

    /// How user `u` lists object `o`: `nil` when they may read none of its records, `true` when
    /// they may read every one (View All, Modify All, a public default), `false` when each
    /// candidate from the indexes must be checked.
    func listingScope(_ u: UInt32, _ o: UInt16) -> Bool? {
        let d = directory
        guard Int(u) < d.userActive.count, d.userActive[Int(u)], Int(o) < recordsByObject.count else { return nil }
        let perms = d.permissions[Int(d.userPermissions[Int(u)])]
        var op = perms.object(o)
        if perms.viewAllData { op.insert(.read) }
        let readsAll = perms.modifyAllData || op.contains(.modifyAll) || perms.viewAllData || op.contains(.viewAll)
            || (op.contains(.read) && model(for: u, object: o).baseline >= 1)
        guard readsAll || op.contains(.read) else { return nil }
        return readsAll
    }

    /// Records of object `o` that some grant could give user `u` (a superset of what `u`
    /// may read, ignoring the org-wide default), sorted and without duplicates.
    func indexedCandidates(_ u: UInt32, _ o: UInt16) -> [UInt32] {
        let d = directory
        let ui = Int(u)
        var out: [UInt32] = []
        let def = d.defaults(o)
        let hierarchy = def.hierarchy
        func owned(_ v: UInt32) {
            if let list = ownerIndex[Self.ownerKey(object: o, user: Int32(v), queue: -1)] { out += list }
        }
        func ownedByQueue(_ q: UInt32) {
            if let list = ownerIndex[Self.ownerKey(object: o, user: -1, queue: Int32(q))] { out += list }
        }
        func children(of a: UInt32) {
            for c in accountChildren[a] ?? [] where rows[Int(c)].object == o { out.append(c) }
        }

        if def.internalModel == .controlledByParent {
            owned(u)
            if let po = def.parentObject {
                forEachVisible(u, po, from: 0) { p, _ in
                    for c in parentChildren[p] ?? [] where rows[Int(c)].object == o { out.append(c) }
                    return true
                }
            }
            return out.orderedUnique()
        }

        let myRole = d.userRole[ui]
        let isChild = o == caseObject || o == contactObject || o == opportunityObject
        let isAccount = o == accountObject
        // Ownership, by the user and by everyone below the user's role.
        owned(u)
        var below: [UInt32] = []
        if myRole >= 0 {
            let lo = Int(d.roleTin[Int(myRole)]) + 1, hi = Int(d.roleTout[Int(myRole)])
            if lo < hi {
                for t in lo..<hi { below += d.roleAllUsers[Int(d.roleByTin[t])] }
            }
            if hierarchy { for v in below { owned(v) } }
        }
        // Queues the user is in (or above a member of).
        for q in 0..<d.queueUsers.count where reaches(u, Principal(kind: .queue, index: UInt32(q)), hierarchy: hierarchy) {
            ownedByQueue(UInt32(q))
        }
        // Explicit shares to anything that reaches the user.
        let accountObj = accountObject
        func addShared(_ p: Principal) {
            guard let recs = sharesByPrincipal[p] else { return }
            for r in recs {
                let ro = rows[Int(r)].object
                if ro == o {
                    out.append(r)
                } else if isChild, ro == accountObj {
                    children(of: r)
                }
            }
        }
        let principalCount = sharesByPrincipal.count
        if below.count + d.groupUsers.count + d.queueUsers.count > principalCount {
            for p in sharesByPrincipal.keys where reaches(u, p, hierarchy: hierarchy || isChild) { addShared(p) }
        } else {
            var ps: [Principal] = [Principal(kind: .user, index: u)]
            for g in d.userGroups[ui] { ps.append(Principal(kind: .group, index: g)) }
            for q in d.userQueues[ui] { ps.append(Principal(kind: .queue, index: q)) }
            ps.append(Principal(kind: .allPartners, index: 0))
            ps.append(Principal(kind: .allCustomers, index: 0))
            if myRole >= 0 {
                ps.append(Principal(kind: .role, index: UInt32(myRole)))
                var a = myRole
                while a >= 0 {
                    ps.append(Principal(kind: .roleAndSubordinates, index: UInt32(a)))
                    ps.append(Principal(kind: .roleAndInternalSubordinates, index: UInt32(a)))
                    a = d.roleParent[Int(a)]
                }
                if hierarchy || isChild {
                    for v in below { ps.append(Principal(kind: .user, index: v)) }
                    for g in 0..<d.groupUsers.count { ps.append(Principal(kind: .group, index: UInt32(g))) }
                    for q in 0..<d.queueUsers.count { ps.append(Principal(kind: .queue, index: UInt32(q))) }
                    let lo = Int(d.roleTin[Int(myRole)]) + 1, hi = Int(d.roleTout[Int(myRole)])
                    if lo < hi {
                        for t in lo..<hi {
                            let r = d.roleByTin[t]
                            ps.append(Principal(kind: .role, index: r))
                            ps.append(Principal(kind: .roleAndSubordinates, index: r))
                            ps.append(Principal(kind: .roleAndInternalSubordinates, index: r))
                        }
                    }
                }
            }
            for p in ps where reaches(u, p, hierarchy: hierarchy || isChild) { addShared(p) }
        }
        // Sharing rules that reach the user.
        func addRuleMatches(_ rule: CompiledRule, object ro: UInt16) {
            if let source = rule.source {
                if source.kind == .queue {
                    if let list = ownerIndex[Self.ownerKey(object: ro, user: -1, queue: Int32(source.index))] {
                        if ro == o { out += list } else { for a in list { children(of: a) } }
                    }
                } else {
                    for v in d.users(of: source) {
                        guard let list = ownerIndex[Self.ownerKey(object: ro, user: Int32(v), queue: -1)] else { continue }
                        if ro == o { out += list } else { for a in list { children(of: a) } }
                    }
                }
            } else if let list = criteriaRecords[rule.index] {
                if ro == o { out += list } else { for a in list { children(of: a) } }
            }
        }
        for r in d.rulesByObject[Int(o)] {
            guard let rule = d.rules[Int(r)], reaches(u, rule.target, hierarchy: hierarchy && !rule.isGuest) else { continue }
            addRuleMatches(rule, object: o)
        }
        if isChild, let accountObj {
            let type = objects.keys[Int(o)]
            for r in d.rulesByObject[Int(accountObj)] {
                guard let rule = d.rules[Int(r)], rule.child.level(for: type) > .none,
                      reaches(u, rule.target, hierarchy: true)
                else { continue }
                addRuleMatches(rule, object: accountObj)
            }
            // Child implicit: accounts owned by the user or below whose owner's role opens children.
            for v in [u] + below {
                let vr = d.userRole[Int(v)]
                guard vr >= 0, d.roleChild[Int(vr)].level(for: type) > .none,
                      let accounts = ownerIndex[Self.ownerKey(object: accountObj, user: Int32(v), queue: -1)]
                else { continue }
                for a in accounts { children(of: a) }
            }
        }
        // Experience Cloud and high-volume implicit access.
        if isAccount || o == contactObject {
            var accounts: [UInt32] = []
            if d.userKind[ui].isExternal, d.userAccount[ui] >= 0 { accounts.append(UInt32(d.userAccount[ui])) }
            if myRole >= 0 {
                for (a, external) in d.accountExternalRoles where external.contains(where: { d.isStrictlyBelow($0, myRole) }) {
                    accounts.append(a)
                }
            }
            for a in accounts { if isAccount { out.append(a) } else { children(of: a) } }
            if o == contactObject, d.userKind[ui].isExternal, d.userContact[ui] >= 0 { out.append(UInt32(d.userContact[ui])) }
        }
        if o == caseObject, d.userKind[ui].isExternal, d.userContact[ui] >= 0 {
            for c in contactChildren[UInt32(d.userContact[ui])] ?? [] where rows[Int(c)].object == o { out.append(c) }
        }
        // Sharing sets.
        for m in d.userMappings[ui] where m.object == o {
            let mine = m.userField == .account ? d.userAccount[ui] : d.userContact[ui]
            guard mine >= 0 else { continue }
            switch m.recordField {
            case "Id": out.append(UInt32(mine))
            case "AccountId":
                if isAccount { out.append(UInt32(mine)) } else { children(of: UInt32(mine)) }
            case "ContactId":
                for c in contactChildren[UInt32(mine)] ?? [] where rows[Int(c)].object == o { out.append(c) }
            default:
                // Another lookup field: its equality index (see `indexSharingSetFields`).
                let target = SharingCriterion(field: m.recordField, equals: .reference(recordKeys.key(UInt32(mine)).id))
                if let found = criteriaIndex.matches(object: o, [target]) {
                    // The index equates text and lookups; only lookups count.
                    for c in found where sharingSetTarget(c, field: m.recordField, userField: m.userField) == mine {
                        out.append(c)
                    }
                } else {
                    for c in recordsByObject[Int(o)] where rows[Int(c)].alive
                        && sharingSetTarget(c, field: m.recordField, userField: m.userField) == mine
                    {
                        out.append(c)
                    }
                }
            }
        }
        // Super users: the user and super users below, over their account's external users.
        if !isAccount, o != contactObject {
            var supers: [UInt32] = d.userSuper[ui] ? [u] : []
            for v in below where d.userSuper[Int(v)] && d.userActive[Int(v)] { supers.append(v) }
            for s in supers {
                let sa = d.userAccount[Int(s)], sr = d.userRole[Int(s)]
                guard sa >= 0, sr >= 0 else { continue }
                for v in d.accountExternalUsers[UInt32(sa)] ?? [] where d.isInSubtree(d.userRole[Int(v)], of: sr) { owned(v) }
            }
        }
        // Share groups.
        for s in d.userShareGroups[ui] {
            for v in d.sharingSetUsers[Int(s)] { owned(v) }
        }
        // Implicit parent: accounts of children the user reaches by ownership or sharing.
        if isAccount {
            let contactByParent = contactObject.map { d.defaults($0).internalModel == .controlledByParent } ?? false
            for co in [caseObject, opportunityObject, contactByParent ? nil : contactObject] {
                guard let co else { continue }
                for c in indexedCandidates(u, co) where rows[Int(c)].account >= 0 { out.append(UInt32(rows[Int(c)].account)) }
            }
        }
        return out.orderedUnique()
    }
}
