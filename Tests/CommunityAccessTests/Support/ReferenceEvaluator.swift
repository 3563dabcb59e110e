import CommunityModel

/// A plain evaluator of the sharing rules the README's "Record access" section describes, written for clarity: no indexes, no caching
/// beyond what keeps the randomized tests fast. The engine must agree with it everywhere.
final class ReferenceEvaluator {
    private var memberCache: [Grantee: Set<ID<User>>] = [:]
    private var ancestorCache: [ID<Role>: [ID<Role>]] = [:]
    var users: [ID<User>: User] = [:]
    var roles: [ID<Role>: Role] = [:]
    var groups: [ID<PublicGroup>: PublicGroup] = [:]
    var queues: [ID<Queue>: Queue] = [:]
    var profiles: [ID<Profile>: Profile] = [:]
    var permissionSets: [ID<PermissionSet>: PermissionSet] = [:]
    var permissionSetGroups: [ID<PermissionSetGroup>: PermissionSetGroup] = [:]
    var defaults: [EntityType: OrgWideDefault] = [:]
    var rules: [SharingRule] = []
    var shares: [RecordShare] = []
    var sharingSets: [SharingSet] = []
    var settings = SharingSettings()
    var records: [EntityType: [String: any Record]] = [:]

    init(entities: [any Entity]) {
        for e in entities {
            switch e {
            case let x as User: users[x.id] = x
            case let x as Role: roles[x.id] = x
            case let x as PublicGroup: groups[x.id] = x
            case let x as Queue: queues[x.id] = x
            case let x as Profile: profiles[x.id] = x
            case let x as PermissionSet: permissionSets[x.id] = x
            case let x as PermissionSetGroup: permissionSetGroups[x.id] = x
            case let x as OrgWideDefault: defaults[x.object] = x
            case let x as SharingRule: rules.append(x)
            case let x as RecordShare: shares.append(x)
            case let x as SharingSet: sharingSets.append(x)
            case let x as SharingSettings: settings = x
            case let x as any Record: records[type(of: x).entityType, default: [:]][x.testID] = x
            default: break
            }
        }
    }

    // MARK: Permissions

    func objectPermissions(_ user: User, _ object: EntityType) -> ObjectPermissions {
        var p: ObjectPermissions = []
        p.formUnion((profiles[user.profileID]?.permissions.objects[object] ?? []).normalized)
        for s in user.permissionSetIDs { p.formUnion((permissionSets[s]?.permissions.objects[object] ?? []).normalized) }
        for g in user.permissionSetGroupIDs {
            guard let group = permissionSetGroups[g] else { continue }
            var granted: ObjectPermissions = []
            for s in group.permissionSetIDs { granted.formUnion((permissionSets[s]?.permissions.objects[object] ?? []).normalized) }
            if let m = group.mutingPermissionSetID, let muted = permissionSets[m]?.permissions.objects[object] {
                granted.subtract(muted)
                if !granted.contains(.read) { granted = [] }
                if !granted.contains(.edit) { granted.subtract([.delete, .modifyAll]) }
                if !granted.contains(.viewAll) { granted.remove(.modifyAll) }
            }
            p.formUnion(granted)
        }
        if user.kind == .guest { p = p.intersection([.read, .create, .viewAllFields]) }
        return p
    }

    func system(_ user: User) -> Set<SystemPermission> {
        var s = profiles[user.profileID]?.permissions.system ?? []
        for p in user.permissionSetIDs { s.formUnion(permissionSets[p]?.permissions.system ?? []) }
        for g in user.permissionSetGroupIDs {
            guard let group = permissionSetGroups[g] else { continue }
            var granted: Set<SystemPermission> = []
            for p in group.permissionSetIDs { granted.formUnion(permissionSets[p]?.permissions.system ?? []) }
            if let m = group.mutingPermissionSetID { granted.subtract(permissionSets[m]?.permissions.system ?? []) }
            s.formUnion(granted)
        }
        if user.kind == .guest { s.subtract([.viewAllData, .modifyAllData, .viewAllUsers]) }
        return s
    }

    // MARK: Roles

