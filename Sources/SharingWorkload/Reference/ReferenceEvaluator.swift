/// The project's own plain evaluator of the workload contract's semantics.
///
/// It is deliberately simple: one check walks the seven grant kinds literally and then applies
/// the profile cap; a listing is the union of the records each grant kind reaches, found
/// through plain dictionaries (``readableByScan(user:object:)`` answers the same by checking
/// every record, and the tests compare the two). The benchmark uses it to produce expected
/// answers for generated workloads and to verify the engine after changes.
public struct ReferenceEvaluator: Sendable {
    /// The workload evaluated.
    public let workload: Workload
    private let users: [String: WorkloadUser]
    private let profiles: [String: WorkloadProfile]
    private let recordIndex: [String: Int]
    private let roleParent: [String: String]
    private let roleChildren: [String: [String]]
    private let usersInRole: [String: [String]]
    private let members: [WorkloadGrantee: GranteeMembers]
    private let rulesByObject: [WorkloadObject: [SharingRuleSpec]]
    private let sharesByRecord: [String: [ManualShareSpec]]
    private let superUsersByAccount: [String: [String]]
    private let partnerUsersByAccount: [String: [String]]
    // Listing indexes.
    private let recordsByObject: [WorkloadObject: [Int]]
    private let recordsByOwner: [String: [Int]]
    private let recordsByField: [RecordField: [String: [Int]]]

    /// Indexes `workload` (it must have passed ``Workload/validate()``).
    public init(_ workload: Workload) {
        self.init(workload, records: RecordIndexes(workload))
    }

    /// Indexes `workload`, whose records are the same as `previous`'s (only configuration
    /// changed), reusing the record indexes.
    public init(_ workload: Workload, recordsUnchangedFrom previous: ReferenceEvaluator) {
        self.init(workload, records: previous.recordIndexes)
    }

    /// The indexes built from the records alone.
    struct RecordIndexes: Sendable {
        var recordIndex: [String: Int] = [:]
        var byObject: [WorkloadObject: [Int]] = [:]
        var byOwner: [String: [Int]] = [:]
        var byField: [RecordField: [String: [Int]]] = [:]

        init(_ workload: Workload) {
            recordIndex.reserveCapacity(workload.records.count)
            var comparedFields = Set<RecordField>(workload.sharingSets.map(\.recordField))
            for rule in workload.sharingRules {
                if case .criteria(let field, _) = rule.selector { comparedFields.insert(field) }
            }
            comparedFields.formUnion([.account, .region])
            for (i, record) in workload.records.enumerated() {
                recordIndex[record.id] = i
                byObject[record.object, default: []].append(i)
                byOwner[record.owner, default: []].append(i)
                for field in comparedFields {
                    if let value = record.value(of: field) { byField[field, default: [:]][value, default: []].append(i) }
                }
            }
        }
    }

    private let recordIndexes: RecordIndexes

