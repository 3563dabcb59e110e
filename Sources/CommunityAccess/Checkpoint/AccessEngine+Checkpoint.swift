public import CommunityModel
public import Foundation

/// How an engine started: from a checkpoint, or by reading the whole store.
public enum AccessEngineStart: Sendable, Hashable {
    /// Loaded the checkpoint at `sequence`, then applied `caughtUp` changes from the feed.
    case checkpoint(sequence: UInt64, caughtUp: Int)
    /// Read every access entity and record from the store; `fallback` says why the
    /// checkpoint was not used (`nil`: there was none).
    case fullBuild(fallback: AccessCheckpointError?)
}

extension AccessEngine {
    /// The entity types the engine keeps besides records.
    public static let accessEntityTypes: [any Entity.Type] = [
        SharingSettings.self, Profile.self, PermissionSet.self, PermissionSetGroup.self, Role.self, User.self,
        PublicGroup.self, Queue.self, OrgWideDefault.self, SharingSet.self, SiteMembership.self, SharingRule.self,
        RecordShare.self,
    ]

    /// The current state as a checkpoint, at the sequence of the last change applied.
    public func checkpoint() -> AccessCheckpoint {
        AccessCheckpoint(state: snapshot.state)
    }

    /// Writes ``checkpoint()`` to `url` atomically.
    ///
    /// - Throws: ``AccessCheckpointError/io(_:)`` when the file cannot be written.
    public func writeCheckpoint(to url: URL) throws(AccessCheckpointError) {
        try checkpoint().write(to: url)
    }

    /// An engine over `store` started from `checkpoint` instead of the store's contents: it
    /// loads the checkpoint, applies the store's feed after ``AccessCheckpoint/sequence``,
    /// then follows the store like ``init(store:recordTypes:)``.
    ///
    /// Feed changes that come back without their entity (a store that decodes only
    /// registered types) are completed by a read of the entity's current value.
    ///
    /// - Throws: ``AccessCheckpointError/feedTruncated(checkpoint:oldest:)`` when the feed no
    ///   longer reaches back to the checkpoint, ``AccessCheckpointError/aheadOfStore(checkpoint:store:)``
    ///   when the store is behind it, or the store's error when reading the feed fails.
    public convenience init(store: any Store, checkpoint: AccessCheckpoint, recordTypes: [any Record.Type] = AccessEngine.standardRecordTypes) throws {
        self.init()
        let follower = StoreFollower(engine: self)
        let token = follower.subscribe(to: store)
        let committed = store.snapshot().sequence
        guard checkpoint.sequence <= committed else {
            throw AccessCheckpointError.aheadOfStore(checkpoint: checkpoint.sequence, store: committed)
        }
        build(from: checkpoint)
        let readers = Self.readers(recordTypes)
        var after = checkpoint.sequence
        while true {
            let page: [Change]
            do {
                page = try store.changes(after: after, limit: 20_000)
            } catch StoreError.feedTruncated(_, let oldest) {
                throw AccessCheckpointError.feedTruncated(checkpoint: checkpoint.sequence, oldest: oldest)
            }
            guard let last = page.last else { break }
            let current = store.snapshot()
            apply(try page.map { change in
                guard change.entity == nil, change.kind != .deleted, let read = readers[change.entityType.name] else { return change }
                let entity = try read(current, change.id)
                return Change(
                    sequence: change.sequence, transaction: change.transaction, entityType: change.entityType, id: change.id,
                    kind: entity == nil ? .deleted : change.kind, version: change.version, entity: entity)
            })
            after = last.sequence
        }
        follower.goLive()
        keep(token)
    }

    /// Starts an engine over `store`: from the checkpoint file at `checkpoint` when it exists
    /// and can be used, otherwise by reading the whole store (a damaged, old or unusable
    /// checkpoint is reported in the returned ``AccessEngineStart``, never thrown).
    ///
    /// - Throws: the store's error when reading it fails.
    public static func start(
        store: any Store, checkpoint: URL?, recordTypes: [any Record.Type] = AccessEngine.standardRecordTypes
    ) throws -> (engine: AccessEngine, start: AccessEngineStart) {
        guard let checkpoint, FileManager.default.fileExists(atPath: checkpoint.path) else {
            return (try AccessEngine(store: store, recordTypes: recordTypes), .fullBuild(fallback: nil))
        }
        do {
            let saved = try AccessCheckpoint(contentsOf: checkpoint, recordTypes: recordTypes)
            let engine = try AccessEngine(store: store, checkpoint: saved, recordTypes: recordTypes)
            let caughtUp = Int(clamping: engine.snapshot.state.sequence - min(engine.snapshot.state.sequence, saved.sequence))
            return (engine, .checkpoint(sequence: saved.sequence, caughtUp: caughtUp))
        } catch let error as AccessCheckpointError {
            return (try AccessEngine(store: store, recordTypes: recordTypes), .fullBuild(fallback: error))
        }
    }

    typealias Reader = @Sendable (any StoreSnapshot, String) throws -> (any Entity)?

    /// Reads the current value of an entity by type name, for the types the engine keeps.
    static func readers(_ recordTypes: [any Record.Type]) -> [String: Reader] {
        var table: [String: Reader] = [:]
        func add<E: Entity>(_ type: E.Type) {
            table[E.entityType.name] = { snapshot, id in try snapshot.get(ID<E>(uncheckedString: id))?.value }
        }
        for type in accessEntityTypes { add(type) }
        for type in recordTypes { add(type) }
        return table
    }
}
