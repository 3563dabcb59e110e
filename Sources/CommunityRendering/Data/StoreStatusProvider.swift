import CommunityModel
public import Foundation

/// What the ``StoreStatusComponent`` shows administrators: how far the store and the access
/// engine are, how the engine started, the last access checkpoint written, and the search
/// index's documents, start and snapshot.
public protocol StoreStatusProvider: Sendable {
    /// The status, for a viewer allowed to see it (site administrators); `nil` for anyone else.
    func storeStatus(viewer: Viewer) -> StoreStatusSummary?
}

/// The store and access engine's state, as the ``StoreStatusComponent`` shows it.
public struct StoreStatusSummary: Sendable, Hashable {
    /// The store's last committed change.
    public var storeSequence: UInt64
    /// The last change the access engine applied.
    public var accessSequence: UInt64
    /// How the access engine started, in a sentence ("from the checkpoint at change 120, then 4 changes").
    public var started: String
    /// The checkpoint file, when the host configured one.
    public var checkpointFile: String?
    /// The sequence of the last checkpoint written since the engine started, if any.
    public var lastCheckpointSequence: UInt64?
    /// How many entities that checkpoint holds.
    public var lastCheckpointEntities: Int?
    /// When it was written.
    public var lastCheckpointWritten: Date?
    /// How many documents the search index holds.
    public var searchDocuments: Int = 0
    /// The search index started from the snapshot at this store change (`nil`: it indexed the whole store).
    public var searchStartSnapshot: UInt64?
    /// How many feed changes the search index caught up on after its snapshot.
    public var searchCaughtUp: Int = 0
    /// Why a configured snapshot was not used (English detail), when it was not.
    public var searchFallback: String?
    /// The search index snapshot file, when the host configured one.
    public var searchSnapshotFile: String?
    /// The store change the newest search index snapshot (written, or loaded at start) covers.
    public var searchSnapshotSequence: UInt64?
    /// When that snapshot was written.
    public var searchSnapshotWritten: Date?
    /// How old that snapshot is, in seconds.
    public var searchSnapshotAge: TimeInterval?

    /// A summary.
    public init(storeSequence: UInt64, accessSequence: UInt64, started: String, checkpointFile: String?) {
        self.storeSequence = storeSequence
        self.accessSequence = accessSequence
        self.started = started
        self.checkpointFile = checkpointFile
    }
}
