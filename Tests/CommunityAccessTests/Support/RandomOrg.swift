import CommunityModel
import CommunityTesting

/// A small random org exercising every kind of grant: roles (internal, partner, customer),
/// users of every kind, nested groups, queues, owner/criteria/guest rules, manual, team and
/// programmatic shares, sharing sets and share groups, every default model.
struct RandomOrg {
    var rng: SeededRandom
    var entities: [any Entity] = []
    var internalUsers: [ID<User>] = []
    var groupableUsers: [ID<User>] = []
    var allUsers: [ID<User>] = []
    var internalRoles: [ID<Role>] = []
    var allRoles: [ID<Role>] = []
    var accounts: [ID<Account>] = []
    var contacts: [ID<Contact>] = []
    var records: [(EntityType, String)] = []
    var groups: [ID<PublicGroup>] = []
    var queues: [ID<Queue>] = []
    var guest: ID<User> = "guest"

    static let objects: [EntityType] = ["Account", "Contact", "Case", "Opportunity", "Project__c"]

    init(seed: UInt64) {
        rng = SeededRandom(seed: seed)
        build()
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }

    mutating func grantee(allowQueue: Bool = true) -> Grantee {
        switch int(0...7) {
        case 0, 1: return .user(pick(groupableUsers))
        case 2: return .group(pick(groups))
        case 3: return .role(pick(allRoles))
        case 4: return .roleAndSubordinates(pick(allRoles))
        case 5: return .roleAndInternalSubordinates(pick(internalRoles))
        case 6: return allowQueue ? .queue(pick(queues)) : .group(pick(groups))
        default: return chance(0.5) ? .allPartnerUsers : .allCustomerPortalUsers
        }
    }

    mutating func model(_ object: EntityType, cap: OrgWideDefault.Model? = nil) -> OrgWideDefault.Model {
        var options: [OrgWideDefault.Model] = [.private, .private, .publicRead, .publicReadWrite]
        if object == "Case" { options.append(.publicReadWriteTransfer) }
        if let cap { options = options.filter { $0.rank <= cap.rank } }
        return pick(options)
    }

    mutating func permissions() -> ObjectPermissions {
        pick([[], [.read], [.read, .edit], .crud, .crud, .crud, [.read, .viewAll], [.read, .edit, .modifyAll]])
    }

