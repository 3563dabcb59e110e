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

    /// Applies the change to a workload (the reference side of a change).
    public func apply(to workload: inout Workload) throws(WorkloadError) {
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
        try workload.validate()
    }
}
