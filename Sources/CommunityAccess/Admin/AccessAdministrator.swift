public import CommunityModel

/// Validated writes of sharing configuration and sharing operations: every method checks the
/// rules Salesforce enforces and either writes in one store transaction or throws an
/// ``AccessError`` and writes nothing.
public struct AccessAdministrator: Sendable {
    /// Sharing rules allowed per object.
    public static let maxRulesPerObject = 300
    /// Criteria-based and guest rules allowed per object.
    public static let maxCriteriaRulesPerObject = 50
    /// Longest criteria literal.
    public static let maxCriteriaValueLength = 240
    /// Standard objects: Grant Access Using Hierarchies cannot be turned off.
    public static let standardObjects: Set<EntityType> = ["Account", "Contact", "Opportunity", "Case", "Lead"]

    /// The store written to.
    public let store: any Store
    /// The engine following the store (used for permission checks).
    public let engine: AccessEngine

    /// Creates an administrator over a store and the engine that follows it.
    public init(store: any Store, engine: AccessEngine) {
        self.store = store
        self.engine = engine
    }

    // MARK: Validation (pure)

    /// Checks an org-wide default: external never more open than internal, Controlled by
    /// Parent on both columns, Read/Write/Transfer only on Case and Lead, Full Access only on
    /// Campaign, hierarchy access always on for standard objects.
    public static func validate(_ owd: OrgWideDefault) throws(AccessError) {
        let object = owd.object
        let i = owd.internalAccess, e = owd.externalAccess
        if (i == .controlledByParent) != (e == .controlledByParent) {
            throw .invalidDefault(object: object, reason: "Controlled by Parent must be set on both columns")
        }
        for m in [i, e] {
            if m == .publicReadWriteTransfer, object != "Case", object != "Lead" {
                throw .invalidDefault(object: object, reason: "Public Read/Write/Transfer is only for Case and Lead")
            }
            if m == .publicFullAccess, object != "Campaign" {
                throw .invalidDefault(object: object, reason: "Public Full Access is only for Campaign")
            }
        }
        if e.rank > i.rank { throw .externalMoreOpenThanInternal(object: object, internal: i, external: e) }
        if !owd.grantAccessUsingHierarchies, standardObjects.contains(object) || i == .controlledByParent {
            throw .invalidDefault(object: object, reason: "Grant Access Using Hierarchies cannot be turned off here")
        }
    }

    /// Checks a sharing rule against the object's existing rules and the org's users.
    public static func validate(_ rule: SharingRule, existing: [SharingRule], snapshot: AccessSnapshot) throws(AccessError) {
        guard rule.accessLevel == .read || rule.accessLevel == .edit else {
            throw .invalidRule(rule: rule.id, reason: "rules grant Read Only or Read/Write")
        }
        if rule.isGuestRule {
            guard rule.accessLevel == .read else { throw .invalidRule(rule: rule.id, reason: "guest rules grant Read Only") }
            guard rule.isCriteriaBased else { throw .invalidRule(rule: rule.id, reason: "guest rules are criteria-based") }
            guard case .user(let guest) = rule.sharedWith, snapshot.user(guest)?.kind == .guest else {
                throw .invalidRule(rule: rule.id, reason: "guest rules share with a site's guest user")
            }
        } else if case .user(let target) = rule.sharedWith, let user = snapshot.user(target),
                  user.kind == .guest || user.isHighVolume
        {
            throw .invalidRule(rule: rule.id, reason: "guest and high-volume users are reached only by guest rules and sharing sets")
        }
        if case .criteria(let conditions) = rule.selection {
            guard !conditions.isEmpty else { throw .invalidRule(rule: rule.id, reason: "no criteria") }
            for c in conditions where c.equals.description.count > maxCriteriaValueLength {
                throw .invalidRule(rule: rule.id, reason: "value of \(c.field) longer than \(maxCriteriaValueLength) characters")
            }
        }
        if let owd = snapshot.state.orgDefaults[rule.object], owd.internalAccess == .controlledByParent {
            throw .invalidRule(rule: rule.id, reason: "\(rule.object) is Controlled by Parent")
        }
        let others = existing.filter { $0.object == rule.object && $0.id != rule.id }
        if others.count >= maxRulesPerObject { throw .tooManyRules(object: rule.object, limit: maxRulesPerObject) }
        if rule.isCriteriaBased, others.filter(\.isCriteriaBased).count >= maxCriteriaRulesPerObject {
            throw .tooManyCriteriaRules(object: rule.object, limit: maxCriteriaRulesPerObject)
        }
    }

    /// Checks a public group: no cycles through nested groups; no high-volume or guest users.
    public static func validate(_ group: PublicGroup, groups: [ID<PublicGroup>: PublicGroup], snapshot: AccessSnapshot)
        throws(AccessError)
    {
        try validateMembers(group.members, container: "group \(group.id)", snapshot: snapshot)
        var all = groups
        all[group.id] = group
        var stack: [ID<PublicGroup>] = group.members.compactMap { if case .group(let g) = $0 { g } else { nil } }
        var seen: Set<ID<PublicGroup>> = []
        while let g = stack.popLast() {
            if g == group.id { throw .groupCycle(group: group.id, through: g) }
            guard seen.insert(g).inserted else { continue }
            for m in all[g]?.members ?? [] { if case .group(let sub) = m { stack.append(sub) } }
        }
    }

