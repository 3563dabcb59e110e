import CommunityContent
import Foundation
import Testing

@Suite struct BlobStoreTests {
    func roundTrip(_ store: any BlobStore) throws {
        try store.put(Data("hello".utf8), key: "file_1-v1")
        #expect(try store.get("file_1-v1") == Data("hello".utf8))
        try store.put(Data("again".utf8), key: "file_1-v1")
        #expect(try store.get("file_1-v1") == Data("again".utf8))
        try store.delete("file_1-v1")
        #expect(try store.get("file_1-v1") == nil)
        try store.delete("file_1-v1")  // missing is fine
        for bad in ["../escape", "a/b", "", ".hidden", "a\\b", "名前", String(repeating: "x", count: 200), "..", "/etc/passwd"] {
            #expect(throws: BlobStoreError.invalidKey(bad)) { try store.put(Data("x".utf8), key: bad) }
            #expect(throws: BlobStoreError.invalidKey(bad)) { _ = try store.get(bad) }
        }
    }

    @Test func memoryBlobStore() throws { try roundTrip(MemoryBlobStore()) }

    @Test func directoryBlobStoreStaysInsideItsDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ck-blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try DirectoryBlobStore(directory: root.appendingPathComponent("inner"))
        try roundTrip(store)
        try store.put(Data("kept".utf8), key: "k1")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inner/k1").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["inner"])
        // A second store over the same directory sees the bytes (they are on disk).
        #expect(try DirectoryBlobStore(directory: root.appendingPathComponent("inner")).get("k1") == Data("kept".utf8))
    }
}
