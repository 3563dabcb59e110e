import CommunityKit
import CommunitySQLite
import Foundation
import Testing
@testable import PartnerPortalKit

/// `PartnerPortal serve --store FILE`: the access checkpoint written from the storage page
/// (or on shutdown) is what the next start loads, and it answers like a full build.
@Suite struct AccessCheckpointPortalTests {
    static func store(_ path: String) throws -> SQLiteStore {
        try SQLiteStore(path: path, registry: EntityRegistry(IdentityEntities.all + SiteEntities.all))
    }

    static func post(_ portal: Portal, as user: String, _ action: String, from page: String) -> SiteResponse {
        var form = ["_return": page]
        form["_csrf"] = Portal.token(in: portal.get(page, as: user).body)
        return portal.community.handle(SiteRequest(.post, "/partners/_action/" + action, form: form, viewer: portal.viewer(user)))
    }

    @Test func aRestartLoadsTheCheckpointWrittenFromTheStoragePageAndAgreesWithAFullBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pp-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal.sqlite").path
        let checkpoint = PortalStorage.checkpointFile(forStore: path)
        var checkpointSequence: UInt64 = 0
        do {
            let portal = try Portal(store: try Self.store(path), accessCheckpoint: checkpoint)
            #expect(portal.community.accessStart == .fullBuild(fallback: nil))
            let page = portal.get("/partners/storage", as: "dana")
            #expect(page.status == 200)
            #expect(page.body.contains("Write checkpoint now"))
            #expect(page.body.contains("by reading the whole store"))
            // Partners neither see the page nor may write a checkpoint.
            #expect(portal.get("/partners/storage", as: "pat").status != 200)
            #expect(Self.post(portal, as: "pat", StoreStatusComponent.checkpointAction, from: "/partners/").status == 403)
            #expect(!FileManager.default.fileExists(atPath: checkpoint.path))

            #expect(Self.post(portal, as: "dana", StoreStatusComponent.checkpointAction, from: "/partners/storage").status == 303)
            #expect(FileManager.default.fileExists(atPath: checkpoint.path))
            checkpointSequence = try #require(portal.community.lastAccessCheckpoint).sequence
            #expect(portal.get("/partners/storage", as: "dana").body.contains("change \(checkpointSequence)"))
            // A change after the checkpoint: the next start applies it from the feed.
            try portal.community.store.write { tx in
                try tx.put(Account(id: "late-co", name: "Late Co", owner: "sam", isPartner: true, region: "EMEA"))
            }
        }
        let store = try Self.store(path)
        let restarted = try Portal(store: store, accessCheckpoint: checkpoint)
        guard case .checkpoint(let sequence, let caughtUp) = restarted.community.accessStart else {
            Issue.record("expected a start from the checkpoint, got \(restarted.community.accessStart)")
            return
        }
        #expect(sequence == checkpointSequence)
        #expect(caughtUp >= 1)
        let fresh = try AccessEngine(store: store)
        let records: [(EntityType, [String])] = try [
            ("Account", store.snapshot().all(Account.self).map(\.value.id.rawValue)),
            ("Lead", store.snapshot().all(Lead.self).map(\.value.id.rawValue)),
            ("Opportunity", store.snapshot().all(Opportunity.self).map(\.value.id.rawValue)),
            ("Case", store.snapshot().all(Case.self).map(\.value.id.rawValue)),
        ]
        #expect(records[0].1.contains("late-co"))
        for user in Seed.people {
            for (object, ids) in records {
                for id in ids {
                    #expect(restarted.community.access.snapshot.access(user.id, to: object, id: id) == fresh.snapshot.access(user.id, to: object, id: id))
                }
            }
        }
    }

    @Test func aDamagedCheckpointIsLoggedAndTheStoreIsReadInstead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pp-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal.sqlite").path
        let checkpoint = PortalStorage.checkpointFile(forStore: path)
        try Data("CKAC but not really a checkpoint".utf8).write(to: checkpoint)
        let portal = try Portal(store: try Self.store(path), accessCheckpoint: checkpoint)
        #expect(portal.community.accessStart == .fullBuild(fallback: .unsupportedVersion(UInt8(ascii: " "))))
        #expect(portal.get("/partners/storage", as: "dana").body.contains("checkpoint not used"))
    }

    @Test func serveTakesDbAsAnotherNameForStore() throws {
        #expect(try PortalCommand.parse(["serve", "--db", "p.sqlite"]) == .serve(port: 8080, store: "p.sqlite", outbox: nil))
        #expect(throws: PortalCommand.UsageError.self) { try PortalCommand.parse(["serve", "--db", "a.sqlite", "--store", "b.sqlite"]) }
    }
}
