import CommunityModel
import Foundation

/// Maps a workload onto CommunityModel entities that the CommunityAccess engine reads.
///
/// - Profiles → `Profile` with object permissions (`read`, `read+edit`, plus View All /
///   Modify All); org-wide defaults → `OrgWideDefault` (private / public read / public read
///   write), grant access using hierarchies on.
/// - Roles → `Role`; a partner account's top role keeps its explicit parent (the account
///   owner's role), so no `Account` record is needed to place it.
/// - Users → `User`; customer users without a role are high-volume users.
/// - Groups → `PublicGroup` (grant access using hierarchies on); sharing rules →
///   `SharingRule` (region is the custom field `Region__c`, account is `AccountId`);
///   sharing sets → `SharingSet` on the profiles of the listed user kinds, matching the
///   user's account to the record's `AccountId`; manual shares → `RecordShare`.
/// - Records → `Opportunity` / `Case` with `AccountId` set. No `Account` (and no `Contact`)
///   records are created, so the engine's implicit sharing through accounts (account owner
///   role child access, implicit parent, Experience Cloud account access, case contact
///   access) has nothing to act on and cannot change the workload's answers.
struct EngineEntities {
    static let regionField = "Region__c"
    static let amountField = "Amount__c"
    static let closeDate = Day(Date(timeIntervalSince1970: 1_800_000_000))

    let usesAmount: Bool
    var roleEntities: [String: Role] = [:]
    var groupEntities: [String: PublicGroup] = [:]

    init(_ w: Workload) {
        usesAmount = w.sharingRules.contains {
            if case .criteria(.amount, _) = $0.selector { true } else { false }
        }
    }

    static func id<E>(_ text: String, _ what: String) throws(WorkloadError) -> ID<E> {
        do {
            return try ID<E>(parsing: text)
        } catch {
            throw .invalidValue(line: 0, key: what, value: "\"\(text.prefix(60))\" is not a valid CommunityKit identifier")
        }
    }

    static func level(_ level: WorkloadAccessLevel) -> AccessLevel {
        switch level {
        case .none: .none
        case .read: .read
        case .edit: .edit
        }
    }

    static func model(_ level: WorkloadAccessLevel) -> OrgWideDefault.Model {
        switch level {
        case .none: .private
        case .read: .publicRead
        case .edit: .publicReadWrite
        }
    }

    static func permissions(_ p: WorkloadProfile, on object: WorkloadObject) -> ObjectPermissions {
        var out: ObjectPermissions = []
        switch p.permission(on: object) {
        case .none: break
        case .read: out = [.read]
        case .edit: out = [.read, .edit]
        }
        if p.viewAll.contains(object) { out.formUnion([.read, .viewAll]) }
        if p.modifyAll.contains(object) { out.formUnion([.read, .edit, .delete, .viewAll, .modifyAll]) }
        return out
    }

    static func grantee(_ g: WorkloadGrantee) throws(WorkloadError) -> Grantee {
        switch g {
        case .user(let id): .user(try Self.id(id, "user"))
        case .role(let id): .role(try Self.id(id, "role"))
        case .roleAndSubordinates(let id): .roleAndSubordinates(try Self.id(id, "role"))
        case .group(let id): .group(try Self.id(id, "group"))
        }
    }

    static func member(_ g: WorkloadGrantee) throws(WorkloadError) -> GroupMember {
        switch g {
        case .user(let id): .user(try Self.id(id, "user"))
        case .role(let id): .role(try Self.id(id, "role"))
        case .roleAndSubordinates(let id): .roleAndSubordinates(try Self.id(id, "role"))
        case .group(let id): .group(try Self.id(id, "group"))
        }
    }

    static func entityType(_ object: WorkloadObject) -> EntityType {
        object == .opportunity ? Opportunity.entityType : Case.entityType
    }

