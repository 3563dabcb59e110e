import CommunityAccess
import CommunityEngagement
import CommunityModel
import Foundation
import Synchronization

/// A small org for the service, partner, approval and employee tests: profiles, org-wide
/// defaults, internal / partner / customer roles and users, partner and customer accounts,
/// queues — in a MemoryStore followed by a real AccessEngine, with a ManualClock.
final class ServiceFixture: Sendable {
    let store = MemoryStore()
    let bus = EventBus()
    /// Monday 2026-01-05 08:00 UTC.
    let clock = ManualClock(Date(timeIntervalSince1970: 1_767_600_000))
    let notifier = MemoryServiceNotifier()
    let engine: AccessEngine
    let environment: ServiceEnvironment

    init() {
        try! store.write { tx in
            for entity in Self.seed() { try Self.put(entity, tx) }
        }
        engine = try! AccessEngine(store: store)
        environment = ServiceEnvironment(
            store: store, bus: bus, clock: clock, access: ServiceAccessPolicy(engine: engine), notifier: notifier)
    }

    static func put<E: Entity>(_ entity: E, _ tx: any StoreTransaction) throws { try tx.put(entity) }

    func put(_ entities: any Entity...) {
        try! store.write { tx in
            for entity in entities { try Self.put(entity, tx) }
        }
    }

    func value<E: Entity>(_ id: ID<E>) -> E? { try! store.snapshot().value(id) }

    func count<E: Entity>(_ type: E.Type) -> Int { try! store.snapshot().count(type) }

    /// Every entity count, for "nothing left behind" checks.
    func census() -> [String: Int] {
        [
            "Account": count(Account.self), "Contact": count(Contact.self), "Opportunity": count(Opportunity.self),
            "Lead": count(Lead.self), "Case": count(Case.self), "LeadConversion": count(LeadConversion.self),
            "CaseTracking": count(CaseTracking.self), "CaseHistoryEntry": count(CaseHistoryEntry.self),
            "ApprovalRequest": count(ApprovalRequest.self), "sequence": Int(store.snapshot().sequence),
        ]
    }

    static let hour: TimeInterval = 3600

    static func user(
        _ id: String, kind: User.Kind = .internal, profile: String, role: String? = nil, account: String? = nil,
        contact: String? = nil, superUser: Bool = false, highVolume: Bool = false, manager: String? = nil,
        department: String? = nil
    ) -> User {
        User(
            id: ID(id), kind: kind, name: id, email: "\(id)@example.com", profileID: ID(profile),
            roleID: role.map { ID($0) }, contactID: contact.map { ID($0) }, accountID: account.map { ID($0) },
            managerID: manager.map { ID($0) }, isSuperUser: superUser, isHighVolume: highVolume, department: department)
    }

