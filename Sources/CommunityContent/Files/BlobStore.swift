public import Foundation

/// Where file contents live. Keys are produced by the library (safe ASCII names); a
/// conformer must reject any other key with ``BlobStoreError/invalidKey(_:)``.
///
/// `MemoryBlobStore` and `DirectoryBlobStore` ship with the library; a host may plug in
/// object storage by conforming.
public protocol BlobStore: Sendable {
    /// Stores (or replaces) the bytes under a key.
    func put(_ data: Data, key: String) throws
    /// The bytes under a key, or `nil`.
    func get(_ key: String) throws -> Data?
    /// Removes a key; a missing key is not an error.
    func delete(_ key: String) throws
}

/// Why a blob operation failed.
public enum BlobStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A key with characters outside `[A-Za-z0-9._-]`, a leading dot, or too long.
    case invalidKey(String)
    /// The backend failed (I/O), with its message.
    case backend(String)

    /// Whether a key is safe as a single file name on every platform.
    public static func isValidKey(_ key: String) -> Bool {
        guard !key.isEmpty, key.utf8.count <= 128, key.first != "." else { return false }
        return key.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 46 || b == 95
        }
    }

    public var description: String {
        switch self {
        case .invalidKey(let key): "blob key \(key.prefix(80).debugDescription) is not a safe name"
        case .backend(let message): "blob storage failed: \(message)"
        }
    }
}
