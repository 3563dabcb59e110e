import CommunityAccess
import CommunityAnalytics
import CommunityModel
import Foundation

/// A small org: an administrator who reads everything, a support agent who reads their own
/// cases, and partner users of two accounts (Acme's executive reads what Acme's user owns).
struct ReportFixture {
    let store: MemoryStore
    let access: AccessEngine
    let schemas: SchemaCatalog
    let clock: ManualClock
    /// 2026-12-07 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_644_800)

    var engine: ReportEngine { ReportEngine(schemas: schemas, clock: clock) }
    var library: ReportLibrary { ReportLibrary(store: store, access: access, engine: engine) }

    static func day(_ text: String) -> Day { (try? Day(parsing: text)) ?? Day(Date(timeIntervalSince1970: 0)) }

    init(extra: [any Entity] = []) throws {
        store = MemoryStore()
        clock = ManualClock(Self.now)
        var catalog = SchemaCatalog.standard
        var opportunity = ObjectSchema.opportunity
        try opportunity.add(FieldDefinition(name: "Margin__c", type: .number()))
        try catalog.merge(opportunity)
        schemas = catalog
        var entities: [any Entity] = [
            Profile(id: "admin", name: "Admin", permissions: PermissionGrants(
                objects: ["Case": .crud.union(.viewAll), "Opportunity": .crud.union(.viewAll), "Account": .crud.union(.viewAll), "ReportFolder": .crud],
                fields: ["Opportunity": ["Margin__c": .edit]],
                system: [ReportLibrary.runningUserPermission])),
            Profile(id: "agent", name: "Agent", permissions: PermissionGrants(objects: ["Case": [.read, .create, .edit], "Account": [.read], "ReportFolder": [.read]])),
            Profile(id: "partner", name: "Partner", permissions: PermissionGrants(
                objects: ["Opportunity": [.read, .create, .edit], "Account": [.read], "Case": [.read, .create], "ReportFolder": [.read]],
                fields: ["Opportunity": ["Margin__c": .hidden]])),
            OrgWideDefault(object: "Case", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "ReportFolder", internalAccess: .private, externalAccess: .private),
            Role(id: "ceo", name: "CEO"),
            Role(id: "acme-exec", name: "Acme Executive", kind: .partner, accountID: "acme", externalLevel: .executive),
            Role(id: "acme-user", name: "Acme User", parentID: "acme-exec", kind: .partner, accountID: "acme", externalLevel: .user),
            Role(id: "globex-user", name: "Globex User", kind: .partner, accountID: "globex", externalLevel: .user),
            User(id: "admin", kind: .internal, name: "Ada Admin", email: "ada@example.com", profileID: "admin", roleID: "ceo"),
            User(id: "agent", kind: .internal, name: "Sam Agent", email: "sam@example.com", profileID: "agent"),
            User(id: "alex", kind: .partner, name: "Alex Acme", email: "alex@acme.example", profileID: "partner", roleID: "acme-exec", accountID: "acme"),
            User(id: "pat", kind: .partner, name: "Pat Acme", email: "pat@acme.example", profileID: "partner", roleID: "acme-user", accountID: "acme"),
            User(id: "bo", kind: .partner, name: "Bo Globex", email: "bo@globex.example", profileID: "partner", roleID: "globex-user", accountID: "globex"),
            Account(id: "acme", name: "Acme", owner: "admin", isPartner: true, partnerTier: .gold),
            Account(id: "globex", name: "Globex", owner: "admin", isPartner: true, partnerTier: .silver),
            Account(id: "initech", name: "Initech", owner: "admin"),
        ]
        let opportunities: [(String, String, Decimal, String, String, String, Double)] = [
            ("o1", "acme", 48_000, "Proposal", "2026-12-15", "pat", 0.31),
            ("o2", "acme", 12_000, "Qualification", "2026-11-02", "pat", 0.2),
            ("o3", "acme", 30_000, "Proposal", "2027-02-01", "alex", 0.25),
            ("o4", "globex", 22_000, "Qualification", "2026-10-20", "bo", 0.4),
            ("o5", "initech", 90_000, "Negotiation", "2026-12-01", "admin", 0.5),
            ("o6", "globex", 5_000, "Closed Won", "2026-07-30", "bo", 0.1),
        ]
        for (id, account, amount, stage, close, owner, margin) in opportunities {
            entities.append(Opportunity(id: ID(id), name: "Deal \(id)", accountID: ID(account), stage: stage, amount: amount,
                                        closeDate: Self.day(close), partnerAccountID: account == "initech" ? nil : ID(account), owner: ID(owner),
                                        customFields: ["Margin__c": .number(margin)]))
        }
        let cases: [(String, String, String, Case.Priority, Double, String)] = [
            ("c1", "acme", "New", .high, -2, "agent"),
            ("c2", "acme", "Working", .low, -40, "pat"),
            ("c3", "globex", "New", .high, -5, "bo"),
            ("c4", "globex", "Closed", .medium, -100, "agent"),
            ("c5", "initech", "Escalated", .critical, -1, "admin"),
        ]
        for (id, account, status, priority, daysAgo, owner) in cases {
            entities.append(Case(id: ID(id), subject: "Case \(id) with \"quotes\", commas", accountID: ID(account), status: status, priority: priority,
                                 createdAt: Self.now.addingTimeInterval(daysAgo * 86_400), owner: .user(ID(owner))))
        }
        entities += extra
        try store.write { tx in
            for entity in entities {
                func put<E: Entity>(_ e: E) throws { _ = try tx.put(e) }
                try put(entity)
            }
        }
        access = try AccessEngine(store: store, recordTypes: AccessEngine.standardRecordTypes + AnalyticsEntities.recordTypes)
    }
}