    static func seed() -> [any Entity] {
        let everything: [EntityType: ObjectPermissions] = [
            "Case": .crud, "Lead": .crud, "Account": .crud, "Contact": .crud, "Opportunity": .crud,
        ]
        var entities: [any Entity] = [
            Profile(id: "agent", name: "Agent", permissions: PermissionGrants(objects: everything)),
            Profile(
                id: "partner", name: "Partner",
                permissions: PermissionGrants(objects: [
                    "Case": .crud, "Lead": .crud, "Opportunity": .crud, "Contact": .crud,
                    "Account": [.read, .create, .edit],
                ])),
            Profile(
                id: "customer", name: "Customer",
                permissions: PermissionGrants(objects: [
                    "Case": [.read, .create, .edit], "Account": [.read], "Contact": [.read],
                ])),
            Profile(id: "readOnly", name: "Read only", permissions: PermissionGrants(objects: ["Case": [.read]])),
            OrgWideDefault(object: "Case", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Contact", internalAccess: .controlledByParent, externalAccess: .controlledByParent),
            Role(id: "ceo", name: "CEO"),
            Role(id: "support", name: "Support", parentID: "ceo"),
            Role(id: "hr", name: "HR", parentID: "ceo"),
            Role(id: "channel-dir", name: "Channel director", parentID: "ceo"),
            Role(id: "channelA", name: "Channel A", parentID: "channel-dir"),
            Role(id: "channelB", name: "Channel B", parentID: "channel-dir"),
            Role(id: "pa-exec", name: "Acme Partner Executive", kind: .partner, accountID: "pa", externalLevel: .executive),
            Role(id: "pa-mgr", name: "Acme Partner Manager", parentID: "pa-exec", kind: .partner, accountID: "pa", externalLevel: .manager),
            Role(id: "pa-user", name: "Acme Partner User", parentID: "pa-mgr", kind: .partner, accountID: "pa", externalLevel: .user),
            Role(id: "pb-exec", name: "Beta Partner Executive", kind: .partner, accountID: "pb", externalLevel: .executive),
            Role(id: "pb-user", name: "Beta Partner User", parentID: "pb-exec", kind: .partner, accountID: "pb", externalLevel: .user),
            Role(id: "cust-exec", name: "Globex Executive", kind: .customer, accountID: "cust", externalLevel: .executive),
            Role(id: "cust-user", name: "Globex User", parentID: "cust-exec", kind: .customer, accountID: "cust", externalLevel: .user),
            Role(id: "init-user", name: "Initech User", kind: .customer, accountID: "cust2", externalLevel: .user),
            user("agent1", profile: "agent", role: "support", manager: "boss", department: "Support"),
            user("agent2", profile: "agent", role: "support", manager: "boss", department: "Support"),
            user("agent3", profile: "agent", role: "support", department: "Support"),
            user("boss", profile: "agent", role: "ceo", department: "Management"),
            user("hr1", profile: "agent", role: "hr", department: "HR"),
            user("director", profile: "agent", role: "channel-dir", department: "Sales"),
            user("cmA", profile: "agent", role: "channelA", department: "Sales"),
            user("cmB", profile: "agent", role: "channelB", department: "Sales"),
            user("paExec", kind: .partner, profile: "partner", role: "pa-exec", account: "pa"),
            user("paMgr", kind: .partner, profile: "partner", role: "pa-mgr", account: "pa"),
            user("paUser1", kind: .partner, profile: "partner", role: "pa-user", account: "pa"),
            user("paUser2", kind: .partner, profile: "partner", role: "pa-user", account: "pa"),
            user("paSuper", kind: .partner, profile: "partner", role: "pa-user", account: "pa", superUser: true),
            user("pbExec", kind: .partner, profile: "partner", role: "pb-exec", account: "pb"),
            user("pbUser", kind: .partner, profile: "partner", role: "pb-user", account: "pb"),
            user("prUser", kind: .partner, profile: "partner", role: nil, account: "pr"),
            user("custA", kind: .customer, profile: "customer", role: "cust-user", account: "cust", contact: "conA"),
            user("custB", kind: .customer, profile: "customer", role: "cust-user", account: "cust", contact: "conB"),
            user("custSuper", kind: .customer, profile: "customer", role: "cust-user", account: "cust", contact: "conS", superUser: true),
            user("initUser", kind: .customer, profile: "customer", role: "init-user", account: "cust2", contact: "conI"),
            user("viewer", profile: "readOnly", role: "support"),
            user("hvUser", kind: .customer, profile: "hvCustomer", account: "cust", contact: "conH", highVolume: true),
            Profile(
                id: "hvCustomer", name: "High-volume customer",
                permissions: PermissionGrants(objects: ["Case": [.read, .create, .edit], "Account": [.read]])),
            SharingSet(
                id: "hvCases", profileIDs: ["hvCustomer"],
                mappings: [.init(object: "Case", userField: .account, recordField: "AccountId", accessLevel: .read)]),
            Account(id: "pa", name: "Acme Partners", owner: "cmA", isPartner: true, partnerTier: .gold, region: "EMEA"),
            Account(id: "pb", name: "Beta Partners", owner: "cmB", isPartner: true, partnerTier: .silver, region: "NA"),
            Account(id: "pr", name: "Rookie Partners", owner: "cmA", isPartner: true, partnerTier: .registered, region: "EMEA"),
            Account(
                id: "cust", name: "Globex Corporation", owner: "agent1", region: "EMEA", website: "https://www.globex.example/",
                customFields: ["SupportLevel": .picklist("Premier")]),
            Account(id: "cust2", name: "Initech", owner: "agent1", region: "NA"),
            Contact(id: "conA", firstName: "Ann", lastName: "A", email: "ann@globex.example", accountID: "cust", owner: "agent1"),
            Contact(id: "conB", firstName: "Ben", lastName: "B", email: "ben@globex.example", accountID: "cust", owner: "agent1"),
            Contact(id: "conS", firstName: "Sue", lastName: "S", email: "sue@globex.example", accountID: "cust", owner: "agent1"),
            Contact(id: "conH", firstName: "Hal", lastName: "H", email: "hal@globex.example", accountID: "cust", owner: "agent1"),
            Contact(id: "conI", firstName: "Ivo", lastName: "I", email: "ivo@initech.example", accountID: "cust2", owner: "agent1"),
            Queue(id: "tier1", name: "Tier 1", objects: ["Case"], members: [.user("agent1"), .user("agent2")]),
            Queue(id: "tier2", name: "Tier 2", objects: ["Case"], members: [.user("agent3")]),
            Queue(id: "leadPool", name: "Lead pool", objects: ["Lead"], members: [.user("cmA"), .user("cmB")]),
            Queue(id: "hrQueue", name: "HR", objects: ["Case"], members: [.role("hr")]),
        ]
        entities.append(SharingSettings(partnerRoleLevels: 3, customerRoleLevels: 3))
        return entities
    }
}

/// Suggests fixed articles for drafts containing a word.
struct FixedSuggester: ArticleSuggesting {
    let articles: [String: [ArticleSuggestion]]
    func suggestions(for text: String, viewer: ID<User>, limit: Int) throws -> [ArticleSuggestion] {
        let lower = text.lowercased()
        return Array(articles.filter { lower.contains($0.key) }.sorted { $0.key < $1.key }.flatMap(\.value).prefix(limit))
    }
}

/// Counts calls, for "the action ran exactly once".
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
