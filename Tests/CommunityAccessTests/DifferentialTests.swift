import CommunityAccess
import CommunityModel
import Testing

/// The engine agrees with the plain reference evaluator on every check and every listing,
/// over many random orgs, and keeps agreeing as changes stream in from the store.
@Suite("Engine versus reference evaluator")
struct DifferentialTests {
    static func compare(_ snapshot: AccessSnapshot, _ reference: ReferenceEvaluator, users: [ID<User>], records: [(EntityType, String)], seed: UInt64) {
        var mismatches = 0
        for u in users {
            for (object, id) in records {
                let fast = snapshot.access(u, to: object, id: id)
                let slow = reference.access(u, object, id)
                if fast != slow {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record("seed \(seed): \(u) on \(object) \(id): engine \(fast), reference \(slow)\n\(snapshot.explain(u, object, id: id))")
                    }
                }
            }
            for object in RandomOrg.objects {
                let expected = Set(records.filter { $0.0 == object && reference.access(u, $0.0, $0.1) >= .read }.map(\.1))
                var listed: [String] = []
                var cursor: RecordCursor? = nil
                repeat {
                    let page = snapshot.visibleRecords(of: u, object: object, after: cursor, limit: 3)
                    listed += page.records.map(\.record.testID)
                    cursor = page.nextCursor
                } while cursor != nil
                if Set(listed) != expected || listed.count != expected.count {
                    mismatches += 1
                    if mismatches <= 5 {
                        let missing = expected.subtracting(listed).sorted().first.map { snapshot.explain(u, object, id: $0) }
                        Issue.record("seed \(seed): listing \(u) \(object): engine \(listed.sorted()), reference \(expected.sorted())\n\(missing.map { "\($0)" } ?? "")")
                    }
                }
                let count = snapshot.countVisibleRecords(of: u, object: object)
                #expect(count == expected.count, "seed \(seed): count \(u) \(object)")
            }
        }
        #expect(mismatches == 0, "seed \(seed)")
    }

    @Test("random orgs, every check and listing", arguments: 0..<24)
    func randomOrg(seed: Int) {
        let org = RandomOrg(seed: UInt64(seed))
        let engine = AccessEngine()
        engine.load(org.entities)
        let reference = ReferenceEvaluator(entities: org.entities)
        Self.compare(engine.snapshot, reference, users: org.allUsers, records: org.records, seed: UInt64(seed))
    }

    @Test("incremental changes from the store feed", arguments: 100..<120)
    func incremental(seed: Int) throws {
        var org = RandomOrg(seed: UInt64(seed))
        let store = MemoryStore()
        try store.write { tx in for e in org.entities { try Self.put(e, tx) } }
        let engine = try AccessEngine(store: store, recordTypes: AccessEngine.standardRecordTypes + [Project.self])
        for step in 0..<16 {
            let change = Self.mutation(&org, store: store)
            try store.write { tx in for e in change { try Self.put(e, tx) } }
            if step % 3 == 2 {
                let reference = ReferenceEvaluator(entities: try Self.contents(store))
                Self.compare(engine.snapshot, reference, users: org.allUsers, records: org.records, seed: UInt64(seed * 1000 + step))
            }
        }
        // A fresh engine over the same store agrees with the incrementally maintained one.
        let fresh = try AccessEngine(store: store, recordTypes: AccessEngine.standardRecordTypes + [Project.self])
        for u in org.allUsers {
            for (o, id) in org.records { #expect(fresh.snapshot.access(u, to: o, id: id) == engine.snapshot.access(u, to: o, id: id)) }
        }
    }

    static func put<E: Entity>(_ e: E, _ tx: any StoreTransaction) throws { try tx.put(e) }

    static func contents(_ store: MemoryStore) throws -> [any Entity] {
        let s = store.snapshot()
        var out: [any Entity] = []
        func load<E: Entity>(_ t: E.Type) throws { out += try s.all(t).map { $0.value as any Entity } }
        try load(SharingSettings.self); try load(Profile.self); try load(PermissionSet.self); try load(PermissionSetGroup.self)
        try load(Role.self); try load(User.self); try load(PublicGroup.self); try load(Queue.self); try load(OrgWideDefault.self)
        try load(SharingSet.self); try load(Account.self); try load(Contact.self); try load(Case.self); try load(Opportunity.self)
        try load(Project.self); try load(SharingRule.self); try load(RecordShare.self)
        return out
    }

    /// One random change: a role move, a group change, a new owner or criteria rule, a rule
    /// or record deletion, an owner or field change, a new record. Deletions are written here.
    static func mutation(_ org: inout RandomOrg, store: MemoryStore) -> [any Entity] {
        let s = store.snapshot()
        switch org.int(0...15) {
        case 6:
            // A criteria rule over records that already exist (matched through the field
            // index; a second rule on a field reuses it; two conditions intersect).
            let r = ID<SharingRule>("crit\(org.int(0...1_000_000))")
            let conditions: [SharingCriterion] =
                switch org.int(0...3) {
                case 0: [SharingCriterion(field: "Priority", equals: .picklist(org.pick(["high", "low"])))]
                case 1: [SharingCriterion(field: "Status", equals: .text("Published"))]
                case 2:
                    [SharingCriterion(field: "Priority", equals: .picklist("high")),
                     SharingCriterion(field: "Status", equals: .picklist(org.pick(["New", "Published"])))]
                default: [SharingCriterion(field: "StageName", equals: .picklist(org.pick(["Won", "Prospecting"])))]
                }
            let object: EntityType = conditions[0].field == "StageName" ? "Opportunity" : "Case"
            return [SharingRule(id: r, object: object, selection: .criteria(conditions), sharedWith: org.grantee(), accessLevel: .read)]
        case 12:
            // Delete a record.
            let id = ID<Case>("case\(org.int(0...15))")
            try? store.write { tx in try tx.delete(id) }
            return []
        case 13:
            // Delete a sharing rule (criteria or owner-based).
            guard let rules = try? s.all(SharingRule.self), !rules.isEmpty else { return [] }
            let id = org.pick(rules.map(\.value.id))
            try? store.write { tx in try tx.delete(id) }
            return []
        case 14:
            // A field change only: criteria matches of the record flip.
            let id = ID<Case>("case\(org.int(0...15))")
            guard var c = try? s.value(id) else { return [] }
            c.priority = c.priority == .high ? .low : .high
            c.status = org.pick(["New", "Published"])
            return [c]
        case 0:
            guard var u = try? s.value(org.pick(org.internalUsers)) else { return [] }
            u.roleID = org.chance(0.8) ? org.pick(org.internalRoles) : nil
            return [u]
        case 1:
            let g = org.pick(org.groups)
            guard var group = try? s.value(g) else { return [] }
            group.members.append(.user(org.pick(org.groupableUsers)))
            if org.chance(0.3), !group.members.isEmpty { group.members.removeFirst() }
            return [group]
        case 2:
            let r = ID<SharingRule>("new\(org.int(0...1_000_000))")
            return [SharingRule(id: r, object: "Case", selection: .ownedBy(org.grantee(allowQueue: true)), sharedWith: org.grantee(), accessLevel: .edit)]
        case 3:
            let id = ID<Case>("case\(org.int(0...15))")
            guard var c = try? s.value(id) else { return [] }
            c.owner = .user(org.pick(org.internalUsers))
            c.priority = org.pick([.low, .high])
            return [c]
        case 4:
            let id = ID<Account>(org.pick(org.accounts).rawValue)
            guard var a = try? s.value(id) else { return [] }
            a.owner = .user(org.pick(org.internalUsers))
            return [a]
        case 5:
            let c = Case(id: ID("newcase\(org.records.count)"), subject: "N", accountID: org.pick(org.accounts), status: "Published",
                         priority: .high, owner: .user(org.pick(org.internalUsers)))
            org.records.append(("Case", c.id.rawValue))
            return [c]
        case 7:
            // Re-parent an internal role (parents have lower numbers, so no cycles).
            let r = org.int(1...7)
            guard var role = try? s.value(ID<Role>("r\(r)")) else { return [] }
            role.parentID = org.chance(0.2) ? nil : ID("r\(org.int(0...(r - 1)))")
            return [role]
        case 8:
            let q = org.pick(org.queues)
            guard var queue = try? s.value(q) else { return [] }
            queue.members = [.user(org.pick(org.internalUsers)), org.chance(0.5) ? .group(org.pick(org.groups)) : .roleAndSubordinates(org.pick(org.allRoles))]
            return [queue]
        case 9:
            // Nest one group in another (later groups only contain earlier ones: acyclic).
            let g = org.int(1...3)
            guard var group = try? s.value(ID<PublicGroup>("g\(g)")) else { return [] }
            group.members.append(.group(ID("g\(org.int(0...(g - 1)))")))
            return [group]
        case 10:
            guard var u = try? s.value(org.pick(org.allUsers)) else { return [] }
            u.isActive.toggle()
            return [u]
        default:
            let o: EntityType = org.pick(["Case", "Opportunity", "Account"])
            return [OrgWideDefault(object: o, internalAccess: org.pick([.private, .publicRead]), externalAccess: .private)]
        }
    }
}
