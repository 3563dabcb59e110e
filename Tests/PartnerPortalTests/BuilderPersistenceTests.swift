import CommunityKit
import CommunitySQLite
import Foundation
import Testing
@testable import PartnerPortalKit

/// `PartnerPortal serve --store FILE`: what the builder published survives a restart; the
/// portal's seed does not overwrite it.
@Suite struct BuilderPersistenceTests {
    @Test("a page created in the builder and published is served again after a restart on the same SQLite file")
    func publishedEditSurvivesRestart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pp-builder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal.sqlite").path
        do {
            let portal = try Portal(store: try SQLiteStore(path: path, registry: EntityRegistry(IdentityEntities.all + SiteEntities.all)))
            let overview = portal.get("/partners/builder", as: "dana")
            #expect(overview.status == 200)
            let viewer = portal.viewer("dana")
            func post(_ action: String, _ form: [String: String]) -> SiteResponse {
                let page = portal.get("/partners/builder", as: "dana").body
                var fields = form
                fields["_csrf"] = Portal.token(in: page)
                return portal.community.handle(SiteRequest(.post, "/partners/builder/action/" + action, form: fields, viewer: viewer))
            }
            #expect(post("createPage", ["id": "launch", "title": "Launch week", "slug": "launch", "visibility": "public"]).status == 303)
            #expect(portal.get("/partners/launch", as: nil).status == 404, "a draft page is not live")
            #expect(post("publish", [:]).status == 303)
            #expect(portal.get("/partners/launch", as: nil).status == 200)
        }
        let restarted = try Portal(store: try SQLiteStore(path: path, registry: EntityRegistry(IdentityEntities.all + SiteEntities.all)))
        let page = restarted.get("/partners/launch", as: nil)
        #expect(page.status == 200)
        #expect(page.body.contains("Launch week"))
        #expect(restarted.community.siteHistory("partners").map(\.version) == [2, 1])
        #expect(restarted.community.siteHistory("partners").first?.publishedBy == "dana")
    }
}
