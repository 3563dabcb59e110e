import CommunityModel

extension OrgWideDefault.Model {
    /// The baseline grant of a default model.
    var baseline: AccessLevelCode {
        switch self {
        case .private, .controlledByParent: 0
        case .publicRead: 1
        case .publicReadWrite, .publicReadWriteTransfer: 2
        case .publicFullAccess: 3
        }
    }
}

extension ChildAccess {
    /// The level for a child object by dense id (Contact 1, Case 2, Opportunity 3).
    @inline(__always) func level(forObject o: UInt16) -> AccessLevel {
        switch o {
        case 1: contacts
        case 2: cases
        case 3: opportunities
        default: .none
        }
    }
}

extension AccessState {
    // The standard objects are interned first, so their dense ids are fixed.
    var accountObject: UInt16? { 0 }
    var contactObject: UInt16? { 1 }
    var caseObject: UInt16? { 2 }
    var opportunityObject: UInt16? { 3 }
    var leadObject: UInt16? { 4 }

    /// The default model that applies to a user for an object.
    func model(for u: UInt32, object: UInt16) -> OrgWideDefault.Model {
        let def = directory.defaults(object)
        switch directory.userKind[Int(u)] {
        case .guest: return def.internalModel == .controlledByParent ? .controlledByParent : .private
        case .internal: return def.internalModel
        case .partner, .customer: return def.externalModel
        }
    }

    /// The user's access to a record after object permissions (the public answer).
    func evaluate(_ u: UInt32, _ i: UInt32) -> AccessLevel {
        let d = directory
        guard Int(u) < d.userFacts.count, Int(i) < rows.count else { return .none }
        let me = d.userFacts[Int(u)]
        guard me.has(UserFacts.active) else { return .none }
        let row = rows[Int(i)]
        guard row.alive else { return .none }
        let p = me.permissions
        var op = d.objectPermissions(p, row.object)
        if d.permModifyAllData[Int(p)] || op.contains(.modifyAll) { return .all }
        let vad = d.permViewAllData[Int(p)]
        if vad { op.insert(.read) }
        guard op.contains(.read) else { return .none }
        let floor: AccessLevelCode = (vad || op.contains(.viewAll)) ? 1 : 0
        var level = sharing(u, me, i, row, includeDefault: true)
        if !op.contains(.edit) { level = min(level, 1) }
        if !op.contains(.delete) { level = min(level, 2) }
        if me.kind == .guest { level = min(level, 1) }
        return AccessLevel(code: max(floor, level))
    }

    /// Whether a grant to `p` reaches user `u`, directly or through the hierarchy.
    @inline(__always) func reaches(_ u: UInt32, _ p: Principal, hierarchy: Bool) -> Bool {
        directory.isMember(u, p) || (hierarchy && directory.inherits(u, p))
    }

    /// Record access from sharing alone (steps 4–9 of the engine contract), before the
    /// user's object permissions. `includeDefault: false` leaves out the org-wide default
    /// (for implicit parent access, which only ownership and sharing give).
    func sharing(_ u: UInt32, _ i: UInt32, _ row: RecordRow, includeDefault: Bool) -> AccessLevelCode {
        let d = directory
        guard Int(u) < d.userFacts.count else { return 0 }
        return sharing(u, d.userFacts[Int(u)], i, row, includeDefault: includeDefault)
    }

