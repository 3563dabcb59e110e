public import Foundation

/// A ``BlobStore`` over a local directory: one file per key, written atomically. Keys are
/// checked to be plain file names, so nothing can be read or written outside the directory.
public final class DirectoryBlobStore: BlobStore {
    /// The directory.
    public let root: URL

    /// Uses (and creates if needed) a directory.
    public init(directory: URL) throws {
        self.root = directory.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BlobStoreError.backend("cannot create \(root.path): \(error.localizedDescription)")
        }
    }

    func url(_ key: String) throws -> URL {
        guard BlobStoreError.isValidKey(key) else { throw BlobStoreError.invalidKey(key) }
        let url = root.appendingPathComponent(key, isDirectory: false).standardizedFileURL
        guard url.deletingLastPathComponent().path == root.path else { throw BlobStoreError.invalidKey(key) }
        return url
    }

    public func put(_ data: Data, key: String) throws {
        let url = try url(key)
        do { try data.write(to: url, options: .atomic) } catch {
            throw BlobStoreError.backend("cannot write \(key): \(error.localizedDescription)")
        }
    }

    public func get(_ key: String) throws -> Data? {
        let url = try url(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try Data(contentsOf: url) } catch {
            throw BlobStoreError.backend("cannot read \(key): \(error.localizedDescription)")
        }
    }

    public func delete(_ key: String) throws {
        let url = try url(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do { try FileManager.default.removeItem(at: url) } catch {
            throw BlobStoreError.backend("cannot delete \(key): \(error.localizedDescription)")
        }
    }
}
