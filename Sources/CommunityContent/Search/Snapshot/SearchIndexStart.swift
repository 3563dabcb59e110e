public import Foundation

/// How a community's search index started: from a snapshot, or by indexing the whole store.
public enum SearchIndexStart: Sendable, Hashable {
    /// Loaded the snapshot at `sequence` (written at `writtenAt`, holding `documents`
    /// documents), then applied `caughtUp` changes from the store's feed.
    case snapshot(sequence: UInt64, documents: Int, writtenAt: Date, caughtUp: Int)
    /// Indexed every article, question, idea and file in the store; `fallback` says why the
    /// snapshot was not used (`nil`: there was none).
    case fullBuild(fallback: SearchIndexSnapshotError?)
}

/// A search index snapshot that was written: where it stands and how big it is.
public struct SearchIndexSnapshotRecord: Sendable, Hashable {
    /// The last store change it includes.
    public var sequence: UInt64
    /// How many documents it holds.
    public var documents: Int
    /// Its size in bytes.
    public var bytes: Int
    /// When it was written.
    public var written: Date

    /// A record.
    public init(sequence: UInt64, documents: Int, bytes: Int, written: Date) {
        self.sequence = sequence
        self.documents = documents
        self.bytes = bytes
        self.written = written
    }
}
