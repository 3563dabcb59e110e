import Foundation

/// The mutable state of one generation run (see ``WorkloadGenerator``).
struct WorkloadBuilder {
    enum Branch: Hashable { case executive, sales, channel, support, marketing, finance, partner }

    let scale: WorkloadScale
    let seed: Int
    var random: SeededRandom
    var roles: [WorkloadRole] = []
    var roleDepth: [String: Int] = [:]
    var roleBranch: [String: Branch] = [:]
    var roleChildren: [String: [String]] = [:]
    var internalRoleIDs: [String] = []
    var users: [WorkloadUser] = []
    var userIndex: [String: Int] = [:]
    var internalUsers: [String] = []
    var partnerUsers: [String] = []
    var customerUsers: [String] = []
    var accounts: [WorkloadAccount] = []
    var accountRegion: [String: String] = [:]
    var partnerAccounts: [String] = []
    var customerAccounts: [String] = []
    var partnerRoles: [String: (executive: String, manager: String, user: String)] = [:]
    var keyAccounts: [String] = []
    var groups: [WorkloadGroup] = []
    var internalGroups: [String] = []
    var partnerGroups: [String] = []
    var rules: [SharingRuleSpec] = []
    var records: [WorkloadRecord] = []
    var shares: [ManualShareSpec] = []
    let regionPicker = WeightedPicker(WorkloadGenerator.regions, weights: WorkloadGenerator.regionWeights)

    init(scale: WorkloadScale, seed: Int) {
        self.scale = scale
        self.seed = seed
        random = SeededRandom(text: "communitykit-sharing:\(scale.name):\(seed)")
    }

    mutating func build() -> Workload {
        makeInternalRoles()
        makeInternalUsers()
        makeAccountsAndExternalUsers()
        makeGroups()
        makeRules()
        makeRecords()
        makeManualShares()
        var workload = Workload(
            scale: scale.name, seed: seed, orgDefaults: WorkloadGenerator.orgDefaults,
            profiles: WorkloadGenerator.profiles, roles: roles, users: users, groups: groups, accounts: accounts,
            sharingRules: rules, sharingSets: WorkloadGenerator.sharingSets, manualShares: shares, records: records)
        let reference = ReferenceEvaluator(workload)
        var sampler = SampleMaker(builder: self, reference: reference)
        workload.checks = sampler.makeChecks()
        workload.lists = sampler.makeLists()
        return workload
    }

    // MARK: Roles

    @discardableResult
    mutating func newRole(parent: String?, branch: Branch, kind: WorkloadRole.Kind = .internal, account: String? = nil)
        -> String
    {
        let id = "r\(roles.count + 1)"
        roles.append(WorkloadRole(id: id, parent: parent, kind: kind, account: account))
        roleDepth[id] = parent.map { (roleDepth[$0] ?? 0) + 1 } ?? 1
        roleBranch[id] = branch
        if let parent { roleChildren[parent, default: []].append(id) }
        return id
    }

    mutating func addChildren(_ role: String) -> [String] {
        let branch = roleBranch[role] ?? .executive
        return (0..<random.int(in: 2...5)).map { _ in newRole(parent: role, branch: branch) }
    }

    mutating func makeInternalRoles() {
        let root = newRole(parent: nil, branch: .executive)
        let branches: [Branch] = [.sales, .channel, .support, .marketing, .finance]
        let tops = branches.map { newRole(parent: root, branch: $0) }
        // Sales reaches full depth; channel and support one level less.
        for (top, bottom) in [(tops[0], scale.depth), (tops[1], scale.depth - 1), (tops[2], scale.depth - 1)] {
            var node = top
            while (roleDepth[node] ?? 0) < bottom { node = addChildren(node)[0] }
        }
        while roles.count < scale.internalRoles {
            let leaves = roles.map(\.id).filter { roleChildren[$0] == nil && (roleDepth[$0] ?? 0) < scale.depth }
            _ = addChildren(random.pick(leaves))
        }
        internalRoleIDs = roles.map(\.id)
    }