    static func validateMembers(_ members: [GroupMember], container: String, snapshot: AccessSnapshot) throws(AccessError) {
        for m in members {
            guard case .user(let id) = m, let user = snapshot.user(id) else { continue }
            if user.kind == .guest { throw .invalidMember(container: container, member: id, reason: "guest users cannot be members") }
            if user.isHighVolume {
                throw .invalidMember(container: container, member: id, reason: "high-volume users cannot be members")
            }
        }
    }

    // MARK: Writes

    /// Validates and stores an org-wide default.
    public func setDefault(_ owd: OrgWideDefault) throws {
        try Self.validate(owd)
        try store.write { tx in _ = try tx.put(owd) }
    }

    /// Validates (kind, level, limits of 300 and 50 per object) and stores a sharing rule.
    public func saveRule(_ rule: SharingRule) throws {
        try store.write { tx in
            let existing = try tx.all(SharingRule.self).map(\.value)
            try Self.validate(rule, existing: existing, snapshot: engine.snapshot)
            try tx.put(rule)
        }
    }

    /// Validates (no cycles, no guests or high-volume users) and stores a public group.
    public func saveGroup(_ group: PublicGroup) throws {
        try store.write { tx in
            var groups: [ID<PublicGroup>: PublicGroup] = [:]
            for g in try tx.all(PublicGroup.self) { groups[g.value.id] = g.value }
            try Self.validate(group, groups: groups, snapshot: engine.snapshot)
            try tx.put(group)
        }
    }

    /// Validates (no guests or high-volume users) and stores a queue.
    public func saveQueue(_ queue: Queue) throws {
        try Self.validateMembers(queue.members, container: "queue \(queue.id)", snapshot: engine.snapshot)
        try store.write { tx in _ = try tx.put(queue) }
    }

    /// Shares a record manually (Read or Read/Write) on behalf of `actor`, who must have full
    /// access to it. Not allowed on public read/write objects, to guests or high-volume
    /// users, or on records high-volume users own.
    @discardableResult
    public func share<R: Record>(_ record: R, with grantee: Grantee, level: AccessLevel, by actor: ID<User>) throws
        -> RecordShare
    {
        let s = engine.snapshot
        let where_ = "\(R.entityType) \(record.id)"
        guard level == .read || level == .edit else { throw AccessError.shareNotAllowed(record: where_, reason: "manual shares are Read or Read/Write") }
        guard s.can(actor, .share, record) else {
            throw AccessError.insufficientAccess(user: actor, object: R.entityType, record: record.id.rawValue, action: .share)
        }
        if let owd = s.state.orgDefaults[R.entityType], owd.internalAccess.rank >= OrgWideDefault.Model.publicReadWrite.rank {
            throw AccessError.shareNotAllowed(record: where_, reason: "the org-wide default is already \(owd.internalAccess)")
        }
        if case .user(let target) = grantee, let user = s.user(target), user.kind == .guest || user.isHighVolume {
            throw AccessError.shareNotAllowed(record: where_, reason: "guest and high-volume users cannot receive manual shares")
        }
        if let owner = record.owner.user, s.user(owner)?.isHighVolume == true {
            throw AccessError.shareNotAllowed(record: where_, reason: "records owned by high-volume users cannot be shared manually")
        }
        let share = RecordShare(
            id: .generate(prefix: "shr"), object: R.entityType, recordID: record.id.rawValue, sharedWith: grantee,
            accessLevel: level, cause: .manual, recordOwner: record.owner)
        try store.write { tx in _ = try tx.put(share) }
        return share
    }

    /// Adds a programmatic (Apex-managed) share with a sharing reason; `actor` needs Modify
    /// All Data. Such shares survive owner changes.
    @discardableResult
    public func shareProgrammatically<R: Record>(
        _ record: R, with grantee: Grantee, level: AccessLevel, reason: String, by actor: ID<User>
    ) throws -> RecordShare {
        let s = engine.snapshot
        guard s.hasPermission(actor, .modifyAllData) else {
            throw AccessError.insufficientAccess(user: actor, object: R.entityType, record: record.id.rawValue, action: .share)
        }
        if case .user(let target) = grantee, let user = s.user(target), user.kind == .guest || user.isHighVolume {
            throw AccessError.shareNotAllowed(record: "\(R.entityType) \(record.id)", reason: "guest and high-volume users cannot receive programmatic shares")
        }
        let share = RecordShare(
            id: .generate(prefix: "shr"), object: R.entityType, recordID: record.id.rawValue, sharedWith: grantee,
            accessLevel: level, cause: .programmatic(reason))
        try store.write { tx in _ = try tx.put(share) }
        return share
    }