    func role(of user: User) -> ID<Role>? {
        guard !user.isHighVolume, user.kind != .guest, let r = user.roleID, roles[r] != nil else { return nil }
        return r
    }

    func parent(of r: ID<Role>) -> ID<Role>? {
        guard let entry = roles[r] else { return nil }
        if let p = entry.parentID { return roles[p] != nil ? p : nil }
        if entry.kind != .internal, let a = entry.accountID, let account = records["Account"]?[a.rawValue],
           let owner = account.owner.user, let ou = users[owner], let or = role(of: ou), or != r
        {
            return or
        }
        return nil
    }

    /// Roles strictly above r, nearest first.
    func ancestors(of r: ID<Role>) -> [ID<Role>] {
        if let c = ancestorCache[r] { return c }
        let out = computeAncestors(of: r)
        ancestorCache[r] = out
        return out
    }

    func computeAncestors(of r: ID<Role>) -> [ID<Role>] {
        var out: [ID<Role>] = []
        var seen: Set<ID<Role>> = [r]
        var x = parent(of: r)
        while let p = x, seen.insert(p).inserted {
            out.append(p)
            x = parent(of: p)
        }
        return out
    }

    func isStrictlyAbove(_ boss: ID<Role>?, _ r: ID<Role>?) -> Bool {
        guard let boss, let r else { return false }
        return ancestors(of: r).contains(boss)
    }

    func activeUsers() -> [User] { users.values.filter(\.isActive) }

    // MARK: Membership

    func groupMembers(_ g: ID<PublicGroup>, _ path: Set<ID<PublicGroup>> = []) -> Set<ID<User>> {
        guard let group = groups[g], !path.contains(g) else { return [] }
        var out: Set<ID<User>> = []
        for m in group.members { out.formUnion(entryMembers(m, path.union([g]))) }
        return out
    }

    func entryMembers(_ m: GroupMember, _ path: Set<ID<PublicGroup>>) -> Set<ID<User>> {
        let candidates = activeUsers().filter { !$0.isHighVolume && $0.kind != .guest }
        switch m {
        case .user(let u): return candidates.contains { $0.id == u } ? [u] : []
        case .role(let r): return Set(candidates.filter { role(of: $0) == r }.map(\.id))
        case .roleAndSubordinates(let r):
            return Set(candidates.filter { u in role(of: u).map { $0 == r || ancestors(of: $0).contains(r) } ?? false }.map(\.id))
        case .roleAndInternalSubordinates(let r):
            return Set(candidates.filter { u in
                guard let ur = role(of: u) else { return false }
                return ur == r || (roles[ur]!.kind == .internal && ancestors(of: ur).contains(r))
            }.map(\.id))
        case .group(let g): return groupMembers(g, path)
        }
    }

    /// Users a grantee names.
    func members(_ g: Grantee) -> Set<ID<User>> {
        if let c = memberCache[g] { return c }
        let out = computeMembers(g)
        memberCache[g] = out
        return out
    }

    func computeMembers(_ g: Grantee) -> Set<ID<User>> {
        switch g {
        case .user(let u): return users[u]?.isActive == true ? [u] : []
        case .group(let id): return groupMembers(id)
        case .role(let r): return entryMembers(.role(r), [])
        case .roleAndSubordinates(let r): return entryMembers(.roleAndSubordinates(r), [])
        case .roleAndInternalSubordinates(let r): return entryMembers(.roleAndInternalSubordinates(r), [])
        case .queue(let q):
            var out: Set<ID<User>> = []
            for m in queues[q]?.members ?? [] { out.formUnion(entryMembers(m, [])) }
            return out
        case .allPartnerUsers: return Set(activeUsers().filter { $0.kind == .partner && !$0.isHighVolume }.map(\.id))
        case .allCustomerPortalUsers: return Set(activeUsers().filter { $0.kind == .customer && !$0.isHighVolume }.map(\.id))
        }
    }

    func hierarchyPassesUp(_ g: Grantee) -> Bool {
        switch g {
        case .group(let id): groups[id]?.grantAccessUsingHierarchies ?? true
        case .queue(let id): queues[id]?.grantAccessUsingHierarchies ?? true
        default: true
        }
    }