    // MARK: Users

    mutating func newUser(
        _ kind: UserKind, role: String?, profile: String, account: String? = nil, superUser: Bool = false
    ) -> String {
        let id = "u\(users.count + 1)"
        userIndex[id] = users.count
        users.append(
            WorkloadUser(id: id, kind: kind, role: role, profile: profile, account: account, superUser: superUser))
        return id
    }

    mutating func internalProfile(for role: String?) -> String {
        guard let role, let branch = roleBranch[role] else {
            return random.pick(["StandardUser", "ReadOnly", "Marketing", "Finance"])
        }
        let leaf = roleChildren[role] == nil
        switch branch {
        case .executive: return "StandardUser"
        case .sales: return leaf ? "SalesRep" : "SalesManager"
        case .channel: return "ChannelManager"
        case .support: return leaf ? "SupportAgent" : "SupportManager"
        case .finance: return random.pick(["Finance", "Finance", "ReadOnly"])
        case .marketing, .partner: return random.pick(["Marketing", "Marketing", "StandardUser"])
        }
    }

    mutating func makeInternalUsers() {
        let withoutRole = max(2, scale.internalUsers / 50)
        var assignment: [String?] = internalRoleIDs  // every role has at least one user
        let picker = WeightedPicker(internalRoleIDs, weights: internalRoleIDs.map { roleChildren[$0] == nil ? 3 : 1 })
        for _ in 0..<(scale.internalUsers - internalRoleIDs.count - withoutRole) { assignment.append(picker.pick(&random)) }
        assignment.append(contentsOf: [String?](repeating: nil, count: withoutRole))
        for role in assignment {
            let profile = internalProfile(for: role)
            internalUsers.append(newUser(.internal, role: role, profile: profile))
        }
        for admin in random.sample(Array(internalUsers.dropFirst()), max(2, scale.internalUsers / 1000)) {
            users[userIndex[admin]!].profile = "SystemAdministrator"
        }
    }

    func internalUsers(in branch: Branch) -> [String] {
        internalUsers.filter { id in
            guard let role = users[userIndex[id]!].role else { return false }
            return roleBranch[role] == branch
        }
    }

    mutating func makeAccountsAndExternalUsers() {
        let channel = internalUsers(in: .channel)
        let sales = internalUsers(in: .sales)
        for _ in 0..<scale.partnerAccounts {
            let id = "a\(accounts.count + 1)"
            let owner = random.pick(channel)
            let region = regionPicker.pick(&random)
            accounts.append(WorkloadAccount(id: id, owner: owner, region: region, partner: true))
            accountRegion[id] = region
            let ownerRole = users[userIndex[owner]!].role
            let executive = newRole(parent: ownerRole, branch: .partner, kind: .partner, account: id)
            let manager = newRole(parent: executive, branch: .partner, kind: .partner, account: id)
            let user = newRole(parent: manager, branch: .partner, kind: .partner, account: id)
            partnerRoles[id] = (executive, manager, user)
            partnerAccounts.append(id)
        }
        let customerAccountCount = max(1, scale.customerUsers / 2)
        let accountOwners = spread(sales, total: customerAccountCount, exponent: 1.0, cap: max(50, customerAccountCount / 20))
        for owner in accountOwners {
            let id = "a\(accounts.count + 1)"
            let region = regionPicker.pick(&random)
            accounts.append(WorkloadAccount(id: id, owner: owner, region: region, partner: false))
            accountRegion[id] = region
            customerAccounts.append(id)
        }
        // Partner users: every account has one, its first an Executive.
        let perAccount = WeightedPicker<Int>.quotas(
            total: scale.partnerUsers, weights: WeightedPicker<Int>.zipf(partnerAccounts.count, exponent: 1.0),
            cap: max(20, scale.partnerUsers / 10), floor: 1)
        var order = partnerAccounts
        random.shuffle(&order)
        let partnerProfiles = WeightedPicker(
            ["PartnerCommunity", "PartnerCommunityLogin", "PartnerSupport"], weights: [60, 20, 20])
        for (account, count) in zip(order, perAccount) {
            let (executive, manager, user) = partnerRoles[account]!
            let rolePicker = WeightedPicker([executive, manager, user], weights: [15, 30, 55])
            for i in 0..<count {
                let role = i == 0 ? executive : rolePicker.pick(&random)
                let profile = i == 0 ? "PartnerCommunity" : partnerProfiles.pick(&random)
                partnerUsers.append(newUser(.partner, role: role, profile: profile, account: account))
            }
        }
        let candidates = partnerUsers.filter { id in
            let u = users[userIndex[id]!]
            return u.role != partnerRoles[u.account!]!.executive
        }
        let superCount = max(1, Int((Double(partnerUsers.count) * 0.035).rounded()))
        for id in random.sample(candidates, superCount) { users[userIndex[id]!].superUser = true }
        // High-volume customer users, skewed over customer accounts.
        let customerProfiles = WeightedPicker(
            ["CustomerCommunity", "CustomerCommunityLogin", "CustomerCommunityPlus"], weights: [60, 25, 15])
        for account in spread(customerAccounts, total: scale.customerUsers, exponent: 1.0, cap: max(10, scale.customerUsers / 50)) {
            let profile = customerProfiles.pick(&random)
            customerUsers.append(newUser(.customer, role: nil, profile: profile, account: account))
        }
        keyAccounts = random.sample(customerAccounts, max(5, customerAccounts.count / 100))
    }