    /// Adds a team member (account, opportunity or case team) with a level and, for account
    /// teams, child access. High-volume users and guests cannot be on teams.
    @discardableResult
    public func addTeamMember<R: Record>(
        _ record: R, user: ID<User>, teamRole: String, level: AccessLevel, childAccess: ChildAccess = .none
    ) throws -> RecordShare {
        let s = engine.snapshot
        if let u = s.user(user), u.kind == .guest || u.isHighVolume {
            throw AccessError.invalidMember(container: "team of \(R.entityType) \(record.id)", member: user, reason: "guest and high-volume users cannot be on teams")
        }
        let share = RecordShare(
            id: .generate(prefix: "team"), object: R.entityType, recordID: record.id.rawValue, sharedWith: .user(user),
            accessLevel: min(level, .edit), cause: .team(teamRole), accountChildAccess: childAccess)
        try store.write { tx in _ = try tx.put(share) }
        return share
    }

    /// Checks that `owner` may own records: not a guest user.
    public func validateOwner(_ owner: Owner) throws(AccessError) {
        if let u = owner.user, engine.snapshot.user(u)?.kind == .guest { throw .guestCannotOwnRecords(user: u) }
    }

    /// Transfers a record to a new owner on behalf of `actor` (who must be allowed to
    /// transfer it), dropping its manual shares in the same transaction. Returns the record
    /// as stored.
    @discardableResult
    public func transferOwnership<R: Record>(of record: R, to newOwner: Owner, by actor: ID<User>) throws -> R {
        try validateOwner(newOwner)
        let s = engine.snapshot
        guard s.can(actor, .transfer, record) else {
            throw AccessError.insufficientAccess(user: actor, object: R.entityType, record: record.id.rawValue, action: .transfer)
        }
        if let u = newOwner.user, !s.objectPermissions(u, on: R.entityType).contains(.read) {
            throw AccessError.insufficientAccess(user: u, object: R.entityType, record: record.id.rawValue, action: .read)
        }
        var updated = record
        updated.owner = newOwner
        try store.write { tx in
            try tx.put(updated)
            for share in try tx.all(RecordShare.self) where share.value.object == R.entityType
                && share.value.recordID == record.id.rawValue && share.value.cause == .manual
            {
                try tx.delete(share.value.id)
            }
        }
        return updated
    }
}

extension AccessAdministrator {
    /// The owner a new record gets when `creator` creates it in `site`: the creator, except
    /// that records created by a guest go to the site's default owner.
    ///
    /// - Throws: ``AccessError/guestCannotOwnRecords(user:)`` when a guest creates a record in
    ///   a site without a default owner.
    public func ownerForNewRecord(createdBy creator: ID<User>, in site: SiteMembership?) throws(AccessError) -> Owner {
        guard engine.snapshot.user(creator)?.kind == .guest else { return .user(creator) }
        guard let owner = site?.defaultOwnerID else { throw .guestCannotOwnRecords(user: creator) }
        return .user(owner)
    }
}

extension AccessAdministrator {
    /// The partner or customer roles an account gets when its first external user is enabled:
    /// 1 to 3 levels (`User`, then `Manager`, then `Executive` on top), named after the
    /// account. The top role has no stored parent, so the engine places it under the role of
    /// the account's owner and moves it when the owner changes. Ids are `<account>-partner-user` etc.
    public static func externalRoles(for account: Account, kind: Role.Kind = .partner, levels: Int = 1) -> [Role] {
        let levels = max(1, min(3, levels))
        let word = kind == .customer ? "Customer" : "Partner"
        let all: [Role.ExternalLevel] = [.executive, .manager, .user]
        let used = Array(all.suffix(levels))
        var out: [Role] = []
        var parent: ID<Role>? = nil
        for level in used {
            let id = ID<Role>("\(account.id.rawValue.prefix(40))-\(word.lowercased())-\(level.rawValue)")  // trap-safe: ≤ 40 characters of a valid id, then library words
            let name = "\(account.name) \(word) \(level.rawValue.prefix(1).uppercased())\(level.rawValue.dropFirst())"
            out.append(Role(id: id, name: name, parentID: parent, kind: kind, accountID: account.id, externalLevel: level))
            parent = id
        }
        return out
    }

    /// Stores the external roles of an account (per ``SharingSettings`` role levels) unless
    /// they exist, after checking that the account's owner has a role.
    @discardableResult
    public func enableExternalRoles(for account: Account, kind: Role.Kind = .partner) throws -> [Role] {
        let s = engine.snapshot
        guard let owner = account.owner.user, s.user(owner)?.roleID != nil else {
            throw AccessError.invalidDefault(object: Account.entityType, reason: "the owner of account \(account.id) has no role")
        }
        let settings = s.state.settings
        let roles = Self.externalRoles(
            for: account, kind: kind, levels: kind == .customer ? settings.customerRoleLevels : settings.partnerRoleLevels)
        try store.write { tx in
            for role in roles where try tx.get(role.id) == nil { _ = try tx.put(role) }
        }
        return roles
    }
}