    /// Whether a grant to g reaches user u: as a member, or (with hierarchy) because a
    /// member sits in a role strictly below u's role.
    func reaches(_ u: User, _ g: Grantee, hierarchy: Bool) -> Bool {
        let m = members(g)
        if m.contains(u.id) { return true }
        guard hierarchy, hierarchyPassesUp(g), let myRole = role(of: u) else { return false }
        return m.contains { v in isStrictlyAbove(myRole, users[v].flatMap(role(of:))) }
    }

    // MARK: Access

    func defaults(_ object: EntityType) -> OrgWideDefault {
        defaults[object] ?? OrgWideDefault(object: object, internalAccess: .private, externalAccess: .private)
    }

    func baseline(_ m: OrgWideDefault.Model) -> AccessLevel {
        switch m {
        case .private, .controlledByParent: .none
        case .publicRead: .read
        case .publicReadWrite, .publicReadWriteTransfer: .edit
        case .publicFullAccess: .all
        }
    }

    func record(_ object: EntityType, _ id: String) -> (any Record)? { records[object]?[id] }

    func access(_ userID: ID<User>, _ object: EntityType, _ id: String) -> AccessLevel {
        guard let u = users[userID], u.isActive, let r = record(object, id) else { return .none }
        let op = objectPermissions(u, object)
        let sys = system(u)
        let mad = sys.contains(.modifyAllData), vad = sys.contains(.viewAllData) || mad
        if mad || op.contains(.modifyAll) { return .all }
        guard op.contains(.read) || vad else { return .none }
        var level = sharing(u, r, object, withDefault: true)
        if !op.contains(.edit) { level = min(level, .read) }
        if !op.contains(.delete) { level = min(level, .edit) }
        if u.kind == .guest { level = min(level, .read) }
        if vad || op.contains(.viewAll) { level = max(level, .read) }
        return level
    }

    func isChildObject(_ o: EntityType) -> Bool { o == "Case" || o == "Contact" || o == "Opportunity" }

