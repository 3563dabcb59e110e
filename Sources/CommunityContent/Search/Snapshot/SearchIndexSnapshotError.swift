/// Why a ``SearchIndexSnapshot`` could not be read, written or used. A host that gets one
/// rebuilds the index from the store (``MemorySearchIndex/loadSnapshot(from:)`` callers such
/// as `Community` do so themselves); a snapshot is a cache, never the only copy.
public enum SearchIndexSnapshotError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the snapshot magic: not a search index snapshot.
    case notASnapshot
    /// A snapshot of a format version this build does not read (an older or newer one).
    case unsupportedVersion(UInt8)
    /// The snapshot was written by a build whose text analysis differs from this one's, so
    /// its index terms would not match what queries look for.
    case analyzerChanged
    /// The file ends before its last document or its checksum.
    case truncated
    /// The SHA-256 checksum does not match the contents: the file was damaged.
    case checksumMismatch
    /// The contents are well delimited but say something impossible (detail says what).
    case malformed(String)
    /// The store's change feed no longer reaches back to the snapshot's sequence.
    case feedTruncated(snapshot: UInt64, oldest: UInt64)
    /// The store is behind the snapshot: it belongs to another (or a reset) store.
    case aheadOfStore(snapshot: UInt64, store: UInt64)
    /// The configured index is not one that snapshots (only ``MemorySearchIndex`` does).
    case unsupportedIndex(String)
    /// Following the store's feed after the snapshot failed (the store's error).
    case catchUpFailed(String)
    /// Reading or writing the file failed.
    case io(String)

    /// A sentence saying what is wrong.
    public var description: String {
        switch self {
        case .notASnapshot: "not a search index snapshot"
        case .unsupportedVersion(let v):
            "search index snapshot format \(v) is not supported (this build reads \(SearchIndexSnapshot.formatVersion))"
        case .analyzerChanged: "the search index snapshot was written with different text analysis"
        case .truncated: "the search index snapshot is truncated"
        case .checksumMismatch: "the search index snapshot's SHA-256 checksum does not match its contents"
        case .malformed(let detail): "the search index snapshot is malformed: \(detail)"
        case .feedTruncated(let snapshot, let oldest):
            "the store's feed starts at \(oldest), after the search index snapshot's sequence \(snapshot)"
        case .aheadOfStore(let snapshot, let store):
            "the search index snapshot is at sequence \(snapshot) but the store only at \(store)"
        case .unsupportedIndex(let type): "a \(type) cannot be snapshotted (only MemorySearchIndex)"
        case .catchUpFailed(let message): "catching up on the store's feed after the search index snapshot failed: \(message)"
        case .io(let message): "search index snapshot I/O failed: \(message)"
        }
    }
}
