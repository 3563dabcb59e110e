public import CommunityModel

/// Reads a store's change feed after a search index snapshot's sequence, for an indexer that
/// resumes from the snapshot instead of reindexing everything.
public enum SearchFeedCatchUp {
    /// The largest page read from the feed at once.
    static let pageSize = 10_000

    /// Hands every committed change after `sequence` to `apply`, a page at a time, oldest
    /// first, and returns how many changes there were and the last sequence applied.
    ///
    /// A change that comes back without its entity (a store that decodes only registered types)
    /// is completed with the entity's current value when its type is one of `completing`, so an
    /// indexer that reads values from changes sees them; one whose entity is gone reads as deleted.
    ///
    /// - Throws: ``SearchIndexSnapshotError/aheadOfStore(snapshot:store:)`` when the store is
    ///   behind `sequence`, ``SearchIndexSnapshotError/feedTruncated(snapshot:oldest:)`` when the
    ///   feed no longer reaches back to it, the store's error when reading fails, or what `apply` throws.
    @discardableResult
    public static func replay(
        _ store: any Store, after sequence: UInt64, completing types: [any Entity.Type],
        apply: ([Change]) throws -> Void
    ) throws -> (changes: Int, through: UInt64) {
        let committed = store.snapshot().sequence
        guard sequence <= committed else {
            throw SearchIndexSnapshotError.aheadOfStore(snapshot: sequence, store: committed)
        }
        var readers: [String: (any StoreSnapshot, String) throws -> (any Entity)?] = [:]
        func add<E: Entity>(_ type: E.Type) {
            readers[E.entityType.name] = { snapshot, id in try snapshot.get(ID<E>(parsing: id))?.value }
        }
        for type in types { add(type) }
        var after = sequence
        var total = 0
        while true {
            let page: [Change]
            do {
                page = try store.changes(after: after, limit: pageSize)
            } catch StoreError.feedTruncated(_, let oldest) {
                throw SearchIndexSnapshotError.feedTruncated(snapshot: sequence, oldest: oldest)
            }
            guard let last = page.last else { break }
            let current = store.snapshot()
            try apply(
                try page.map { change in
                    guard change.entity == nil, change.kind != .deleted, let read = readers[change.entityType.name] else {
                        return change
                    }
                    let entity = try read(current, change.id)
                    return Change(
                        sequence: change.sequence, transaction: change.transaction, entityType: change.entityType,
                        id: change.id, kind: entity == nil ? .deleted : change.kind, version: change.version, entity: entity)
                })
            total += page.count
            after = last.sequence
        }
        return (total, after)
    }
}
