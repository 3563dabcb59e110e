import CommunityModel

extension AccessState {
    /// Applies one inserted or updated entity of any type the engine cares about.
    mutating func apply(_ entity: any Entity) {
        switch entity {
        case let user as User:
            users[Int(userIndex(user.id))] = user
            directoryStale = true
        case let role as Role:
            roles[Int(roleIndex(role.id))] = role
            directoryStale = true
        case let group as PublicGroup:
            groups[Int(groupIndex(group.id))] = group
            directoryStale = true
        case let queue as Queue:
            queues[Int(queueIndex(queue.id))] = queue
            directoryStale = true
        case let profile as Profile:
            internObjects(profile.permissions)
            profiles[profile.id] = profile
            directoryStale = true
        case let set as PermissionSet:
            internObjects(set.permissions)
            permissionSets[set.id] = set
            directoryStale = true
        case let group as PermissionSetGroup:
            permissionSetGroups[group.id] = group
            directoryStale = true
        case let owd as OrgWideDefault:
            setDefault(owd)
        case let rule as SharingRule:
            setRule(rule)
        case let set as SharingSet:
            for m in set.mappings { _ = objectIndex(m.object) }
            sharingSets[Int(sharingSetIndex(set.id))] = set
            directoryStale = true
        case let site as SiteMembership:
            sites[site.id] = site
        case let settings as SharingSettings:
            self.settings = settings
        case let share as RecordShare:
            upsertShare(share)
        case let record as any Record:
            upsertRecord(record)
        default:
            break
        }
    }

    /// Applies the deletion of an entity.
    mutating func applyDeletion(type: EntityType, id: String) {
        switch type {
        case User.entityType:
            if let i = userIDs.id(ID(uncheckedString: id)) { users[Int(i)] = nil; directoryStale = true }
        case Role.entityType:
            if let i = roleIDs.id(ID(uncheckedString: id)) { roles[Int(i)] = nil; directoryStale = true }
        case PublicGroup.entityType:
            if let i = groupIDs.id(ID(uncheckedString: id)) { groups[Int(i)] = nil; directoryStale = true }
        case Queue.entityType:
            if let i = queueIDs.id(ID(uncheckedString: id)) { queues[Int(i)] = nil; directoryStale = true }
        case Profile.entityType:
            profiles[ID(uncheckedString: id)] = nil
            directoryStale = true
        case PermissionSet.entityType:
            permissionSets[ID(uncheckedString: id)] = nil
            directoryStale = true
        case PermissionSetGroup.entityType:
            permissionSetGroups[ID(uncheckedString: id)] = nil
            directoryStale = true
        case OrgWideDefault.entityType:
            let object = EntityType(id)
            orgDefaults[object] = nil
            recomputeParents(object)
            directoryStale = true
        case SharingRule.entityType:
            if let i = ruleIDs.id(ID(uncheckedString: id)) {
                releaseCriteriaSlot(rule: i)
                rules[Int(i)] = nil
                directoryStale = true
            }
        case SharingSet.entityType:
            if let i = sharingSetIDs.id(ID(uncheckedString: id)) { sharingSets[Int(i)] = nil; directoryStale = true }
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
        if old?.internalAccess != owd.internalAccess || old?.parentField != owd.parentField
            || old?.parentObject != owd.parentObject
        {
            recomputeParents(object)
        }
        directoryStale = true
    }

    private mutating func recomputeParents(_ object: EntityType) {
        guard let o = objects.id(object) else { return }
        for i in recordsByObject[Int(o)] {
            guard rows[Int(i)].alive, let record = entities[Int(i)] else { continue }
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
        directoryStale = true
    }
}

extension ID {
    /// An id from a string the store already validated.
    init(uncheckedString value: String) {
        self = ID<Never>.isValid(value) ? ID(value) : ID("invalid")
    }
}
