/// Draws the sampled checks and listings of a generated workload. About 60% of checks ask
/// about a record that some grant may give the user (a subordinate's record, the user's
/// account, a rule's records, a manual share, a partner colleague's record), so that every
/// grant kind is exercised; the rest ask about a random record.
struct SampleMaker {
    let builder: WorkloadBuilder
    let reference: ReferenceEvaluator
    var random: SeededRandom
    private var recordsByOwner: [String: [Int]] = [:]
    private var recordsByAccount: [String: [Int]] = [:]
    private var usersInRole: [String: [String]] = [:]
    private var sharedWith: [String: [Int]] = [:]
    private var groupsOf: [String: [String]] = [:]
    private var ruleRecords: [String: [Int]] = [:]
    private var subtreeUsers: [String: [String]] = [:]
    private var partnerMates: [String: [String]] = [:]

    init(builder: WorkloadBuilder, reference: ReferenceEvaluator) {
        self.builder = builder
        self.reference = reference
        random = builder.random
        var recordIndex: [String: Int] = [:]
        for (i, record) in builder.records.enumerated() {
            recordsByOwner[record.owner, default: []].append(i)
            if let account = record.account { recordsByAccount[account, default: []].append(i) }
            recordIndex[record.id] = i
        }
        for user in builder.users {
            if let role = user.role { usersInRole[role, default: []].append(user.id) }
            if user.kind == .partner, let account = user.account, recordsByOwner[user.id] != nil {
                partnerMates[account, default: []].append(user.id)
            }
        }
        for group in builder.groups {
            for member in reference.members(of: .group(group.id)).users.sorted() {
                groupsOf[member, default: []].append(group.id)
            }
        }
        for share in builder.shares {
            if let i = recordIndex[share.record] { sharedWith[share.to.description, default: []].append(i) }
        }
        for rule in builder.rules {
            switch rule.selector {
            case .owner(let from):
                ruleRecords[rule.id] = reference.members(of: from).users.sorted().flatMap { recordsByOwner[$0] ?? [] }
            case .criteria(let field, let equals):
                ruleRecords[rule.id] = builder.records.indices.filter {
                    builder.records[$0].object == rule.object && builder.records[$0].value(of: field) == equals
                }
            }
        }
    }

    private mutating func usersBelow(_ role: String, strict: Bool) -> [String] {
        let key = strict ? "<" + role : role
        if let known = subtreeUsers[key] { return known }
        var out: [String] = []
        for r in reference.subtree(role) where !(strict && r == role) { out += usersInRole[r] ?? [] }
        subtreeUsers[key] = out
        return out
    }

    private func shares(of userID: String) -> [Int] {
        var out = sharedWith[WorkloadGrantee.user(userID).description] ?? []
        for group in groupsOf[userID] ?? [] { out += sharedWith[WorkloadGrantee.group(group).description] ?? [] }
        return out
    }

    private mutating func relatedRecord(_ user: WorkloadUser) -> Int? {
        let s = random.unit()
        if s < 0.2, let role = user.role {
            let owners = usersBelow(role, strict: false).filter { recordsByOwner[$0] != nil }
            if !owners.isEmpty { return random.pick(recordsByOwner[random.pick(owners)]!) }
        }
        if s < 0.35, let account = user.account, let mine = recordsByAccount[account] { return random.pick(mine) }
        if s < 0.55 {
            let mine = builder.rules.filter { reference.members(of: $0.to).reaches(user) && !(ruleRecords[$0.id] ?? []).isEmpty }
            if !mine.isEmpty { return random.pick(ruleRecords[random.pick(mine).id]!) }
        }
        if s < 0.7 {
            let shared = shares(of: user.id)
            if !shared.isEmpty { return random.pick(shared) }
        }
        if s < 0.8, let role = user.role {
            let below = usersBelow(role, strict: true)
            for _ in 0..<(below.isEmpty ? 0 : 3) {
                let shared = shares(of: random.pick(below))
                if !shared.isEmpty { return random.pick(shared) }
            }
        }
        if s < 0.9, user.kind == .partner, let account = user.account, let mates = partnerMates[account] {
            return random.pick(recordsByOwner[random.pick(mates)]!)
        }
        return recordsByOwner[user.id].map { random.pick($0) }
    }

    private func user(_ id: String) -> WorkloadUser { builder.users[builder.userIndex[id]!] }

    mutating func makeChecks() -> [CheckSample] {
        let kinds = WeightedPicker([UserKind.internal, .partner, .customer], weights: [40, 35, 25])
        let pools: [UserKind: [String]] = [
            .internal: builder.internalUsers, .partner: builder.partnerUsers, .customer: builder.customerUsers,
        ]
        let supers = builder.users.filter(\.superUser).map(\.id)
        var out: [CheckSample] = []
        out.reserveCapacity(builder.scale.checks)
        for _ in 0..<builder.scale.checks {
            var userID: String
            if random.unit() < 0.04, !supers.isEmpty {
                userID = random.pick(supers)
                if random.unit() < 0.3, let role = user(userID).role, let boss = builder.roles.first(where: { $0.id == role })?.parent,
                   let bosses = usersInRole[boss], !bosses.isEmpty {
                    userID = random.pick(bosses)
                }
            } else {
                userID = random.pick(pools[kinds.pick(&random)]!)
            }
            let index = (random.unit() < 0.6 ? relatedRecord(user(userID)) : nil) ?? random.index(builder.records.count)
            let recordID = builder.records[index].id
            let action: WorkloadAction = random.unit() < 0.5 ? .read : .edit
            out.append(
                CheckSample(
                    user: userID, record: recordID, action: action,
                    expected: reference.allows(user: userID, record: recordID, action: action)))
        }
        return out
    }

    mutating func makeLists() -> [ListSample] {
        var chosen: [String] = []
        var seen = Set<String>()
        func take(_ id: String) { if seen.insert(id).inserted { chosen.append(id) } }
        let high = builder.users.filter { u in
            u.kind == .internal && u.role.map { (builder.roleDepth[$0] ?? 99) <= 3 } == true
        }.map(\.id)
        random.sample(high, 8).forEach(take)
        random.sample(builder.users.filter(\.superUser).map(\.id), 12).forEach(take)
        let executives = builder.partnerUsers.filter { id in
            let u = user(id)
            return u.role == builder.partnerRoles[u.account!]?.executive
        }
        random.sample(executives, 12).forEach(take)
        let kinds = WeightedPicker([UserKind.internal, .partner, .customer], weights: [40, 35, 25])
        let pools: [UserKind: [String]] = [
            .internal: builder.internalUsers, .partner: builder.partnerUsers, .customer: builder.customerUsers,
        ]
        let target = min(builder.scale.listUsers, builder.users.count)
        while chosen.count < target { take(random.pick(pools[kinds.pick(&random)]!)) }
        return chosen.flatMap { id in
            [WorkloadObject.case, .opportunity].map {
                ListSample(user: id, object: $0, expectedCount: reference.readableCount(user: id, object: $0))
            }
        }
    }
}
