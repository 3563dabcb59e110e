import CommunityModel

/// Why an ``AccessCheckpoint`` could not be read or used. A host that gets one falls back to
/// building the engine from the store (``AccessEngine/start(store:checkpoint:recordTypes:)``
/// does so itself).
public enum AccessCheckpointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the checkpoint magic: not a checkpoint file.
    case notACheckpoint
    /// A checkpoint of a format version this build does not read (an older or newer one).
    case unsupportedVersion(UInt8)
    /// The file ends before its last entity or its checksum.
    case truncated
    /// The checksum does not match the contents: the file was damaged.
    case checksumMismatch
    /// An entity type the restoring engine was not told how to decode.
    case unknownEntityType(String)
    /// An entity that does not decode as its type.
    case undecodableEntity(type: String, detail: String)
    /// The store's change feed no longer reaches back to the checkpoint's sequence.
    case feedTruncated(checkpoint: UInt64, oldest: UInt64)
    /// The store's feed is behind the checkpoint: it belongs to another (or a reset) store.
    case aheadOfStore(checkpoint: UInt64, store: UInt64)
    /// The bytes passed the checksum but do not describe a consistent engine state (ids out
    /// of range, duplicate keys): a file this build did not write.
    case malformed(String)
    /// Reading or writing the file failed.
    case io(String)

    /// A sentence saying what is wrong.
    public var description: String {
        switch self {
        case .notACheckpoint: "not an access checkpoint"
        case .unsupportedVersion(let v): "access checkpoint format \(v) is not supported (this build reads \(AccessCheckpoint.formatVersion))"
        case .truncated: "the access checkpoint is truncated"
        case .checksumMismatch: "the access checkpoint's checksum does not match its contents"
        case .unknownEntityType(let t): "the access checkpoint holds \(t) entities, which this engine does not load"
        case .undecodableEntity(let t, let detail): "an \(t) in the access checkpoint does not decode: \(detail)"
        case .feedTruncated(let checkpoint, let oldest):
            "the store's feed starts at \(oldest), after the checkpoint's sequence \(checkpoint)"
        case .aheadOfStore(let checkpoint, let store):
            "the checkpoint is at sequence \(checkpoint) but the store only at \(store)"
        case .malformed(let detail): "the access checkpoint is malformed: \(detail)"
        case .io(let message): "access checkpoint I/O failed: \(message)"
        }
    }
}