    private init(_ workload: Workload, records: RecordIndexes) {
        self.workload = workload
        users = Dictionary(workload.users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        profiles = Dictionary(workload.profiles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        recordIndexes = records
        recordIndex = records.recordIndex
        recordsByObject = records.byObject
        recordsByOwner = records.byOwner
        recordsByField = records.byField

        var parent: [String: String] = [:]
        var children: [String: [String]] = [:]
        for role in workload.roles {
            if let p = role.parent {
                parent[role.id] = p
                children[p, default: []].append(role.id)
            }
        }
        roleParent = parent
        roleChildren = children
        var inRole: [String: [String]] = [:]
        var supers: [String: [String]] = [:]
        var partners: [String: [String]] = [:]
        for user in workload.users {
            if let role = user.role { inRole[role, default: []].append(user.id) }
            if user.kind == .partner, let account = user.account {
                partners[account, default: []].append(user.id)
                if user.superUser { supers[account, default: []].append(user.id) }
            }
        }
        usersInRole = inRole
        superUsersByAccount = supers
        partnerUsersByAccount = partners
        rulesByObject = Dictionary(grouping: workload.sharingRules, by: \.object)
        sharesByRecord = Dictionary(grouping: workload.manualShares, by: \.record)

        // Expand every set spec the workload mentions.
        let groupsByID = Dictionary(workload.groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groupUsers: [String: Set<String>] = [:]
        func subtree(_ role: String) -> [String] {
            var out: [String] = []
            var stack = [role]
            while let r = stack.popLast() {
                out.append(r)
                stack.append(contentsOf: children[r] ?? [])
            }
            return out
        }
        func expand(_ grantee: WorkloadGrantee) -> Set<String> {
            switch grantee {
            case .user(let id): return [id]
            case .role(let id): return Set(inRole[id] ?? [])
            case .roleAndSubordinates(let id): return Set(subtree(id).flatMap { inRole[$0] ?? [] })
            case .group(let id):
                if let known = groupUsers[id] { return known }
                var out = Set<String>()
                for member in groupsByID[id]?.members ?? [] { out.formUnion(expand(member)) }
                groupUsers[id] = out
                return out
            }
        }
        var specs = Set<WorkloadGrantee>(workload.groups.map { .group($0.id) })
        for rule in workload.sharingRules {
            specs.insert(rule.to)
            if case .owner(let from) = rule.selector { specs.insert(from) }
        }
        for share in workload.manualShares { specs.insert(share.to) }
        var members: [WorkloadGrantee: GranteeMembers] = [:]
        let usersByID = users
        for spec in specs {
            let set = expand(spec)
            var above = Set<String>()
            for role in Set(set.compactMap { usersByID[$0]?.role }) {
                var current = parent[role]
                while let r = current, above.insert(r).inserted { current = parent[r] }
            }
            members[spec] = GranteeMembers(users: set, rolesAbove: above)
        }
        self.members = members
    }

    // MARK: Role hierarchy

    /// Whether `role` is strictly below `boss` in the role tree.
    public func isStrictlyBelow(_ role: String?, _ boss: String?) -> Bool {
        guard let role, let boss else { return false }
        var current = roleParent[role]
        while let r = current {
            if r == boss { return true }
            current = roleParent[r]
        }
        return false
    }

    /// `role` and every role below it.
    public func subtree(_ role: String) -> [String] {
        var out: [String] = []
        var stack = [role]
        while let r = stack.popLast() {
            out.append(r)
            stack.append(contentsOf: roleChildren[r] ?? [])
        }
        return out
    }

    /// The expansion of a set spec the workload mentions (empty for one it does not).
    public func members(of grantee: WorkloadGrantee) -> GranteeMembers {
        members[grantee] ?? GranteeMembers(users: [], rolesAbove: [])
    }

    // MARK: One user, one record

    /// Rules 1–7: the user's access to the record before the profile cap.
    public func grant(user userID: String, record recordID: String) -> WorkloadAccessLevel {
        guard let user = users[userID], let index = recordIndex[recordID] else { return .none }
        let record = workload.records[index]
        let object = record.object
        var best = workload.orgDefaults.level(for: user.kind, on: object)
        let owner = users[record.owner]
        // 1 + 3: the owner, and users above the owner's role.
        if record.owner == user.id || isStrictlyBelow(owner?.role, user.role) { return .edit }
        // 4 + 3: sharing rules.
        for rule in rulesByObject[object] ?? [] where rule.access > best {
            if applies(rule, to: record), members(of: rule.to).reaches(user) { best = rule.access }
        }
        // 5: sharing sets, no hierarchy.
        for set in workload.sharingSets where set.object == object && set.access > best {
            if set.userKinds.contains(user.kind), let mine = set.userField.value(in: user),
               record.value(of: set.recordField) == mine {
                best = set.access
            }
        }
        // 6 + 3: manual shares.
        for share in sharesByRecord[record.id] ?? [] where share.access > best {
            if members(of: share.to).reaches(user) { best = share.access }
        }
        // 7 + 3: partner super users over the owner.
        if best < .edit, let owner, owner.kind == .partner, let ownerRole = owner.role, let account = owner.account {
            for superID in superUsersByAccount[account] ?? [] {
                guard let superUser = users[superID], let superRole = superUser.role else { continue }
                let covers = superRole == ownerRole || isStrictlyBelow(ownerRole, superRole)
                if covers, superID == user.id || isStrictlyBelow(superRole, user.role) { return .edit }
            }
        }
        return best
    }

    private func applies(_ rule: SharingRuleSpec, to record: WorkloadRecord) -> Bool {
        guard rule.object == record.object else { return false }
        switch rule.selector {
        case .owner(let from): return members(of: from).users.contains(record.owner)
        case .criteria(let field, let equals): return record.value(of: field) == equals
        }
    }

    /// The user's access to the record after the profile cap.
    public func access(user userID: String, record recordID: String) -> WorkloadAccessLevel {
        guard let user = users[userID], let profile = profiles[user.profile],
              let index = recordIndex[recordID] else { return .none }
        return profile.cap(grant(user: userID, record: recordID), on: workload.records[index].object)
    }

    /// Whether the user may perform `action` on the record.
    public func allows(user: String, record: String, action: WorkloadAction) -> Bool {
        access(user: user, record: record) >= action.requiredLevel
    }

    // MARK: Listing

    /// Ids of the records of `object` the user may read: the union of what each grant reaches.
    public func readable(user userID: String, object: WorkloadObject) -> Set<String> {
        Set(readableIndexes(user: userID, object: object).map { workload.records[$0].id })
    }

    /// How many records of `object` the user may read.
    public func readableCount(user userID: String, object: WorkloadObject) -> Int {
        readableIndexes(user: userID, object: object).count
    }

    /// Positions in `workload.records` of the records of `object` the user may read.
    func readableIndexes(user userID: String, object: WorkloadObject) -> Set<Int> {
        guard let user = users[userID], let profile = profiles[user.profile] else { return [] }
        let all = recordsByObject[object] ?? []
        if profile.modifyAll.contains(object) || profile.viewAll.contains(object) { return Set(all) }
        if profile.permission(on: object) < .read { return [] }
        if workload.orgDefaults.level(for: user.kind, on: object) >= .read { return Set(all) }
        // Every grant below is at least read, so the answer is the union of their records.
        func ofObject(_ indexes: [Int]?) -> [Int] {
            (indexes ?? []).filter { workload.records[$0].object == object }
        }
        var out = Set<Int>()
        // The user and everyone strictly below its role: their ownership and super-user grants.
        var heirs = [user.id]
        if let role = user.role {
            for r in subtree(role) where r != role { heirs.append(contentsOf: usersInRole[r] ?? []) }
        }
        for heir in heirs { out.formUnion(ofObject(recordsByOwner[heir])) }
        for rule in rulesByObject[object] ?? [] where members(of: rule.to).reaches(user) {
            switch rule.selector {
            case .owner(let from):
                for owner in members(of: from).users { out.formUnion(ofObject(recordsByOwner[owner])) }
            case .criteria(let field, let equals):
                if let index = recordsByField[field] {
                    out.formUnion(ofObject(index[equals]))
                } else {  // a field no index was built for (a rule added later): scan
                    out.formUnion((recordsByObject[object] ?? []).filter { workload.records[$0].value(of: field) == equals })
                }
            }
        }
        for set in workload.sharingSets where set.object == object && set.userKinds.contains(user.kind) {
            guard let mine = set.userField.value(in: user) else { continue }
            if let index = recordsByField[set.recordField] {
                out.formUnion(ofObject(index[mine]))
            } else {
                out.formUnion((recordsByObject[object] ?? []).filter { workload.records[$0].value(of: set.recordField) == mine })
            }
        }
        for (recordID, shares) in sharesByRecord where shares.contains(where: { members(of: $0.to).reaches(user) }) {
            if let i = recordIndex[recordID], workload.records[i].object == object { out.insert(i) }
        }
        for heir in heirs {
            guard let superUser = users[heir], superUser.superUser, superUser.kind == .partner,
                  let superRole = superUser.role, let account = superUser.account else { continue }
            let below = Set(subtree(superRole))
            for mate in partnerUsersByAccount[account] ?? [] {
                if let role = users[mate]?.role, below.contains(role) { out.formUnion(ofObject(recordsByOwner[mate])) }
            }
        }
        return out
    }

    /// The same answer as ``readable(user:object:)``, by checking every record of the object.
    public func readableByScan(user userID: String, object: WorkloadObject) -> Set<String> {
        var out = Set<String>()
        for i in recordsByObject[object] ?? [] {
            let id = workload.records[i].id
            if access(user: userID, record: id) >= .read { out.insert(id) }
        }
        return out
    }
}