    /// `total` draws from `items` with Zipf-skewed counts, each at most `cap`, shuffled.
    mutating func spread(_ items: [String], total: Int, exponent: Double, cap: Int) -> [String] {
        var order = items
        random.shuffle(&order)
        let counts = WeightedPicker<Int>.quotas(
            total: total, weights: WeightedPicker<Int>.zipf(order.count, exponent: exponent), cap: cap)
        var out: [String] = []
        out.reserveCapacity(total)
        for (item, count) in zip(order, counts) { out.append(contentsOf: repeatElement(item, count: count)) }
        random.shuffle(&out)
        return out
    }

    // MARK: Groups and rules

    mutating func makeGroups() {
        let partnerCount = max(2, scale.groups / 6)
        let internalCount = scale.groups - partnerCount
        let withRole = internalUsers.filter { users[userIndex[$0]!].role != nil }
        let deepRoles = internalRoleIDs.filter { (roleDepth[$0] ?? 0) >= 4 }
        let quietRoles = deepRoles.filter { roleBranch[$0] != .channel }
        var level: [String: Int] = [:]
        for i in 0..<internalCount {
            let id = "g\(groups.count + 1)"
            let myLevel = i < internalCount / 2 ? 1 : (i < internalCount * 4 / 5 ? 2 : 3)
            level[id] = myLevel
            var members: [WorkloadGrantee] = []
            if myLevel == 1 {
                for kind in random.sample(["users", "role", "subordinates"], random.int(in: 1...2)).sorted() {
                    switch kind {
                    case "users": members += random.sample(withRole, random.int(in: 2...16)).map { .user($0) }
                    case "role": members += random.sample(internalRoleIDs, random.int(in: 1...2)).map { .role($0) }
                    default:
                        let pool = random.unit() < 0.15 || quietRoles.isEmpty ? deepRoles : quietRoles
                        members.append(.roleAndSubordinates(random.pick(pool)))
                    }
                }
            } else {
                let lower = internalGroups.filter { level[$0] == myLevel - 1 }
                members += random.sample(lower, random.int(in: 1...2)).map { .group($0) }
                let lowest = internalGroups.filter { (level[$0] ?? 0) < myLevel - 1 }
                if !lowest.isEmpty, random.unit() < 0.2 { members.append(.group(random.pick(lowest))) }
                if random.unit() < 0.5 { members += random.sample(withRole, random.int(in: 1...5)).map { .user($0) } }
            }
            groups.append(WorkloadGroup(id: id, members: members))
            internalGroups.append(id)
        }
        for i in 0..<partnerCount {
            let id = "g\(groups.count + 1)"
            var members: [WorkloadGrantee] = []
            if i >= 2, random.unit() < 0.3 {
                members = random.sample(partnerGroups, 2).map { .group($0) }
            } else {
                for account in random.sample(partnerAccounts, random.int(in: 2...6)) {
                    let (executive, manager, _) = partnerRoles[account]!
                    members.append(
                        random.pick([.roleAndSubordinates(executive), .roleAndSubordinates(executive), .role(manager),
                                     .role(executive)]))
                }
                if random.unit() < 0.5 { members.append(.user(random.pick(partnerUsers))) }
            }
            groups.append(WorkloadGroup(id: id, members: members))
            partnerGroups.append(id)
        }
    }

