import CommunityModel

extension AccessState {
    /// Applies one inserted or updated entity of any type the engine cares about.
    mutating func apply(_ entity: any Entity) {
        if let record = entity as? any Record {
            upsertRecord(record)
            return
        }
        switch entity {
        case let user as User:
            let u = userIndex(user.id)
            users[Int(u)] = user
            setUserRoleRef(Int(u), user.roleID.map { Int32(roleIndex($0)) } ?? -1)
            changedUser(u)
        case let role as Role:
            let r = Int(roleIndex(role.id))
            roles[r] = role
            var link = RoleLink()
            link.exists = true
            link.hasParent = role.parentID != nil
            link.parent = role.parentID.map { Int32(roleIndex($0)) } ?? -1
            link.isInternal = role.kind == .internal
            link.child = role.accountChildAccess
            if role.parentID == nil, role.kind != .internal, let account = role.accountID {
                link.anchor = Int32(recordIndex(object: objectIndex(Self.accountType), id: account.rawValue))
            }
            setRoleLink(r, link)
            changedRoles()
        case let group as PublicGroup:
            let g = groupIndex(group.id)
            groups[Int(g)] = group
            for m in group.members { internMember(m) }
            changedGroup(g)
        case let queue as Queue:
            let q = queueIndex(queue.id)
            queues[Int(q)] = queue
            for m in queue.members { internMember(m) }
            changedQueue(q)
        case let profile as Profile:
            internObjects(profile.permissions)
            profiles[profile.id] = profile
            changedEverything()
        case let set as PermissionSet:
            internObjects(set.permissions)
            permissionSets[set.id] = set
            changedEverything()
        case let group as PermissionSetGroup:
            permissionSetGroups[group.id] = group
            changedEverything()
        case let owd as OrgWideDefault:
            setDefault(owd)
        case let rule as SharingRule:
            setRule(rule)
        case let set as SharingSet:
            for m in set.mappings { _ = objectIndex(m.object) }
            sharingSets[Int(sharingSetIndex(set.id))] = set
            indexSharingSetFields(set)
            changedEverything()
        case let site as SiteMembership:
            sites[site.id] = site
        case let settings as SharingSettings:
            self.settings = settings
        case let share as RecordShare:
            upsertShare(share)
        default:
            break
        }
    }

    /// Applies the deletion of an entity.
    mutating func applyDeletion(type: EntityType, id: String) {
        switch type {
        case User.entityType:
            if let i = userIDs.id(ID(uncheckedString: id)) {
                users[Int(i)] = nil
                setUserRoleRef(Int(i), -1)
                changedUser(i)
            }
        case Role.entityType:
            if let i = roleIDs.id(ID(uncheckedString: id)) {
                roles[Int(i)] = nil
                setRoleLink(Int(i), RoleLink())
                changedRoles()
            }
        case PublicGroup.entityType:
            if let i = groupIDs.id(ID(uncheckedString: id)) { groups[Int(i)] = nil; changedGroup(i) }
        case Queue.entityType:
            if let i = queueIDs.id(ID(uncheckedString: id)) { queues[Int(i)] = nil; changedQueue(i) }
        case Profile.entityType:
            profiles[ID(uncheckedString: id)] = nil
            changedEverything()
        case PermissionSet.entityType:
            permissionSets[ID(uncheckedString: id)] = nil
            changedEverything()
        case PermissionSetGroup.entityType:
            permissionSetGroups[ID(uncheckedString: id)] = nil
            changedEverything()
        case OrgWideDefault.entityType:
            let object = EntityType(id)
            orgDefaults[object] = nil
            noteParentControl(object)
            recomputeParents(object)
            changedEverything()
        case SharingRule.entityType:
            if let i = ruleIDs.id(ID(uncheckedString: id)) {
                releaseCriteriaSlot(rule: i)
                rules[Int(i)] = nil
                changedRules()
            }
        case SharingSet.entityType:
            if let i = sharingSetIDs.id(ID(uncheckedString: id)) { sharingSets[Int(i)] = nil; changedEverything() }
        case SiteMembership.entityType:
            sites[ID(uncheckedString: id)] = nil
        case SharingSettings.entityType:
            settings = SharingSettings()
        case RecordShare.entityType:
            removeShare(id: ID(uncheckedString: id))
        default:
            deleteRecord(object: type, id: id)
        }
    }