    /// ``sharing(_:_:_:includeDefault:)`` with the user's packed facts already loaded.
    func sharing(_ u: UInt32, _ me: UserFacts, _ i: UInt32, _ row: RecordRow, includeDefault: Bool) -> AccessLevelCode {
        let d = directory
        let def = d.defaults(row.object)
        if def.internalModel == .controlledByParent {
            if row.ownerUser == Int32(u) { return 3 }
            guard row.parent >= 0, row.parent != Int32(i) else { return 0 }
            return evaluate(u, UInt32(row.parent)).code
        }
        if row.ownerUser == Int32(u) { return 3 }
        let kind = me.kind
        var best: AccessLevelCode = 0
        if includeDefault {
            best = (kind == .guest ? .private : (kind == .internal ? def.internalModel : def.externalModel)).baseline
        }
        let hierarchy = def.hierarchy
        let myRole = me.role
        let owner = row.ownerUser
        if owner >= 0 {
            if hierarchy, myRole >= 0, d.isStrictlyBelow(row.ownerRole, myRole) { return 3 }
        } else if row.ownerQueue >= 0 {
            let q = Principal(kind: .queue, index: UInt32(row.ownerQueue))
            if reaches(u, q, hierarchy: hierarchy) { return 3 }
        }
        if row.hasShares, let shares = sharesByRecord[i] {
            for s in shares where s.level > best && (s.owner < 0 || s.owner == Self.ownerCode(row))
                && reaches(u, s.principal, hierarchy: hierarchy)
            {
                best = s.level
                if best >= 3 { return 3 }
            }
        }
        if best >= 2 { return best }
        // Sharing rules: criteria rules that match, owner rules whose source holds the owner.
        if row.criteria != 0 {
            var mask = row.criteria
            while mask != 0 {
                let s = mask.trailingZeroBitCount
                mask &= mask - 1
                guard let r = criteriaSlots.rule(row.object, s), let rule = d.rules[Int(r)], rule.level > best else { continue }
                if rule.isGuest, !rule.includeHighVolumeOwned, owner >= 0, row.ownerBits & UserFacts.highVolume != 0 {
                    continue
                }
                if r < 64 ? me.reach0 & (1 << UInt64(r)) != 0 : d.ruleReaches(u, r) { best = rule.level }
            }
        }
        if owner >= 0 {
            if row.ownerClass != 0 {
                // Owner rules whose source holds the owner (the owner's class, a small table)
                // and whose target reaches the user: the AND of three bit rows.
                let words = d.ruleWords
                let cb = Int(row.ownerClass) &* words, ub = Int(u) &* words, mb = Int(row.object) &* words
                if ub &+ words <= d.userRuleReach.count, mb &+ words <= d.objectRuleMask.count,
                   cb &+ words <= d.classBits.count
                {
                    for w in 0..<words {
                        let reach = w == 0 ? me.reach0 : d.userRuleReach[ub &+ w]
                        var m = d.classBits[cb &+ w] & reach & d.objectRuleMask[mb &+ w]
                        while m != 0 {
                            let r = w &* 64 &+ m.trailingZeroBitCount
                            m &= m &- 1
                            let level = d.ruleLevel[r]
                            if level > best { best = level }
                        }
                    }
                }
            }
        } else if row.ownerQueue >= 0, let rs = d.ownerRulesByQueue[UInt32(row.ownerQueue)] {
            for r in rs where d.ruleReaches(u, r) {
                guard let rule = d.rules[Int(r)], rule.object == row.object, rule.level > best else { continue }
                best = rule.level
            }
        }
        if best >= 2 { return best }
        best = max(best, implicitAndExternal(u, me, i, row, best: best))
        return best
    }

