public import Foundation
import Synchronization

/// A ``BlobStore`` in memory.
public final class MemoryBlobStore: BlobStore {
    private let blobs = Mutex<[String: Data]>([:])

    /// Creates an empty store.
    public init() {}

    public func put(_ data: Data, key: String) throws {
        guard BlobStoreError.isValidKey(key) else { throw BlobStoreError.invalidKey(key) }
        blobs.withLock { $0[key] = data }
    }

    public func get(_ key: String) throws -> Data? {
        guard BlobStoreError.isValidKey(key) else { throw BlobStoreError.invalidKey(key) }
        return blobs.withLock { $0[key] }
    }

    public func delete(_ key: String) throws {
        guard BlobStoreError.isValidKey(key) else { throw BlobStoreError.invalidKey(key) }
        _ = blobs.withLock { $0.removeValue(forKey: key) }
    }

    /// How many blobs are stored.
    public var count: Int { blobs.withLock { $0.count } }
}