    /// Configuration entities (everything except records, rules and shares).
    mutating func configuration(_ w: Workload) throws(WorkloadError) -> [any Entity] {
        var out: [any Entity] = []
        for object in WorkloadObject.allCases {
            out.append(
                OrgWideDefault(
                    object: Self.entityType(object), internalAccess: Self.model(w.orgDefaults.internal[object] ?? .none),
                    externalAccess: Self.model(w.orgDefaults.external[object] ?? .none), grantAccessUsingHierarchies: true))
        }
        for p in w.profiles {
            var objects: [EntityType: ObjectPermissions] = [:]
            for object in WorkloadObject.allCases { objects[Self.entityType(object)] = Self.permissions(p, on: object) }
            out.append(Profile(id: try Self.id(p.id, "profile"), name: p.id, permissions: PermissionGrants(objects: objects)))
        }
        let parent = Dictionary(w.roles.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        let kind = Dictionary(w.roles.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for r in w.roles {
            var level: Role.ExternalLevel?
            if r.kind == .partner {
                var depth = 0
                var current = r.parent
                while let p = current, kind[p] == .partner, depth < 3 {
                    depth += 1
                    current = parent[p] ?? nil
                }
                level = depth == 0 ? .executive : (depth == 1 ? .manager : .user)
            }
            let role = Role(
                id: try Self.id(r.id, "role"), name: r.id, parentID: try r.parent.map { p throws(WorkloadError) in try Self.id(p, "role") },
                kind: r.kind == .internal ? .internal : .partner,
                accountID: try r.account.map { a throws(WorkloadError) in try Self.id(a, "account") }, externalLevel: level)
            roleEntities[r.id] = role
            out.append(role)
        }
        for u in w.users { out.append(try Self.user(u)) }
        for g in w.groups {
            let group = try Self.group(g)
            groupEntities[g.id] = group
            out.append(group)
        }
        for (i, set) in w.sharingSets.enumerated() {
            guard set.userField == .account, set.recordField == .account else {
                throw .invalidValue(
                    line: 0, key: "sharingSets[\(i)]",
                    value: "\(set.userField.rawValue)→\(set.recordField.rawValue) (the engine maps account to AccountId only)")
            }
            let profiles = Set(w.users.filter { set.userKinds.contains($0.kind) }.map(\.profile)).sorted()
            out.append(
                SharingSet(
                    id: try Self.id("ss-\(i + 1)", "sharing set"), name: "Sharing set \(i + 1)",
                    profileIDs: try profiles.map { p throws(WorkloadError) in try Self.id(p, "profile") },
                    mappings: [
                        .init(object: Self.entityType(set.object), userField: .account, recordField: "AccountId",
                              accessLevel: Self.level(set.access))
                    ]))
        }
        return out
    }

    static func user(_ u: WorkloadUser) throws(WorkloadError) -> User {
        let kind: User.Kind = switch u.kind {
        case .internal: .internal
        case .partner: .partner
        case .customer: .customer
        }
        return User(
            id: try id(u.id, "user"), kind: kind, name: u.id, email: "\(u.id)@bench.example",
            profileID: try id(u.profile, "profile"), roleID: try u.role.map { r throws(WorkloadError) in try id(r, "role") },
            accountID: try u.account.map { a throws(WorkloadError) in try id(a, "account") },
            isSuperUser: u.superUser && u.kind == .partner, isHighVolume: u.kind == .customer && u.role == nil)
    }

    static func group(_ g: WorkloadGroup) throws(WorkloadError) -> PublicGroup {
        PublicGroup(
            id: try id(g.id, "group"), name: g.id, members: try g.members.map { m throws(WorkloadError) in try member(m) },
            grantAccessUsingHierarchies: true)
    }

    static func rule(_ r: SharingRuleSpec) throws(WorkloadError) -> SharingRule {
        let selection: SharingRule.Selection
        switch r.selector {
        case .owner(let from):
            selection = .ownedBy(try grantee(from))
        case .criteria(let field, let equals):
            let criterion: SharingCriterion = switch field {
            case .region: SharingCriterion(field: regionField, equals: .picklist(equals))
            case .account: SharingCriterion(field: "AccountId", equals: .reference(equals))
            case .owner: SharingCriterion(field: "OwnerId", equals: .reference("user:\(equals)"))
            case .id: SharingCriterion(field: "Id", equals: .reference(equals))
            case .amount: SharingCriterion(field: amountField, equals: .text(equals))
            }
            selection = .criteria([criterion])
        }
        return SharingRule(
            id: try id(r.id, "sharing rule"), name: r.id, object: entityType(r.object), selection: selection,
            sharedWith: try grantee(r.to), accessLevel: level(r.access))
    }

    static func share(_ s: ManualShareSpec, object: WorkloadObject, serial: Int) throws(WorkloadError) -> RecordShare {
        RecordShare(
            id: try id("ms-\(serial)", "manual share"), object: entityType(object), recordID: s.record,
            sharedWith: try grantee(s.to), accessLevel: level(s.access))
    }

    /// Sales stages, spread over opportunities by amount so pipelines and charts have several
    /// groups; no sharing rule reads the stage, so it never changes an access answer.
    static let stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"]

    static func stage(amount: Int) -> String {
        let bucket = amount.magnitude / 1_000 % UInt(stages.count)
        return stages[Int(bucket)]
    }

    func record(_ r: WorkloadRecord) throws(WorkloadError) -> any Record {
        var custom: [String: FieldValue] = [:]
        if let region = r.region { custom[Self.regionField] = .picklist(region) }
        if usesAmount { custom[Self.amountField] = .text(String(r.amount)) }
        let account: ID<Account>? = try r.account.map { a throws(WorkloadError) in try Self.id(a, "account") }
        let owner: ID<User> = try Self.id(r.owner, "user")
        switch r.object {
        case .opportunity:
            return Opportunity(
                id: try Self.id(r.id, "record"), name: r.id, accountID: account, stage: Self.stage(amount: r.amount),
                amount: Decimal(r.amount), closeDate: Self.closeDate, owner: owner, customFields: custom)
        case .case:
            return Case(id: try Self.id(r.id, "record"), subject: r.id, accountID: account, owner: .user(owner), customFields: custom)
        }
    }
}