    mutating func build() {
        // Profiles, permission sets, a group with muting.
        for p in 0..<6 {
            var objects: [EntityType: ObjectPermissions] = [:]
            for o in Self.objects { objects[o] = permissions() }
            var system: Set<SystemPermission> = []
            if chance(0.08) { system.insert(.viewAllData) }
            if chance(0.04) { system.insert(.modifyAllData) }
            entities.append(Profile(id: ID("p\(p)"), name: "P\(p)", permissions: PermissionGrants(objects: objects, system: system)))
        }
        for s in 0..<3 {
            entities.append(PermissionSet(id: ID("ps\(s)"), name: "PS\(s)", permissions: PermissionGrants(objects: [pick(Self.objects): permissions()])))
        }
        entities.append(PermissionSet(id: "mute", name: "Mute", permissions: PermissionGrants(objects: [pick(Self.objects): [pick([.delete, .edit, .read])]])))
        entities.append(PermissionSetGroup(id: "psg", name: "PSG", permissionSetIDs: ["ps1", "ps2"], mutingPermissionSetID: "mute"))
        entities.append(Profile(id: "hv", name: "HV", permissions: PermissionGrants(objects: ["Case": .crud, "Contact": [.read, .edit], "Account": [.read], "Project__c": [.read]])))
        entities.append(Profile(id: "guestp", name: "Guest", permissions: PermissionGrants(objects: ["Case": .crud, "Project__c": [.read]])))

        // Defaults.
        for o in Self.objects {
            if o == "Contact", chance(0.35) {
                entities.append(OrgWideDefault(object: o, internalAccess: .controlledByParent, externalAccess: .controlledByParent))
                continue
            }
            let i = model(o)
            let e = model(o, cap: i)
            entities.append(OrgWideDefault(object: o, internalAccess: i, externalAccess: e,
                                           grantAccessUsingHierarchies: o == "Project__c" ? chance(0.6) : true))
        }
        entities.append(SharingSettings(caseContactAccess: chance(0.7)))

        // Internal roles and users.
        for r in 0..<8 {
            let parent: ID<Role>? = r == 0 || chance(0.1) ? nil : pick(internalRoles)
            let child = ChildAccess(cases: pick([.none, .read, .edit]), contacts: pick([.none, .read]), opportunities: pick([.none, .read, .edit]))
            let id = ID<Role>("r\(r)")
            entities.append(Role(id: id, name: id.rawValue, parentID: parent, accountChildAccess: child))
            internalRoles.append(id)
        }
        allRoles = internalRoles
        for u in 0..<12 {
            let id = ID<User>("i\(u)")
            let role: String? = chance(0.85) ? pick(internalRoles).rawValue : nil
            var user = User(id: id, kind: .internal, name: id.rawValue, email: "\(id)@x.com", isActive: u != 11,
                            profileID: ID("p\(int(0...5))"), roleID: role.map { ID($0) })
            if chance(0.2) { user.permissionSetIDs = [ID("ps\(int(0...2))")] }
            if chance(0.2) { user.permissionSetGroupIDs = ["psg"] }
            entities.append(user)
            internalUsers.append(id)
            groupableUsers.append(id)
        }
        allUsers = internalUsers

        // Accounts and contacts.
        for a in 0..<6 {
            let id = ID<Account>("a\(a)")
            var acc = Account(id: id, name: "A\(a)", owner: pick(internalUsers), isPartner: a < 3)
            acc.region = pick(["NA", "EMEA"])
            entities.append(acc)
            accounts.append(id)
            records.append(("Account", id.rawValue))
            for c in 0..<2 {
                let cid = ID<Contact>("c\(a)_\(c)")
                entities.append(Contact(id: cid, lastName: cid.rawValue, accountID: id, owner: pick(internalUsers)))
                contacts.append(cid)
                records.append(("Contact", cid.rawValue))
            }
        }

        // External roles and users: partner accounts a0…a2, customer-plus a3, HV users on a3…a5.
        var external: [ID<User>] = []
        for a in 0..<4 {
            let account = accounts[a]
            let kind: Role.Kind = a < 3 ? .partner : .customer
            let levels = int(1...3)
            var parent: ID<Role>? = nil
            var roleIDs: [ID<Role>] = []
            for l in 0..<levels {
                let id = ID<Role>("\(account)-\(l)")
                entities.append(Role(id: id, name: id.rawValue, parentID: parent, kind: kind, accountID: account,
                                     externalLevel: [.executive, .manager, .user][l]))
                parent = id
                roleIDs.append(id)
                allRoles.append(id)
            }
            for u in 0..<int(1...3) {
                let id = ID<User>("x\(a)_\(u)")
                let user = User(id: id, kind: kind == .partner ? .partner : .customer, name: id.rawValue, email: "\(id)@x.com",
                                profileID: ID("p\(int(0...5))"), roleID: pick(roleIDs), contactID: ID("c\(a)_\(u % 2)"),
                                accountID: account, isSuperUser: chance(0.4))
                entities.append(user)
                external.append(id)
                groupableUsers.append(id)
            }
        }
        var hvUsers: [ID<User>] = []
        for a in 3..<6 {
            let id = ID<User>("h\(a)")
            entities.append(User(id: id, kind: .customer, name: id.rawValue, email: "\(id)@x.com", profileID: "hv",
                                 contactID: ID("c\(a)_1"), accountID: accounts[a], isHighVolume: true))
            hvUsers.append(id)
        }
        entities.append(User(id: guest, kind: .guest, name: "Guest", email: "guest@x.com", profileID: "guestp"))
        allUsers += external + hvUsers + [guest]

        // Groups (nested, acyclic) and queues.
        for g in 0..<4 {
            var members: [GroupMember] = []
            for _ in 0..<int(1...3) {
                switch int(0...4) {
                case 0: members.append(.user(pick(groupableUsers)))
                case 1: members.append(.role(pick(allRoles)))
                case 2: members.append(.roleAndSubordinates(pick(allRoles)))
                case 3: members.append(.roleAndInternalSubordinates(pick(internalRoles)))
                default: if !groups.isEmpty { members.append(.group(pick(groups))) }
                }
            }
            let id = ID<PublicGroup>("g\(g)")
            entities.append(PublicGroup(id: id, name: id.rawValue, members: members, grantAccessUsingHierarchies: chance(0.7)))
            groups.append(id)
        }
        for q in 0..<2 {
            let id = ID<Queue>("q\(q)")
            entities.append(Queue(id: id, name: id.rawValue, objects: ["Case", "Project__c"],
                                  members: [.user(pick(internalUsers)), chance(0.5) ? .group(pick(groups)) : .role(pick(internalRoles))],
                                  grantAccessUsingHierarchies: chance(0.7)))
            queues.append(id)
        }

        // Records.
        let owners = internalUsers + external
        for c in 0..<16 {
            let a = pick(accounts)
            let owner: Owner = chance(0.15) ? .queue(pick(queues)) : (chance(0.15) ? .user(pick(hvUsers)) : .user(pick(owners)))
            let kase = Case(id: ID("case\(c)"), subject: "S", accountID: chance(0.85) ? a : nil,
                            contactID: chance(0.5) ? pick(contacts) : nil, status: pick(["New", "Published"]),
                            priority: pick([.low, .high]), owner: owner)
            entities.append(kase)
            records.append(("Case", kase.id.rawValue))
        }
        for o in 0..<10 {
            let opp = Opportunity(id: ID("opp\(o)"), name: "O", accountID: chance(0.85) ? pick(accounts) : nil, stage: pick(["Prospecting", "Won"]),
                                  closeDate: try! Day(year: 2026, month: 1, day: 1), partnerAccountID: chance(0.5) ? pick(accounts) : nil,
                                  region: pick(["NA", "EMEA"]), owner: pick(owners),
                                  customFields: chance(0.5) ? ["Distributor__c": chance(0.8) ? .reference(pick(accounts).rawValue) : .text(pick(accounts).rawValue)] : [:])
            entities.append(opp)
            records.append(("Opportunity", opp.id.rawValue))
        }
        for p in 0..<8 {
            var project = Project("prj\(p)", owner: pick(owners).rawValue, account: chance(0.5) ? pick(accounts).rawValue : nil,
                                  fields: ["Tier__c": .picklist(pick(["Gold", "Silver"]))])
            if chance(0.15) { project.owner = .queue(pick(queues)) }
            entities.append(project)
            records.append(("Project__c", project.id.rawValue))
        }

        // Sharing rules.
        for r in 0..<7 {
            let object = pick(["Case", "Opportunity", "Project__c", "Account", "Contact"] as [EntityType])
            let selection: SharingRule.Selection
            if chance(0.5) {
                selection = .ownedBy(grantee(allowQueue: object == "Case" || object == "Project__c"))
            } else {
                let criterion: SharingCriterion =
                    switch object.name {
                    case "Case": SharingCriterion(field: "Priority", equals: .picklist("high"))
                    case "Opportunity": SharingCriterion(field: "StageName", equals: .picklist("Won"))
                    case "Project__c": SharingCriterion(field: "Tier__c", equals: .picklist("Gold"))
                    case "Account": SharingCriterion(field: "Region", equals: .picklist("EMEA"))
                    default: SharingCriterion(field: "LastName", equals: .text("c1_0"))
                    }
                selection = .criteria([criterion])
            }
            let child = object == "Account" ? ChildAccess(cases: pick([.none, .read, .edit]), contacts: pick([.none, .read]), opportunities: pick([.none, .edit])) : .none
            entities.append(SharingRule(id: ID("rule\(r)"), object: object, selection: selection, sharedWith: grantee(),
                                        accessLevel: pick([.read, .edit]), accountChildAccess: child))
        }
        entities.append(SharingRule(id: "guestRule", object: "Case", selection: .criteria([SharingCriterion(field: "Status", equals: .picklist("Published"))]),
                                    sharedWith: .user(guest), isGuestRule: true, includeHighVolumeOwned: chance(0.5)))

        // Shares.
        for s in 0..<10 {
            let (object, id) = pick(records)
            let cause: RecordShare.Cause = pick([.manual, .team("Member"), .programmatic("Reason__c")])
            let child = object == "Account" ? ChildAccess(cases: pick([.none, .read]), contacts: .read, opportunities: pick([.none, .edit])) : .none
            entities.append(RecordShare(id: ID("share\(s)"), object: object, recordID: id, sharedWith: grantee(),
                                        accessLevel: pick([.read, .edit, .all]), cause: cause, accountChildAccess: child))
        }

        // A sharing set for HV users (and one partner profile), with a share group.
        entities.append(SharingSet(id: "ss", profileIDs: ["hv", ID("p\(int(0...5))")], mappings: [
            .init(object: "Case", userField: .account, recordField: "AccountId", accessLevel: pick([.read, .edit])),
            .init(object: "Contact", userField: .contact, recordField: "Id", accessLevel: .read),
            .init(object: "Case", userField: .contact, recordField: "ContactId", accessLevel: .edit),
            .init(object: "Account", userField: .account, recordField: "Id", accessLevel: .read),
            // Lookups other than the account and contact columns: a standard and a custom field.
            .init(object: "Opportunity", userField: .account, recordField: "PartnerAccountId", accessLevel: .read),
            .init(object: "Opportunity", userField: .account, recordField: "Distributor__c", accessLevel: pick([.read, .edit])),
        ], shareGroupMembers: [pick(internalUsers), pick(internalUsers)]))
    }
}