    mutating func randomTarget() -> WorkloadGrantee {
        let x = random.unit()
        if x < 0.45 { return .group(random.pick(internalGroups)) }
        if x < 0.7 { return .roleAndSubordinates(random.pick(internalRoleIDs.filter { (roleDepth[$0] ?? 0) >= 3 })) }
        if x < 0.82 { return .role(random.pick(internalRoleIDs)) }
        if x < 0.92 { return .group(random.pick(partnerGroups)) }
        return .roleAndSubordinates(partnerRoles[random.pick(partnerAccounts)]!.executive)
    }

    mutating func makeRules() {
        for i in 0..<scale.ownerRules {
            let object: WorkloadObject = i % 2 == 0 ? .opportunity : .case
            let x = random.unit()
            let from: WorkloadGrantee
            if x < 0.35 {
                from = .roleAndSubordinates(random.pick(internalRoleIDs.filter { (roleDepth[$0] ?? 0) >= 2 }))
            } else if x < 0.5 {
                from = .role(random.pick(internalRoleIDs))
            } else if x < 0.8 {
                from = .group(random.pick(internalGroups))
            } else {
                from = .roleAndSubordinates(partnerRoles[random.pick(partnerAccounts)]!.executive)
            }
            let to = randomTarget()
            let access: WorkloadAccessLevel = random.unit() < 0.3 ? .edit : .read
            rules.append(
                SharingRuleSpec(id: "sr\(rules.count + 1)", object: object, selector: .owner(from: from), to: to, access: access))
        }
        for i in 0..<scale.criteriaRules {
            let object: WorkloadObject = i % 2 == 0 ? .case : .opportunity
            let selector: SharingRuleSpec.Selector
            let to: WorkloadGrantee
            if random.unit() < 0.55 {
                selector = .criteria(field: .region, equals: random.pick(Array(WorkloadGenerator.regions.dropFirst())))
                to = random.unit() < 0.7 ? .group(random.pick(internalGroups)) : randomTarget()
            } else {
                selector = .criteria(field: .account, equals: random.pick(keyAccounts))
                if random.unit() < 0.6 {
                    let account = random.pick(partnerAccounts)
                    to = random.unit() < 0.5
                        ? .roleAndSubordinates(partnerRoles[account]!.executive) : .group(random.pick(partnerGroups))
                } else {
                    to = randomTarget()
                }
            }
            let access: WorkloadAccessLevel = random.unit() < 0.25 ? .edit : .read
            rules.append(SharingRuleSpec(id: "sr\(rules.count + 1)", object: object, selector: selector, to: to, access: access))
        }
    }

    // MARK: Records and shares

    func owners(kind: UserKind, object: WorkloadObject, profiles: Set<String>?) -> [String] {
        let permissions = Dictionary(uniqueKeysWithValues: WorkloadGenerator.profiles.map { ($0.id, $0) })
        return users.filter { u in
            u.kind == kind && (kind == .customer || u.role != nil)
                && permissions[u.profile]?.permission(on: object) == .edit
                && (profiles?.contains(u.profile) ?? true)
        }.map(\.id)
    }

