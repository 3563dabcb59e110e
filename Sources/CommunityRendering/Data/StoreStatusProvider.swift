import CommunityModel
public import Foundation

/// What the ``StoreStatusComponent`` shows administrators: how far the store and the access
/// engine are, how the engine started, and the last access checkpoint written.
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

    /// A summary.
    public init(storeSequence: UInt64, accessSequence: UInt64, started: String, checkpointFile: String?) {
        self.storeSequence = storeSequence
        self.accessSequence = accessSequence
        self.started = started
        self.checkpointFile = checkpointFile
    }
}
