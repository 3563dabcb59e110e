public import CommunityModel

/// Why a user has the access they have to a record: every grant that applies, and what
/// capped the result.
public struct AccessExplanation: Sendable, CustomStringConvertible {
    /// One path that grants access.
    public struct Grant: Sendable, Hashable, CustomStringConvertible {
        /// The kind of path.
        public enum Kind: String, Sendable, Hashable {
            case viewAll, modifyAll, viewAllData, modifyAllData, owner, queueOwner, orgWideDefault, roleHierarchy
            case sharingRule, guestRule, manualShare, teamShare, programmaticShare, implicitChild, implicitParent
            case experienceCloud, caseContact, sharingSet, superUser, shareGroup, controlledByParent
        }

        public var kind: Kind
        /// The level this path grants (before object permissions).
        public var level: AccessLevel
        /// The chain: which role path, group path, rule or share, in words.
        public var chain: [String]

        public var description: String { "\(kind.rawValue) → \(level): \(chain.joined(separator: " → "))" }
    }

    /// The user and record explained.
    public var user: ID<User>
    public var object: EntityType
    public var recordID: String
    /// The final access (what ``AccessSnapshot/access(_:to:)`` returns).
    public var level: AccessLevel
    /// Every grant found.
    public var grants: [Grant]
    /// What limited the result (object permissions, guest cap, inactive user…), if anything, in words.
    public var cap: String? { capReason?.description }
    /// What limited the result, as a value a page can put in the reader's language.
    public var capReason: CapReason?
    /// The paths that were looked for and not found, in words ("does not own the record
    /// (owner user pat)", "no sharing rule for this record reaches the user"): why access
    /// is missing. Empty when the user or record is unknown.
    public var notFound: [String] { missing.map(\.description) }
    /// The same paths as values, for a page that says them in the reader's language.
    public var missing: [MissingPath] = []

    /// What capped an access level.
    public enum CapReason: Sendable, Hashable, CustomStringConvertible {
        /// The user or the record is not known to the engine.
        case unknownUserOrRecord
        /// The user is inactive.
        case inactiveUser
        /// The record was deleted.
        case recordDeleted
        /// The user's profile and permission sets give no Read on the object.
        case noRead(EntityType)
        /// Guest users never get more than Read.
        case guestReadOnly
        /// No Edit permission on the object: capped at Read.
        case noEdit(EntityType)
        /// No Delete permission on the object: capped at Edit.
        case noDelete(EntityType)

        /// The reason in English words.
        public var description: String {
            switch self {
            case .unknownUserOrRecord: "unknown user or record"
            case .inactiveUser: "user is inactive or unknown"
            case .recordDeleted: "record deleted"
            case .noRead(let object): "no Read permission on \(object)"
            case .guestReadOnly: "guest users are capped at Read"
            case .noEdit(let object): "no Edit permission on \(object): capped at Read"
            case .noDelete(let object): "no Delete permission on \(object): capped at Edit"
            }
        }
    }

    /// A path to access that was looked for and not found.
    public enum MissingPath: Sendable, Hashable, CustomStringConvertible {
        /// No View All Data, Modify All Data, View All or Modify All on the object.
        case noObjectWidePermission(EntityType)
        /// Another user owns the record.
        case ownedByUser(ID<User>)
        /// A queue owns the record.
        case ownedByQueue(String)
        /// The parent record, which controls access, is not readable.
        case noParentAccess(EntityType)
        /// The record is controlled by a parent it does not have.
        case noParent
        /// The org-wide default grants nothing to users of this kind.
        case orgWideDefault(EntityType, model: String, userKind: String)
        /// Grant access using hierarchies is off for the object.
        case hierarchyOff(EntityType)
        /// The user has no role.
        case userHasNoRole
        /// The record's owner has no role.
        case ownerHasNoRole
        /// The owner's role is not below the user's.
        case ownerRoleNotBelow(ownerRole: String, userRole: String)
        /// No manual, team or programmatic share reaches the user.
        case noShare
        /// No sharing rule that selects the record reaches the user.
        case noSharingRule
        /// No implicit path (parent account, child records, account roles, sharing sets, share groups, super user, case contact).
        case noImplicitPath

