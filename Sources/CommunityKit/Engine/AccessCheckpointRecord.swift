public import Foundation

/// A checkpoint of the access engine that ``Community/writeAccessCheckpoint()`` wrote.
public struct AccessCheckpointRecord: Sendable, Hashable {
    /// The last store change it includes.
    public var sequence: UInt64
    /// How many entities it holds.
    public var entityCount: Int
    /// Its size in bytes.
    public var bytes: Int
    /// When it was written.
    public var written: Date
}