    /// Implicit sharing (child, Experience Cloud, high-volume), sharing sets, super users,
    /// share groups and implicit parent access.
    private func implicitAndExternal(
        _ u: UInt32, _ me: UserFacts, _ i: UInt32, _ row: RecordRow, best start: AccessLevelCode
    ) -> AccessLevelCode {
        let d = directory
        let ui = Int(u)
        var best = start
        let kind = me.kind
        let myRole = me.role
        let o = row.object
        let isAccount = o == accountObject
        let isContact = o == contactObject
        let isCase = o == caseObject
        let isOpportunity = o == opportunityObject
        let owner = row.ownerUser

        // Child implicit: access to an account's cases, contacts and opportunities.
        if (isCase || isContact || isOpportunity), row.account >= 0 {
            best = max(best, childAccess(u, me, account: UInt32(row.account), object: o))
        }
        // Experience Cloud implicit: external users read their account and its contacts;
        // users above the account's external roles inherit it.
        if isAccount || isContact, row.account >= 0 {
            let a = row.account
            if kind.isExternal, me.account == a { best = max(best, 1) }
            if myRole >= 0, let external = d.accountExternalRoles[UInt32(a)],
               external.contains(where: { d.isStrictlyBelow($0, myRole) })
            {
                best = max(best, 1)
            }
        }
        if isContact, kind.isExternal, me.contact == Int32(i) { best = max(best, 1) }
        // An external user named as the case's contact.
        if isCase, settings.caseContactAccess, kind.isExternal, me.contact >= 0, me.contact == rowContacts[Int(i)] {
            best = max(best, 2)
        }
        // Sharing sets.
        if kind.isExternal, me.mappingList != 0, Int(me.mappingList) < d.mappingLists.count {
            for m in d.mappingLists[Int(me.mappingList)] where m.object == o && m.level > best {
                let mine = m.userField == .account ? me.account : me.contact
                guard mine >= 0 else { continue }
                let theirs: Int32 =
                    switch m.fieldCode {
                    case 0: Int32(i)
                    case 1: row.account
                    case 2: rowContacts[Int(i)]
                    default: sharingSetTarget(i, field: m.recordField, userField: m.userField)
                    }
                if theirs == mine { best = m.level }
            }
        }
        // Super users: records of external users of the same account in their role or below.
        if owner >= 0, best < 2, !(isAccount || isContact), row.ownerBits & UserFacts.accountHasSuperUsers != 0 {
            let ownerFacts = d.userFacts[Int(owner)]
            let ownerRole = ownerFacts.role
            let ownerAccount = ownerFacts.account
            if ownerRole >= 0, ownerAccount >= 0, let supers = d.accountSuperUsers[UInt32(ownerAccount)] {
                for s in supers where d.isInSubtree(ownerRole, of: d.userRole[Int(s)]) {
                    if s == u || (myRole >= 0 && d.isStrictlyBelow(d.userRole[Int(s)], myRole)) {
                        best = 2
                        break
                    }
                }
            }
        }
        // Share groups: records owned by high-volume users of a sharing set.
        if owner >= 0, best < 2, me.has(UserFacts.hasShareGroups), row.ownerBits & UserFacts.coveredBySets != 0 {
            for s in d.userCoveredBySets[Int(owner)] where d.userShareGroups[ui].contains(s) {
                best = 2
                break
            }
        }
        // Implicit parent: access to a child case, contact or opportunity gives Read on the account.
        if isAccount, best < 1, let children = accountChildren[i] {
            let contactByParent = contactObject.map { directory.defaults($0).internalModel == .controlledByParent } ?? false
            for c in children {
                let child = rows[Int(c)]
                guard child.alive else { continue }
                let co = child.object
                guard co == caseObject || co == opportunityObject || (co == contactObject && !contactByParent) else {
                    continue
                }
                if sharing(u, me, c, child, includeDefault: false) >= 1 { return 1 }
            }
        }
        return best
    }

    /// Access to an account's child through the account: the account owner's role setting
    /// (inherited upward), and account shares and rules that carry child access.
    func childAccess(_ u: UInt32, account a: UInt32, object o: UInt16) -> AccessLevelCode {
        let d = directory
        guard Int(u) < d.userFacts.count else { return 0 }
        return childAccess(u, d.userFacts[Int(u)], account: a, object: o)
    }

    /// ``childAccess(_:account:object:)`` with the user's packed facts already loaded.
    func childAccess(_ u: UInt32, _ me: UserFacts, account a: UInt32, object o: UInt16) -> AccessLevelCode {
        let d = directory
        // The live-row bitmap is small enough to stay in cache; most checks end here when
        // the account row does not exist.
        guard Int(a) < rows.count, isAlive(a) else { return 0 }
        let acc = rows[Int(a)]
        guard acc.alive else { return 0 }
        var best: AccessLevelCode = 0
        let myRole = me.role
        if acc.ownerUser >= 0 {
            let ownerRole = d.userRole[Int(acc.ownerUser)]
            if ownerRole >= 0, acc.ownerUser == Int32(u) || (myRole >= 0 && d.isStrictlyBelow(ownerRole, myRole)) {
                best = min(d.roleChild[Int(ownerRole)].level(forObject: o), .edit).code
            }
        }
        if acc.hasShares, let shares = sharesByRecord[a] {
            for s in shares where s.owner < 0 || s.owner == Self.ownerCode(acc) {
                let l = min(s.child.level(forObject: o), .edit).code
                if l > best, reaches(u, s.principal, hierarchy: true) { best = l }
            }
        }
        if let accountObject {
            if acc.criteria != 0, let slots = criteriaSlots[accountObject] {
                var mask = acc.criteria
                while mask != 0 {
                    let s = mask.trailingZeroBitCount
                    mask &= mask - 1
                    guard s < slots.count, let r = slots[s], let rule = d.rules[Int(r)] else { continue }
                    let l = min(rule.child.level(forObject: o), .edit).code
                    if l > best, reaches(u, rule.target, hierarchy: true) { best = l }
                }
            }
            if acc.ownerUser >= 0 {
                for r in d.userOwnerRules[Int(acc.ownerUser)] {
                    guard let rule = d.rules[Int(r)], rule.object == accountObject else { continue }
                    let l = min(rule.child.level(forObject: o), .edit).code
                    if l > best, reaches(u, rule.target, hierarchy: true) { best = l }
                }
            }
        }
        return best
    }
}
