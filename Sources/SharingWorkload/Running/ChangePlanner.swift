/// Picks the changes the benchmark applies (deterministically for a seed): role moves,
/// group membership adds and removes, new sharing rules, owner changes and new records,
/// each chosen so that it is likely to change some user's access. It also names, for each
/// change, the users whose access it may affect, so that they can be verified.
public struct ChangePlanner: Sendable {
    private var random: SeededRandom

    /// Creates a planner.
    public init(seed: Int) { random = SeededRandom(text: "communitykit-sharing-changes:\(seed)") }

    /// The kinds of change, in the order the benchmark applies them.
    public static let kinds = [
        "role move", "group member add", "group member remove", "new sharing rule", "owner change", "new record",
    ]

    /// A change of kind `kind` (one of ``kinds``) for the current workload; `nil` if none fits.
    public mutating func change(_ kind: String, in w: Workload, reference: ReferenceEvaluator, serial: Int) -> WorkloadChange? {
        let users = Dictionary(w.users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let owners = Set(w.records.map(\.owner))
        let internalRoles = w.roles.filter { $0.kind == .internal }
        let rolesWithUsers = Set(w.users.compactMap(\.role))
        let rolesWithOwners = Set(w.users.filter { owners.contains($0.id) }.compactMap(\.role))
        let targetedGroups = Set(
            w.sharingRules.compactMap { if case .group(let g) = $0.to { g } else { nil } }
                + w.manualShares.compactMap { if case .group(let g) = $0.to { g } else { nil } })
        switch kind {
        case "role move":
            let depth = depths(w)
            let movable = internalRoles.filter { role in
                (depth[role.id] ?? 0) >= 3 && reference.subtree(role.id).contains { rolesWithOwners.contains($0) }
            }
            guard !movable.isEmpty else { return nil }
            let role = random.pick(movable.sorted { $0.id < $1.id })
            let inside = Set(reference.subtree(role.id))
            let parents = internalRoles.filter {
                !inside.contains($0.id) && $0.id != role.parent && (depth[$0.id] ?? 0) <= 3
            }
            guard !parents.isEmpty else { return nil }
            return .moveRole(role: role.id, newParent: random.pick(parents).id)
        case "group member add":
            let groups = w.groups.filter { targetedGroups.contains($0.id) }
            guard !groups.isEmpty else { return nil }
            let group = random.pick(groups)
            let candidates = w.users.filter { $0.kind == .internal && $0.role != nil }
            guard !candidates.isEmpty else { return nil }
            return .addGroupMember(group: group.id, member: .user(random.pick(candidates).id))
        case "group member remove":
            let groups = w.groups.filter { g in
                targetedGroups.contains(g.id) && g.members.contains { if case .user = $0 { true } else { false } }
            }
            guard !groups.isEmpty else { return nil }
            let group = random.pick(groups)
            let members = group.members.filter { if case .user = $0 { true } else { false } }
            return .removeGroupMember(group: group.id, member: random.pick(members))
        case "new sharing rule":
            let roles = internalRoles.filter { rolesWithUsers.contains($0.id) }
            guard !roles.isEmpty else { return nil }
            let region = random.pick(WorkloadGenerator.regions)
            let rule = SharingRuleSpec(
                id: "bench-rule-\(serial)", object: .opportunity, selector: .criteria(field: .region, equals: region),
                to: .role(random.pick(roles).id), access: random.unit() < 0.5 ? .read : .edit)
            return .addSharingRule(rule)
        case "owner change":
            let opportunities = w.records.indices.filter {
                w.records[$0].object == .opportunity && users[w.records[$0].owner]?.kind == .internal
            }
            let newOwners = w.users.filter { $0.kind == .internal && $0.role != nil }
            guard !opportunities.isEmpty, !newOwners.isEmpty else { return nil }
            let record = w.records[random.pick(opportunities)]
            let owner = random.pick(newOwners)
            guard owner.id != record.owner else { return nil }
            return .changeOwner(record: record.id, newOwner: owner.id)
        case "new record":
            let partners = w.users.filter { $0.kind == .partner && $0.role != nil }
            guard !partners.isEmpty else { return nil }
            let owner = random.pick(partners)
            let region = w.accounts.first { $0.id == owner.account }?.region
            return .addRecord(
                WorkloadRecord(
                    id: "bench-rec-\(serial)", object: random.unit() < 0.5 ? .case : .opportunity, owner: owner.id,
                    account: owner.account, region: region, amount: 1000))
        default:
            return nil
        }
    }

    /// Users whose access `change` may affect: a sample of at most `limit`, in a stable order.
    public mutating func affectedUsers(
        by change: WorkloadChange, before: ReferenceEvaluator, after: ReferenceEvaluator, limit: Int = 12
    ) -> [String] {
        let w = after.workload
        let users = Dictionary(w.users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String] = []
        func add(_ id: String?) { if let id, !out.contains(id) { out.append(id) } }
        /// Users in the roles above `role` in either configuration (one per role, nearest first).
        func managers(of role: String?) {
            for reference in [before, after] {
                var current = role.flatMap { r in reference.workload.roles.first { $0.id == r }?.parent }
                var seen = 0
                while let r = current, seen < 4 {
                    add(w.users.first { $0.role == r }?.id)
                    current = reference.workload.roles.first { $0.id == r }?.parent
                    seen += 1
                }
            }
        }
        switch change {
        case .moveRole(let role, _):
            add(w.users.first { $0.role == role }?.id)
            managers(of: role)
        case .addGroupMember(let group, let member), .removeGroupMember(let group, let member):
            if case .user(let id) = member {
                add(id)
                managers(of: users[id]?.role)
            }
            let members = after.members(of: .group(group)).users.sorted()
            for id in random.sample(members, 3) { add(id) }
        case .addSharingRule(let rule):
            let members = after.members(of: rule.to).users.sorted()
            for id in random.sample(members, 6) { add(id) }
            if let first = members.first { managers(of: users[first]?.role) }
        case .changeOwner(let record, let newOwner):
            let old = before.workload.records.first { $0.id == record }?.owner
            for id in [old, newOwner] {
                add(id)
                managers(of: id.flatMap { users[$0]?.role })
            }
        case .addRecord(let record):
            add(record.owner)
            managers(of: users[record.owner]?.role)
            let mates = w.users.filter { $0.account == record.account && $0.id != record.owner }.map(\.id)
            for id in random.sample(mates, 4) { add(id) }
        }
        return Array(out.prefix(limit))
    }

    private func depths(_ w: Workload) -> [String: Int] {
        let parent = Dictionary(w.roles.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        var out: [String: Int] = [:]
        for role in w.roles {
            var d = 1
            var current = parent[role.id] ?? nil
            while let p = current, d < 64 {
                d += 1
                current = parent[p] ?? nil
            }
            out[role.id] = d
        }
        return out
    }
}
