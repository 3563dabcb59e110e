public import CommunityAccess
import CommunityModel

/// The CommunityAccess engine driven as an ``AccessSubject``.
///
/// Build: the workload is mapped onto CommunityModel entities (see ``EngineEntities``),
/// written to a `MemoryStore` in one transaction per section, and an `AccessEngine` is built
/// over the store (`AccessEngine(store:)`), which loads everything and then follows the
/// store's change feed. Changes are written to the store; the engine applies them
/// synchronously with the commit, and a reader then takes a fresh snapshot.
public struct CommunityAccessSubject: AccessSubject {
    private let store: MemoryStore
    private let engine: AccessEngine
    private var snapshot: AccessSnapshot
    private var entities: EngineEntities
    private var objectOf: [String: WorkloadObject]
    /// Named sub-phases of the build.
    public let buildPhases: [(name: String, seconds: Double)]
    /// Live heap the engine build added (see ``Measure/heapInUseMegabytes()``).
    public let engineHeapMB: Double?

    /// The workload as CommunityModel entities, in the order a store is filled.
    struct Mapped {
        var entities: EngineEntities
        var configuration: [any Entity]
        var records: [any Record]
        var rulesAndShares: [any Entity]
        var objectOf: [String: WorkloadObject]
    }

    /// Maps every part of `workload` onto entities.
    static func map(_ workload: Workload) throws -> Mapped {
        var entities = EngineEntities(workload)
        let configuration = try entities.configuration(workload)
        var objectOf: [String: WorkloadObject] = [:]
        objectOf.reserveCapacity(workload.records.count)
        var records: [any Record] = []
        records.reserveCapacity(workload.records.count)
        for r in workload.records {
            objectOf[r.id] = r.object
            records.append(try entities.record(r))
        }
        var rulesAndShares: [any Entity] = try workload.sharingRules.map { r throws(WorkloadError) in try EngineEntities.rule(r) }
        for (i, s) in workload.manualShares.enumerated() {
            guard let object = objectOf[s.record] else {
                throw WorkloadError.unknownReference(kind: "record", id: s.record, referencedBy: "manual share")
            }
            rulesAndShares.append(try EngineEntities.share(s, object: object, serial: i + 1))
        }
        return Mapped(
            entities: entities, configuration: configuration, records: records, rulesAndShares: rulesAndShares,
            objectOf: objectOf)
    }

    /// Maps `workload` onto the engine: store writes, then the engine build.
    public init(_ workload: Workload) throws {
        let t0 = Measure.now()
        var mapped = try Self.map(workload)
        let mappedSeconds = Measure.seconds(since: t0)

        let t1 = Measure.now()
        let store = MemoryStore(feedCapacity: 1024)
        try store.write { tx in for e in mapped.configuration { _ = try tx.put(e) } }
        try store.write { tx in for r in mapped.records { _ = try tx.put(r) } }
        try store.write { tx in for e in mapped.rulesAndShares { _ = try tx.put(e) } }
        mapped.records = []
        let stored = Measure.seconds(since: t1)

        let heapBefore = Measure.heapInUseMegabytes()
        let t2 = Measure.now()
        engine = try AccessEngine(store: store, recordTypes: [Opportunity.self, Case.self])
        snapshot = engine.snapshot
        let built = Measure.seconds(since: t2)
        engineHeapMB = Measure.heapInUseMegabytes().flatMap { after in heapBefore.map { after - $0 } }
        self.store = store
        self.entities = mapped.entities
        self.objectOf = mapped.objectOf
        buildPhases = [
            ("map workload to entities", mappedSeconds), ("MemoryStore writes", stored),
            ("AccessEngine(store:) build", built),
        ]
    }

    /// The store and the engine alone: what a host keeps once the workload is gone.
    var hostParts: (store: MemoryStore, engine: AccessEngine) { (store, engine) }

    public var name: String { "CommunityAccess.AccessEngine" }
    public var listingDescription: String {
        "AccessSnapshot.visibleHandles(of:object:) — full materialisation of every readable record handle"
    }
    public var mappingNotes: [String] {
        [
            "records carry AccountId = the workload's account; no Account or Contact records are created, so the engine's implicit account sharing (child access, implicit parent, Experience Cloud account access, case contact) has nothing to act on",
            "region is the custom field Region__c; criteria rules on account compare AccountId",
            "sharing sets go on the profiles of the listed user kinds (customers), userField account → recordField AccountId",
            "customer users without a role are high-volume users; partner Executive roles keep their explicit parent (the account owner's role)",
            "profiles: none → no object permission, read → Read, edit → Read+Edit (no Delete), plus View All / Modify All; every OWD and group grants access using hierarchies",
            "checks compare AccessSnapshot.access(_:to:) with handles resolved beforehand against .read / .edit",
        ]
    }

    public func user(_ id: String) -> UserHandle? {
        guard ID<User>.isValid(id) else { return nil }
        return snapshot.handle(for: ID<User>(id))
    }

    public func record(_ id: String) -> RecordHandle? {
        guard let object = objectOf[id] else { return nil }
        return snapshot.handle(for: EngineEntities.entityType(object), id: id)
    }

    public func allows(_ user: UserHandle, _ record: RecordHandle, _ action: WorkloadAction) -> Bool {
        let level = snapshot.access(user, to: record)
        return action == .read ? level >= .read : level >= .edit
    }

    public func readableCount(_ user: UserHandle, _ object: WorkloadObject) -> Int {
        snapshot.visibleHandles(of: user, object: EngineEntities.entityType(object)).count
    }

    public mutating func apply(_ change: WorkloadChange, after workload: Workload) throws {
        let entities = self.entities
        switch change {
        case .moveRole(let role, let newParent):
            guard var entity = entities.roleEntities[role] else {
                throw WorkloadError.unknownReference(kind: "role", id: role, referencedBy: "\(change)")
            }
            entity.parentID = try newParent.map { p throws(WorkloadError) in try EngineEntities.id(p, "role") }
            self.entities.roleEntities[role] = entity
            try store.write { tx in _ = try tx.put(entity) }
        case .addGroupMember(let group, _), .removeGroupMember(let group, _):
            guard let g = workload.groups.first(where: { $0.id == group }) else {
                throw WorkloadError.unknownReference(kind: "group", id: group, referencedBy: "\(change)")
            }
            let entity = try EngineEntities.group(g)
            self.entities.groupEntities[group] = entity
            try store.write { tx in _ = try tx.put(entity) }
        case .addSharingRule(let rule):
            let entity = try EngineEntities.rule(rule)
            try store.write { tx in _ = try tx.put(entity) }
        case .changeOwner(let record, _):
            guard let r = workload.records.last(where: { $0.id == record }) else {
                throw WorkloadError.unknownReference(kind: "record", id: record, referencedBy: "\(change)")
            }
            let entity = try entities.record(r)
            try store.write { tx in _ = try tx.put(entity) }
        case .addRecord(let r):
            let entity = try entities.record(r)
            objectOf[r.id] = r.object
            try store.write { tx in _ = try tx.put(entity) }
        }
        // A reader takes a fresh snapshot.
        snapshot = engine.snapshot
    }
}