    func sharing(_ u: User, _ r: any Record, _ object: EntityType, withDefault: Bool) -> AccessLevel {
        let def = defaults(object)
        if def.internalAccess == .controlledByParent {
            if r.owner.user == u.id { return .all }
            let field = def.parentField ?? "AccountId"
            guard case .reference(let pid)? = r.value(of: field) else { return .none }
            return access(u.id, def.parentObject ?? "Account", pid)
        }
        if r.owner.user == u.id { return .all }
        var levels: [AccessLevel] = []
        if withDefault {
            let model = u.kind == .guest ? OrgWideDefault.Model.private : (u.kind == .internal ? def.internalAccess : def.externalAccess)
            levels.append(baseline(model))
        }
        let hier = def.grantAccessUsingHierarchies
        let owner = r.owner.user.flatMap { users[$0] }
        if let owner, hier, isStrictlyAbove(role(of: u), role(of: owner)) { levels.append(.all) }
        if let q = r.owner.queue, reaches(u, .queue(q), hierarchy: hier) { levels.append(.all) }
        for s in shares where s.object == object && s.recordID == r.testID && (s.cause != .manual || s.recordOwner == nil || s.recordOwner == r.owner) {
            if reaches(u, s.sharedWith, hierarchy: hier) { levels.append(s.accessLevel) }
        }
        for rule in rules where rule.object == object && ruleSelects(rule, r) {
            if rule.isGuestRule, !rule.includeHighVolumeOwned, owner?.isHighVolume == true { continue }
            if reaches(u, rule.sharedWith, hierarchy: hier && !rule.isGuestRule) {
                levels.append(min(rule.accessLevel, rule.isGuestRule ? .read : .edit))
            }
        }
        // Child implicit.
        if isChildObject(object), let aid = r.accountID, let account = record("Account", aid.rawValue) {
            if let ao = account.owner.user.flatMap({ users[$0] }), let aor = role(of: ao),
               ao.id == u.id || isStrictlyAbove(role(of: u), aor)
            {
                levels.append(min(roles[aor]!.accountChildAccess.level(for: object), .edit))
            }
            for s in shares where s.object == "Account" && s.recordID == aid.rawValue && (s.cause != .manual || s.recordOwner == nil || s.recordOwner == account.owner) {
                if reaches(u, s.sharedWith, hierarchy: true) { levels.append(min(s.accountChildAccess.level(for: object), .edit)) }
            }
            for rule in rules where rule.object == "Account" && ruleSelects(rule, account) {
                if reaches(u, rule.sharedWith, hierarchy: true) { levels.append(min(rule.accountChildAccess.level(for: object), .edit)) }
            }
        }
        // Experience Cloud implicit: the account and its contacts.
        if object == "Account" || object == "Contact", let aid = (object == "Account" ? r.testID : r.accountID?.rawValue) {
            if u.kind.isExternal, u.accountID?.rawValue == aid { levels.append(.read) }
            if let myRole = role(of: u) {
                let below = activeUsers().contains { v in
                    v.kind.isExternal && v.accountID?.rawValue == aid && isStrictlyAbove(myRole, role(of: v))
                }
                if below { levels.append(.read) }
            }
        }
        if object == "Contact", u.kind.isExternal, u.contactID?.rawValue == r.testID { levels.append(.read) }
        if object == "Case", settings.caseContactAccess, u.kind.isExternal, let c = u.contactID,
           r.value(of: "ContactId") == .reference(c.rawValue)
        {
            levels.append(.edit)
        }
        // Sharing sets.
        if u.kind.isExternal {
            for set in sharingSets where set.profileIDs.contains(u.profileID) {
                for m in set.mappings where m.object == object {
                    let mine = m.userField == .account ? u.accountID?.rawValue : u.contactID?.rawValue
                    let theirs: String? =
                        switch m.recordField {
                        case "Id": r.testID
                        case "AccountId": object == "Account" ? r.testID : r.accountID?.rawValue
                        default: { if case .reference(let s)? = r.value(of: m.recordField) { s } else { nil } }()
                        }
                    if let mine, mine == theirs { levels.append(min(m.accessLevel, .edit)) }
                }
            }
        }
        // Super users.
        if let owner, owner.kind.isExternal, object != "Account", object != "Contact", let or = role(of: owner) {
            for s in activeUsers() where s.isSuperUser && s.kind.isExternal && s.accountID == owner.accountID {
                guard let sr = role(of: s), sr == or || ancestors(of: or).contains(sr) else { continue }
                if s.id == u.id || isStrictlyAbove(role(of: u), sr) { levels.append(.edit) }
            }
        }
        // Share groups.
        if let owner, owner.isHighVolume, owner.kind.isExternal {
            for set in sharingSets where set.profileIDs.contains(owner.profileID) && set.shareGroupMembers.contains(u.id) {
                levels.append(.edit)
            }
        }
        // Implicit parent.
        if object == "Account" {
            let contactByParent = defaults("Contact").internalAccess == .controlledByParent
            for (childObject, table) in records where childObject == "Case" || childObject == "Opportunity" || (childObject == "Contact" && !contactByParent) {
                for child in table.values where child.accountID?.rawValue == r.testID {
                    if sharing(u, child, childObject, withDefault: false) >= .read { levels.append(.read) }
                }
            }
        }
        return levels.max() ?? .none
    }

    func textLike(_ v: FieldValue) -> Bool {
        switch v {
        case .text, .picklist, .reference: true
        default: false
        }
    }

    func ruleSelects(_ rule: SharingRule, _ r: any Record) -> Bool {
        switch rule.selection {
        case .ownedBy(let source):
            if case .queue(let q) = source { return r.owner.queue == q }
            guard let owner = r.owner.user else { return false }
            return members(source).contains(owner)
        case .criteria(let conditions):
            return conditions.allSatisfy { c in
                guard let v = r.value(of: c.field) else { return false }
                return v == c.equals || (textLike(v) && textLike(c.equals) && v.description == c.equals.description)
            }
        }
    }
}