    mutating func makeRecords() {
        let opportunityCount = scale.records * 45 / 100
        let caseCount = scale.records - opportunityCount
        let cap = WorkloadGenerator.maxRecordsPerOwner
        let internalOpportunity = opportunityCount * 70 / 100
        var opportunityOwners = spread(
            owners(kind: .internal, object: .opportunity, profiles: ["SalesRep", "SalesManager", "ChannelManager"]),
            total: internalOpportunity, exponent: 1.0, cap: cap)
        opportunityOwners += spread(
            owners(kind: .partner, object: .opportunity, profiles: nil), total: opportunityCount - internalOpportunity,
            exponent: 1.0, cap: cap)
        let internalCases = caseCount * 65 / 100
        let partnerCases = caseCount * 15 / 100
        var caseOwners = spread(
            owners(kind: .internal, object: .case, profiles: ["SupportAgent", "SupportManager", "ChannelManager"]),
            total: internalCases, exponent: 1.0, cap: cap)
        caseOwners += spread(owners(kind: .partner, object: .case, profiles: nil), total: partnerCases, exponent: 1.0, cap: cap)
        caseOwners += spread(
            owners(kind: .customer, object: .case, profiles: nil), total: caseCount - internalCases - partnerCases,
            exponent: 0.5, cap: cap)
        random.shuffle(&opportunityOwners)
        random.shuffle(&caseOwners)

        let customerPicker = WeightedPicker(customerAccounts, weights: WeightedPicker<Int>.zipf(customerAccounts.count, exponent: 0.5))
        let partnerPicker = WeightedPicker(partnerAccounts, weights: WeightedPicker<Int>.zipf(partnerAccounts.count, exponent: 0.5))
        var ownedAccounts: [String: [String]] = [:]
        for account in accounts { ownedAccounts[account.owner, default: []].append(account.id) }

        var objects = [WorkloadObject](repeating: .opportunity, count: opportunityCount)
            + [WorkloadObject](repeating: .case, count: caseCount)
        random.shuffle(&objects)
        var nextOpportunity = 0
        var nextCase = 0
        records.reserveCapacity(scale.records)
        for (i, object) in objects.enumerated() {
            let owner: String
            if object == .opportunity {
                owner = opportunityOwners[nextOpportunity]
                nextOpportunity += 1
            } else {
                owner = caseOwners[nextCase]
                nextCase += 1
            }
            let ownerUser = users[userIndex[owner]!]
            let x = random.unit()
            let account: String
            switch ownerUser.kind {
            case .customer: account = ownerUser.account!
            case .partner:
                account = x < (object == .opportunity ? 0.3 : 0.5) ? ownerUser.account! : customerPicker.pick(&random)
            case .internal:
                if let mine = ownedAccounts[owner], x < 0.6 {
                    account = random.pick(mine)
                } else {
                    account = random.unit() < 0.15 ? partnerPicker.pick(&random) : customerPicker.pick(&random)
                }
            }
            let region = random.unit() < 0.9 ? accountRegion[account]! : regionPicker.pick(&random)
            let amount = object == .opportunity
                ? random.pick([1, 2, 5]) * Int(pow(10.0, Double(random.int(in: 3...6)))) + random.index(1000) * 10 : 0
            records.append(
                WorkloadRecord(id: "rec\(i + 1)", object: object, owner: owner, account: account, region: region, amount: amount))
        }
    }

    mutating func makeManualShares() {
        var seen = Set<String>()
        let allGroups = internalGroups + partnerGroups
        while shares.count < scale.manualShares {
            let record = records[random.index(records.count)]
            let x = random.unit()
            let to: WorkloadGrantee = x < 0.5
                ? .user(random.pick(internalUsers)) : (x < 0.8 ? .user(random.pick(partnerUsers)) : .group(random.pick(allGroups)))
            if to == .user(record.owner) || !seen.insert("\(record.id)|\(to)").inserted { continue }
            shares.append(ManualShareSpec(record: record.id, to: to, access: random.unit() < 0.35 ? .edit : .read))
        }
    }
}
