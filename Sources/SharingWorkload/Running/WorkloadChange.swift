/// A change to a running configuration whose effect the benchmark times and verifies.
public enum WorkloadChange: Sendable, Hashable, CustomStringConvertible {
    /// A role gets a new parent.
    case moveRole(role: String, newParent: String?)
    /// A member joins a public group.
    case addGroupMember(group: String, member: WorkloadGrantee)
    /// A member leaves a public group.
    case removeGroupMember(group: String, member: WorkloadGrantee)
    /// A sharing rule is created.
    case addSharingRule(SharingRuleSpec)
    /// A record gets a new owner.
    case changeOwner(record: String, newOwner: String)
    /// A record is created.
    case addRecord(WorkloadRecord)

    /// The change's kind, for grouping in reports.
    public var kind: String {
        switch self {
        case .moveRole: "role move"
        case .addGroupMember: "group member add"
        case .removeGroupMember: "group member remove"
        case .addSharingRule: "new sharing rule"
        case .changeOwner: "owner change"
        case .addRecord: "new record"
        }
    }

    public var description: String {
        switch self {
        case .moveRole(let role, let parent): "move role \(role) under \(parent ?? "nothing")"
        case .addGroupMember(let group, let member): "add \(member) to \(group)"
        case .removeGroupMember(let group, let member): "remove \(member) from \(group)"
        case .addSharingRule(let rule): "new rule \(rule.id) on \(rule.object.rawValue)"
        case .changeOwner(let record, let owner): "give \(record) to \(owner)"
        case .addRecord(let record): "new \(record.object.rawValue) \(record.id) owned by \(record.owner)"
        }
    }

    /// Whether the change touches records (owner change, new record) rather than configuration.
    public var touchesRecords: Bool {
        switch self {
        case .changeOwner, .addRecord: true
        default: false
        }
    }

    /// Applies the change to a workload (the reference side of a change). The ids the change
    /// names must exist, new ids must be new, and a role move must not create a cycle.
    public func apply(to workload: inout Workload) throws(WorkloadError) {
        try check(against: workload)
        switch self {
        case .moveRole(let role, let newParent):
            guard let i = workload.roles.firstIndex(where: { $0.id == role }) else {
                throw .unknownReference(kind: "role", id: role, referencedBy: description)
            }
            workload.roles[i].parent = newParent
        case .addGroupMember(let group, let member):
            guard let i = workload.groups.firstIndex(where: { $0.id == group }) else {
                throw .unknownReference(kind: "group", id: group, referencedBy: description)
            }
            workload.groups[i].members.append(member)
        case .removeGroupMember(let group, let member):
            guard let i = workload.groups.firstIndex(where: { $0.id == group }) else {
                throw .unknownReference(kind: "group", id: group, referencedBy: description)
            }
            workload.groups[i].members.removeAll { $0 == member }
        case .addSharingRule(let rule):
            workload.sharingRules.append(rule)
        case .changeOwner(let record, let owner):
            guard let i = workload.records.firstIndex(where: { $0.id == record }) else {
                throw .unknownReference(kind: "record", id: record, referencedBy: description)
            }
            workload.records[i].owner = owner
        case .addRecord(let record):
            workload.records.append(record)
        }
    }

    private func check(against w: Workload) throws(WorkloadError) {
        func need(_ found: Bool, _ kind: String, _ id: String) throws(WorkloadError) {
            if !found { throw .unknownReference(kind: kind, id: id, referencedBy: description) }
        }
        func need(_ grantee: WorkloadGrantee) throws(WorkloadError) {
            switch grantee {
            case .user(let id): try need(w.users.contains { $0.id == id }, "user", id)
            case .role(let id), .roleAndSubordinates(let id): try need(w.roles.contains { $0.id == id }, "role", id)
            case .group(let id): try need(w.groups.contains { $0.id == id }, "group", id)
            }
        }
        switch self {
        case .moveRole(let role, let newParent):
            try need(w.roles.contains { $0.id == role }, "role", role)
            guard let newParent else { return }
            try need(w.roles.contains { $0.id == newParent }, "role", newParent)
            let parent = Dictionary(w.roles.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
            var current: String? = newParent
            var steps = 0
            while let r = current, steps <= w.roles.count {
                if r == role { throw .cycle(kind: "role", id: role) }
                current = parent[r] ?? nil
                steps += 1
            }
        case .addGroupMember(let group, let member), .removeGroupMember(let group, let member):
            try need(w.groups.contains { $0.id == group }, "group", group)
            try need(member)
            if case .group(let nested) = member, case .addGroupMember = self {
                var added = w
                if let i = added.groups.firstIndex(where: { $0.id == group }) { added.groups[i].members.append(member) }
                do { try WorkloadGroup.checkAcyclic(added.groups) } catch { throw .cycle(kind: "group", id: nested) }
            }
        case .addSharingRule(let rule):
            try need(!w.sharingRules.contains { $0.id == rule.id }, "new sharing rule id (already used)", rule.id)
            if case .owner(let from) = rule.selector { try need(from) }
            try need(rule.to)
        case .changeOwner(let record, let owner):
            try need(w.records.contains { $0.id == record }, "record", record)
            try need(w.users.contains { $0.id == owner }, "user", owner)
        case .addRecord(let record):
            try need(!w.records.contains { $0.id == record.id }, "new record id (already used)", record.id)
            try need(w.users.contains { $0.id == record.owner }, "user", record.owner)
        }
    }
}