    mutating func sharingSetIndex(_ id: ID<SharingSet>) -> UInt32 {
        let i = sharingSetIDs.intern(id)
        if Int(i) == sharingSets.count { sharingSets.append(nil) }
        return i
    }

    private mutating func internObjects(_ grants: PermissionGrants) {
        for o in grants.objects.keys { _ = objectIndex(o) }
    }

    private mutating func setDefault(_ owd: OrgWideDefault) {
        let object = owd.object
        _ = objectIndex(object)
        if let p = owd.parentObject { _ = objectIndex(p) }
        let old = orgDefaults[object]
        orgDefaults[object] = owd
        noteParentControl(object)
        if old?.internalAccess != owd.internalAccess || old?.parentField != owd.parentField
            || old?.parentObject != owd.parentObject
        {
            recomputeParents(object)
        }
        changedEverything()
    }

    private mutating func recomputeParents(_ object: EntityType) {
        guard let o = objects.id(object) else { return }
        for i in recordsByObject[Int(o)] {
            guard rows[Int(i)].alive else { continue }
            let record = entities[Int(i)].record
            let old = rows[Int(i)].parent
            let new = parentIndex(of: record, object: object)
            guard old != new else { continue }
            if old >= 0 { parentChildren[UInt32(old)]?.sortedRemove(i) }
            if new >= 0 { parentChildren[UInt32(new), default: []].sortedInsert(i) }
            rows[Int(i)].parent = new
        }
    }

    private mutating func setRule(_ rule: SharingRule) {
        let r = ruleIDs.intern(rule.id)
        if Int(r) == rules.count { rules.append(nil) }
        let o = objectIndex(rule.object)
        let old = rules[Int(r)]
        rules[Int(r)] = rule
        _ = principal(rule.sharedWith)
        if case .ownedBy(let source) = rule.selection { _ = principal(source) }
        if old?.selection != rule.selection || old?.object != rule.object || old == nil {
            if old != nil { releaseCriteriaSlot(rule: r) }
            if case .criteria(let conditions) = rule.selection {
                assignCriteriaSlot(rule: r, object: o, conditions: conditions)
            }
        }
        changedRules()
    }

    mutating func changedRules() {
        directoryStale = true
        pending.rules = true
    }

    /// Interns the ids a member entry names, so that the directory can resolve them.
    private mutating func internMember(_ m: GroupMember) {
        switch m {
        case .user(let id): _ = userIndex(id)
        case .role(let id), .roleAndSubordinates(let id), .roleAndInternalSubordinates(let id): _ = roleIndex(id)
        case .group(let id): _ = groupIndex(id)
        }
    }
}

extension ID {
    /// An id from a string the store already validated.
    init(uncheckedString value: String) {
        self = ID<Never>.isValid(value) ? ID(value) : ID("invalid")  // trap-safe: checked by isValid just before; the fallback is a literal
    }
}

extension AccessState {
    /// Record fields that sharing sets compare through row columns rather than the field index.
    static let sharingSetColumnFields: Set<String> = ["Id", "AccountId", "ContactId"]

    /// Indexes the other record fields a sharing set compares (a lookup such as
    /// `PartnerAccountId` or a custom `Distributor__c`), so listings find the matching
    /// records from posting lists; the index then follows every record write.
    mutating func indexSharingSetFields(_ set: SharingSet) {
        for m in set.mappings where !Self.sharingSetColumnFields.contains(m.recordField) {
            let o = objectIndex(m.object)
            guard !criteriaIndex.missing(object: o, [m.recordField]).isEmpty else { continue }
            let lists = CriteriaFieldIndex.collect(
                [m.recordField], records: recordsByObject[Int(o)], rows: rows, entities: entities)
            criteriaIndex.install(object: o, [m.recordField], lists)
        }
    }

    /// The row of the account (`userField` account) or contact (`userField` contact) that
    /// record `i`'s lookup `field` names, or -1: for sharing-set mappings on other fields.
    func sharingSetTarget(_ i: UInt32, field: String, userField: SharingSet.UserField) -> Int32 {
        // Only lookups (reference values) take part, as in Salesforce's sharing sets.
        guard case .reference(let id)? = entities.withElement(Int(i), { $0.record.value(of: field) }) else { return -1 }
        let object: UInt16 = userField == .account ? 0 : 1  // Account and Contact have fixed dense ids
        return recordKeys.id(RecordKey(object: object, id: id)).map { Int32($0) } ?? -1
    }
}
