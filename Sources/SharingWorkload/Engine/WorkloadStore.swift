public import CommunityModel

/// Writes a workload into a host's `Store` as CommunityModel entities (the same mapping the
/// sharing benchmark uses; see ``CommunityAccessSubject``), for benchmarks that run the whole
/// engine — sites, components, the facade — over a realistic org.
public enum WorkloadStore {
    /// Writes every profile, role, user, group, default, record, sharing rule and manual share
    /// of `workload` into `store`, one transaction per section.
    ///
    /// - Throws: ``WorkloadError`` when the workload references something it does not define,
    ///   or the store's error when a write fails.
    public static func fill(_ store: any Store, with workload: Workload) throws {
        let mapped = try CommunityAccessSubject.map(workload)
        try store.write { tx in for e in mapped.configuration { try put(e, tx) } }
        try store.write { tx in for r in mapped.records { try put(r, tx) } }
        try store.write { tx in for e in mapped.rulesAndShares { try put(e, tx) } }
    }

    private static func put(_ entity: any Entity, _ tx: any StoreTransaction) throws {
        func open<E: Entity>(_ e: E) throws { try tx.put(e) }
        try open(entity)
    }
}
