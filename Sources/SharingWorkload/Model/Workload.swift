/// A whole sharing workload (see the README's "Sharing benchmark" section): configuration,
/// records, and sampled questions with their expected answers.
public struct Workload: Sendable {
    /// The format tag, `sharing-workload/1`.
    public static let format = "sharing-workload/1"

    /// `small`, `medium`, `large`, or whatever the file says.
    public var scale: String
    /// The generator's seed.
    public var seed: Int
    /// Org-wide defaults.
    public var orgDefaults: OrgDefaults
    /// Profiles.
    public var profiles: [WorkloadProfile]
    /// Roles (internal tree with partner roles under account owners' roles).
    public var roles: [WorkloadRole]
    /// Users.
    public var users: [WorkloadUser]
    /// Public groups.
    public var groups: [WorkloadGroup]
    /// Accounts.
    public var accounts: [WorkloadAccount]
    /// Sharing rules.
    public var sharingRules: [SharingRuleSpec]
    /// Sharing sets.
    public var sharingSets: [SharingSetSpec]
    /// Manual shares.
    public var manualShares: [ManualShareSpec]
    /// Opportunity and Case records.
    public var records: [WorkloadRecord]
    /// Sampled checks with expected answers.
    public var checks: [CheckSample]
    /// Sampled listings with expected sizes.
    public var lists: [ListSample]

    /// Creates a workload.
    public init(
        scale: String, seed: Int, orgDefaults: OrgDefaults, profiles: [WorkloadProfile], roles: [WorkloadRole],
        users: [WorkloadUser], groups: [WorkloadGroup], accounts: [WorkloadAccount],
        sharingRules: [SharingRuleSpec], sharingSets: [SharingSetSpec], manualShares: [ManualShareSpec],
        records: [WorkloadRecord], checks: [CheckSample] = [], lists: [ListSample] = []
    ) {
        self.scale = scale
        self.seed = seed
        self.orgDefaults = orgDefaults
        self.profiles = profiles
        self.roles = roles
        self.users = users
        self.groups = groups
        self.accounts = accounts
        self.sharingRules = sharingRules
        self.sharingSets = sharingSets
        self.manualShares = manualShares
        self.records = records
        self.checks = checks
        self.lists = lists
    }

    /// Checks that every id a workload names exists, ids are unique, and roles and groups
    /// have no cycles.
    public func validate() throws(WorkloadError) {
        func unique(_ ids: [String], _ section: String) throws(WorkloadError) -> Set<String> {
            var seen = Set<String>()
            seen.reserveCapacity(ids.count)
            for id in ids where !seen.insert(id).inserted {
                throw .duplicateID(section: section, id: id)
            }
            return seen
        }
        let profileIDs = try unique(profiles.map(\.id), "profiles")
        let roleIDs = try unique(roles.map(\.id), "roles")
        let userIDs = try unique(users.map(\.id), "users")
        let groupIDs = try unique(groups.map(\.id), "groups")
        let accountIDs = try unique(accounts.map(\.id), "accounts")
        let recordIDs = try unique(records.map(\.id), "records")
        func need(_ set: Set<String>, _ id: String?, _ kind: String, _ from: String) throws(WorkloadError) {
            if let id, !set.contains(id) { throw .unknownReference(kind: kind, id: id, referencedBy: from) }
        }
        func need(_ grantee: WorkloadGrantee, _ from: String) throws(WorkloadError) {
            switch grantee {
            case .user(let id): try need(userIDs, id, "user", from)
            case .role(let id), .roleAndSubordinates(let id): try need(roleIDs, id, "role", from)
            case .group(let id): try need(groupIDs, id, "group", from)
            }
        }
        for role in roles {
            try need(roleIDs, role.parent, "role", "role \(role.id)")
            try need(accountIDs, role.account, "account", "role \(role.id)")
        }
        for user in users {
            try need(roleIDs, user.role, "role", "user \(user.id)")
            try need(profileIDs, user.profile, "profile", "user \(user.id)")
            try need(accountIDs, user.account, "account", "user \(user.id)")
        }
        for group in groups {
            for member in group.members { try need(member, "group \(group.id)") }
        }
        for account in accounts { try need(userIDs, account.owner, "user", "account \(account.id)") }
        for rule in sharingRules {
            if case .owner(let from) = rule.selector { try need(from, "sharing rule \(rule.id)") }
            try need(rule.to, "sharing rule \(rule.id)")
        }
        for share in manualShares {
            try need(recordIDs, share.record, "record", "manual share")
            try need(share.to, "manual share of \(share.record)")
        }
        for record in records { try need(userIDs, record.owner, "user", "record \(record.id)") }
        for check in checks {
            try need(userIDs, check.user, "user", "check")
            try need(recordIDs, check.record, "record", "check")
        }
        for list in lists { try need(userIDs, list.user, "user", "list") }
        try checkAcyclic()
    }

    private func checkAcyclic() throws(WorkloadError) {
        var parent: [String: String] = [:]
        for role in roles { if let p = role.parent { parent[role.id] = p } }
        var done = Set<String>()
        for role in roles where !done.contains(role.id) {
            var path: [String] = []
            var onPath = Set<String>()
            var current: String? = role.id
            while let id = current, !done.contains(id) {
                if !onPath.insert(id).inserted { throw .cycle(kind: "role", id: id) }
                path.append(id)
                current = parent[id]
            }
            done.formUnion(path)
        }
        try WorkloadGroup.checkAcyclic(groups)
    }
}