        /// The path in English words.
        public var description: String {
            switch self {
            case .noObjectWidePermission(let object): "no View All Data, Modify All Data, or View All / Modify All on \(object)"
            case .ownedByUser(let owner): "does not own the record (owner user \(owner))"
            case .ownedByQueue(let queue): "does not own the record (owned by queue \(queue))"
            case .noParentAccess(let object): "no access to the parent record, which controls \(object)"
            case .noParent: "no parent record to inherit access from"
            case .orgWideDefault(let object, let model, let kind): "org-wide default for \(object) is \(model) for this user (\(kind)): it grants nothing"
            case .hierarchyOff(let object): "role hierarchy does not grant access on \(object) (grant access using hierarchies is off)"
            case .userHasNoRole: "role hierarchy: the user has no role"
            case .ownerHasNoRole: "role hierarchy: the owner has no role"
            case .ownerRoleNotBelow(let owner, let user): "role hierarchy: the owner's role \(owner) is not below the user's role \(user)"
            case .noShare: "no manual, team or programmatic share of the record reaches the user"
            case .noSharingRule: "no sharing rule that selects this record shares it with the user, their groups or roles"
            case .noImplicitPath:
                "no implicit path (parent account, child records, partner or customer account role, sharing set, share group, super user, case contact)"
            }
        }
    }

