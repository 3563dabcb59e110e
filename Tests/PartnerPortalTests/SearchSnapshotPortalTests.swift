import CommunityKit
import CommunitySQLite
import Foundation
import Testing
@testable import PartnerPortalKit

/// `PartnerPortal serve --store FILE` keeps `FILE.search-snapshot`: the storage page shows the
/// search index and writes the snapshot, and the next start loads it instead of reindexing.
@Suite struct SearchSnapshotPortalTests {
    @Test func theStoragePageWritesTheSearchSnapshotAndARestartLoadsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pp-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal.sqlite").path
        let snapshot = PortalStorage.searchSnapshotFile(forStore: path)
        var documents = 0
        var written: UInt64 = 0
        do {
            let portal = try Portal(store: try AccessCheckpointPortalTests.store(path), searchIndexSnapshot: snapshot)
            #expect(portal.community.searchIndexStart == .fullBuild(fallback: nil))
            documents = try portal.community.searchIndex.count()
            #expect(documents > 0)
            let page = portal.get("/partners/storage", as: "dana")
            #expect(page.status == 200)
            #expect(page.body.contains("Search index"))
            #expect(page.body.contains("Documents in the search index</dt><dd>\(documents)<"))
            #expect(page.body.contains("by indexing the whole store"))
            #expect(page.body.contains("Write search snapshot now"))
            #expect(AccessCheckpointPortalTests.post(portal, as: "pat", StoreStatusComponent.searchSnapshotAction, from: "/partners/").status == 403)
            #expect(!FileManager.default.fileExists(atPath: snapshot.path))
            #expect(AccessCheckpointPortalTests.post(portal, as: "dana", StoreStatusComponent.searchSnapshotAction, from: "/partners/storage").status == 303)
            #expect(FileManager.default.fileExists(atPath: snapshot.path))
            written = try #require(portal.community.lastSearchIndexSnapshot).sequence
            #expect(portal.get("/partners/storage", as: "dana").body.contains("change \(written), 0 minutes old"))
        }
        let restarted = try Portal(store: try AccessCheckpointPortalTests.store(path), searchIndexSnapshot: snapshot)
        guard case .snapshot(let sequence, let count, _, _) = restarted.community.searchIndexStart else {
            Issue.record("expected a start from the snapshot, got \(restarted.community.searchIndexStart)")
            return
        }
        #expect(sequence == written)
        #expect(count == documents)
        #expect(try restarted.community.searchIndex.count() == documents)
        #expect(restarted.get("/partners/storage", as: "dana").body.contains("from the snapshot at change \(written)"))
    }
}