    /// The user, record and level; each grant; the cap; and, when access is denied, every
    /// path looked for and not found.
    public var description: String {
        var lines = ["\(user) on \(object) \(recordID): \(level)"]
        lines += grants.map { "  + \($0)" }
        if let cap { lines.append("  cap: \(cap)") }
        if level == .none, !notFound.isEmpty {
            lines.append("  access denied; looked for and did not find:")
            lines += notFound.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}

extension AccessSnapshot {
    /// Every grant that gives the user access to the record, with its chain, and the
    /// deciding cap. `level` always equals ``access(_:to:object:id:)``.
    public func explain(_ user: ID<User>, _ object: EntityType, id: String) -> AccessExplanation {
        var e = AccessExplanation(user: user, object: object, recordID: id, level: .none, grants: [], capReason: nil)
        guard let u = state.userIDs.id(user), let i = state.recordIndex(object: object, id: id) else {
            e.capReason = .unknownUserOrRecord
            return e
        }
        e.level = state.evaluate(u, i)
        let d = state.directory
        guard d.userActive[Int(u)] else {
            e.capReason = .inactiveUser
            return e
        }
        let row = state.rows[Int(i)]
        guard row.alive else {
            e.capReason = .recordDeleted
            return e
        }
        let perms = d.permissions[Int(d.userPermissions[Int(u)])]
        let op = perms.object(row.object)
        if perms.modifyAllData { e.grants.append(.init(kind: .modifyAllData, level: .all, chain: ["Modify All Data"])) }
        if op.contains(.modifyAll) { e.grants.append(.init(kind: .modifyAll, level: .all, chain: ["Modify All on \(object)"])) }
        if perms.viewAllData { e.grants.append(.init(kind: .viewAllData, level: .read, chain: ["View All Data"])) }
        if op.contains(.viewAll) { e.grants.append(.init(kind: .viewAll, level: .read, chain: ["View All on \(object)"])) }
        e.grants += state.explainSharing(u, i, row)
        e.missing = state.explainMissing(u, row, found: Set(e.grants.map(\.kind)), object: object)
        if !op.contains(.modifyAll), !op.contains(.viewAll), !perms.viewAllData, !perms.modifyAllData {
            e.missing.insert(.noObjectWidePermission(object), at: 0)
        }
        if !(perms.modifyAllData || op.contains(.modifyAll)) {
            let raw = e.grants.map(\.level).max() ?? .none
            if !op.contains(.read), !perms.viewAllData {
                e.capReason = .noRead(object)
            } else if d.userKind[Int(u)] == .guest, raw > .read {
                e.capReason = .guestReadOnly
            } else if !op.contains(.edit), raw > .read {
                e.capReason = .noEdit(object)
            } else if !op.contains(.delete), raw == .all {
                e.capReason = .noDelete(object)
            }
        }
        return e
    }

    /// Explains a record's access for a user.
    public func explain<R: Record>(_ user: ID<User>, _ record: R) -> AccessExplanation {
        explain(user, R.entityType, id: record.id.rawValue)
    }
}

extension AccessState {
    func userName(_ u: Int32) -> String { u >= 0 ? "user \(userIDs.keys[Int(u)])" : "nobody" }

    func rolePath(from role: Int32, upTo boss: Int32) -> String {
        var names: [String] = []
        var r = role
        while r >= 0 {
            names.append(roleIDs.keys[Int(r)].rawValue)
            if r == boss { break }
            r = directory.roleParent[Int(r)]
        }
        return "roles " + names.joined(separator: " < ")
    }

    func describeReach(_ u: UInt32, _ p: Principal, hierarchy: Bool) -> [String]? {
        let d = directory
        if d.isMember(u, p) {
            if p.kind == .group {
                return ["member of \(grantee(p)) (groups of user: \(d.userGroups[Int(u)].map { groupIDs.keys[Int($0)].rawValue }.joined(separator: ", ")))"]
            }
            return ["member of \(grantee(p))"]
        }
        if hierarchy, d.inherits(u, p) {
            return ["\(grantee(p)) has a member below role \(roleIDs.keys[Int(d.userRole[Int(u)])]) (grant access using hierarchies)"]
        }
        return nil
    }

    func explainSharing(_ u: UInt32, _ i: UInt32, _ row: RecordRow) -> [AccessExplanation.Grant] {
        typealias G = AccessExplanation.Grant
        let d = directory
        var out: [G] = []
        let def = d.defaults(row.object)
        if def.internalModel == .controlledByParent {
            if row.ownerUser == Int32(u) { out.append(G(kind: .owner, level: .all, chain: ["owns the record"])) }
            if row.parent >= 0 {
                let l = evaluate(u, UInt32(row.parent))
                if l > .none {
                    let key = recordKeys.key(UInt32(row.parent))
                    out.append(G(kind: .controlledByParent, level: l, chain: ["parent \(objects.keys[Int(key.object)]) \(key.id)"]))
                }
            }
            return out
        }
        if row.ownerUser == Int32(u) { out.append(G(kind: .owner, level: .all, chain: ["owns the record"])) }
        let model = model(for: u, object: row.object)
        if model.baseline > 0 {
            out.append(G(kind: .orgWideDefault, level: AccessLevel(code: model.baseline), chain: ["org-wide default \(model.rawValue)"]))
        }
        let hierarchy = def.hierarchy
        let myRole = d.userRole[Int(u)]
        if row.ownerUser >= 0, row.ownerUser != Int32(u), hierarchy, myRole >= 0,
           d.isStrictlyBelow(d.userRole[Int(row.ownerUser)], myRole)
        {
            out.append(G(kind: .roleHierarchy, level: .all, chain: [
                "owner \(userName(row.ownerUser))", rolePath(from: d.userRole[Int(row.ownerUser)], upTo: myRole),
            ]))
        }
        if row.ownerQueue >= 0 {
            let q = Principal(kind: .queue, index: UInt32(row.ownerQueue))
            if let why = describeReach(u, q, hierarchy: hierarchy) {
                out.append(G(kind: .queueOwner, level: .all, chain: ["owned by \(grantee(q))"] + why))
            }
        }
        for s in sharesByRecord[i] ?? [] where s.owner < 0 || s.owner == Self.ownerCode(row) {
            guard let why = describeReach(u, s.principal, hierarchy: hierarchy) else { continue }
            let kind: G.Kind = s.cause == .manual ? .manualShare : (s.cause == .team ? .teamShare : .programmaticShare)
            var chain = ["share \(shareIDs.keys[Int(s.share)]) to \(grantee(s.principal))"]
            if case .programmatic(let reason)? = shareEntities[Int(s.share)]?.cause { chain.append("reason \(reason)") }
            out.append(G(kind: kind, level: AccessLevel(code: s.level), chain: chain + why))
        }
        var ruleIndices: [UInt32] = []
        if row.criteria != 0, let slots = criteriaSlots[row.object] {
            for (s, r) in slots.enumerated() where row.criteria & (1 << UInt64(s)) != 0 { if let r { ruleIndices.append(r) } }
        }
        if row.ownerUser >= 0 {
            ruleIndices += d.userOwnerRules[Int(row.ownerUser)].filter { d.rules[Int($0)]?.object == row.object }
        } else if row.ownerQueue >= 0 {
            ruleIndices += d.ownerRulesByQueue[UInt32(row.ownerQueue)] ?? []
        }
        for r in ruleIndices {
            guard let rule = d.rules[Int(r)] else { continue }
            if rule.isGuest, !rule.includeHighVolumeOwned, row.ownerUser >= 0, d.userHighVolume[Int(row.ownerUser)] {
                continue
            }
            guard let why = describeReach(u, rule.target, hierarchy: hierarchy && !rule.isGuest) else { continue }
            let selection = rule.source.map { "records owned by \(grantee($0))" } ?? "criteria match"
            out.append(G(kind: rule.isGuest ? .guestRule : .sharingRule, level: AccessLevel(code: rule.level),
                         chain: ["rule \(ruleIDs.keys[Int(r)])", selection] + why))
        }
        // Implicit and external paths: reuse the evaluator and name the path.
        let before = out.map(\.level).max() ?? .none
        let implicit = AccessLevel(code: sharing(u, i, row, includeDefault: true))
        if implicit > before {
            out.append(G(kind: implicitKind(u, i, row), level: implicit, chain: implicitChain(u, i, row)))
        }
        return out
    }

    /// The sharing paths that do not reach the user, in words.
    func explainMissing(_ u: UInt32, _ row: RecordRow, found: Set<AccessExplanation.Grant.Kind>, object: EntityType) -> [AccessExplanation.MissingPath] {
        let d = directory
        var out: [AccessExplanation.MissingPath] = []
        if !found.contains(.owner) {
            if row.ownerUser >= 0 {
                out.append(.ownedByUser(userIDs.keys[Int(row.ownerUser)]))
            } else if row.ownerQueue >= 0 {
                out.append(.ownedByQueue(queueIDs.keys[Int(row.ownerQueue)].rawValue))
            }
        }
        let def = d.defaults(row.object)
        if def.internalModel == .controlledByParent {
            if !found.contains(.controlledByParent) {
                out.append(row.parent >= 0 ? .noParentAccess(object) : .noParent)
            }
            return out
        }
        let model = model(for: u, object: row.object)
        if !found.contains(.orgWideDefault) {
            out.append(.orgWideDefault(object, model: model.rawValue, userKind: d.userKind[Int(u)].rawValue))
        }
        if !found.contains(.roleHierarchy), row.ownerUser >= 0, row.ownerUser != Int32(u) {
            let myRole = d.userRole[Int(u)]
            let ownerRole = d.userRole[Int(row.ownerUser)]
            if !def.hierarchy {
                out.append(.hierarchyOff(object))
            } else if myRole < 0 {
                out.append(.userHasNoRole)
            } else if ownerRole < 0 {
                out.append(.ownerHasNoRole)
            } else {
                out.append(.ownerRoleNotBelow(ownerRole: roleIDs.keys[Int(ownerRole)].rawValue, userRole: roleIDs.keys[Int(myRole)].rawValue))
            }
        }
        if !found.contains(.manualShare), !found.contains(.teamShare), !found.contains(.programmaticShare) {
            out.append(.noShare)
        }
        if !found.contains(.sharingRule), !found.contains(.guestRule) {
            out.append(.noSharingRule)
        }
        let implicit: Set<AccessExplanation.Grant.Kind> = [
            .implicitChild, .implicitParent, .experienceCloud, .caseContact, .sharingSet, .superUser, .shareGroup,
        ]
        if found.isDisjoint(with: implicit) {
            out.append(.noImplicitPath)
        }
        return out
    }

    private func implicitKind(_ u: UInt32, _ i: UInt32, _ row: RecordRow) -> AccessExplanation.Grant.Kind {
        let d = directory
        let o = row.object
        if o == caseObject, rowContacts[Int(i)] >= 0, rowContacts[Int(i)] == d.userContact[Int(u)] { return .caseContact }
        if (o == accountObject || o == contactObject), d.userKind[Int(u)].isExternal || d.accountExternalRoles[UInt32(max(row.account, 0))] != nil {
            if o == accountObject, childAccessAny(u, i) { return .implicitParent }
            return .experienceCloud
        }
        if o == accountObject { return .implicitParent }
        if row.account >= 0, childAccess(u, account: UInt32(row.account), object: o) > 0 { return .implicitChild }
        if !d.userMappings[Int(u)].isEmpty { return .sharingSet }
        if row.ownerUser >= 0, !d.userCoveredBySets[Int(row.ownerUser)].isEmpty, !d.userShareGroups[Int(u)].isEmpty {
            return .shareGroup
        }
        return .superUser
    }

    private func childAccessAny(_ u: UInt32, _ i: UInt32) -> Bool {
        for c in accountChildren[i] ?? [] where rows[Int(c)].alive {
            if sharing(u, c, rows[Int(c)], includeDefault: false) >= 1 { return true }
        }
        return false
    }

    private func implicitChain(_ u: UInt32, _ i: UInt32, _ row: RecordRow) -> [String] {
        var chain: [String] = []
        if row.account >= 0 {
            let key = recordKeys.key(UInt32(row.account))
            chain.append("account \(key.id)")
            let acc = rows[Int(row.account)]
            if acc.alive, acc.ownerUser >= 0 { chain.append("account owner \(userName(acc.ownerUser))") }
        }
        if row.ownerUser >= 0 { chain.append("record owner \(userName(row.ownerUser))") }
        return chain
    }
}
