import CommunityKit
import CommunitySQLite
import Foundation
import Synchronization
import Testing

/// Sites as versioned data: draft, publish, rollback, history, audit, concurrency and restarts.
@Suite struct SiteVersioningTests {
    @Test("storing a site keeps it as version 1 with its draft and an audit entry")
    func storeSite() throws {
        let community = try BuilderFixture.stored()
        let state = try #require(community.siteBuilderState("partners"))
        #expect(state.value.liveVersion == 1 && state.value.latestVersion == 1)
        #expect(community.siteHistory("partners").map(\.version) == [1])
        #expect(community.siteAuditTrail("partners").map(\.kind) == [.stored])
        #expect(try community.siteDraft("partners") == KitFixture.partnerSite())
    }

    @Test("a draft edit is not served on the live site until it is published; preview shows it")
    func draftIsNotLive() throws {
        let community = try BuilderFixture.stored()
        try BuilderFixture.addToHome(BuilderFixture.banner("draft-banner", heading: "Only in the draft"), in: community)
        #expect(!community.handle(SiteRequest(.get, "/partners/")).body.contains("Only in the draft"))
        let preview = try community.previewSite("partners", page: "home", as: .guest)
        #expect(preview.status == 200)
        #expect(preview.body.contains("Only in the draft"))
        let publication = try community.publishSite("partners", by: "ada")
        #expect(publication.version == 2)
        #expect(publication.publishedBy == "ada")
        #expect(community.handle(SiteRequest(.get, "/partners/")).body.contains("Only in the draft"))
        #expect(community.siteBuilderState("partners")?.value.unpublishedEdits == 0)
    }

    @Test("publishing an invalid draft is a typed error listing every problem, and changes nothing")
    func invalidDraft() throws {
        let community = try BuilderFixture.stored()
        try BuilderFixture.addToHome(ComponentInstance(id: "ghost", type: "acme.missing"), in: community)
        try BuilderFixture.addToHome(ComponentInstance(id: "list", type: "community.caseForm", properties: ["suggestions": 99]), in: community)
        let before = try #require(community.siteBuilderState("partners"))
        let live = community.handle(SiteRequest(.get, "/partners/")).body
        do throws(SiteBuilderError) {
            try community.publishSite("partners", by: "ada")
            Issue.record("an invalid draft was published")
        } catch .invalidDraft(let site, let errors) {
            #expect(site == "partners")
            let text = errors.map(\.description).joined(separator: "\n")
            #expect(text.contains("acme.missing"))
            #expect(text.contains("suggestions"))
        } catch {
            Issue.record("expected an invalid draft, got \(error)")
        }
        #expect(community.siteBuilderState("partners")?.version == before.version)
        #expect(community.siteHistory("partners").count == 1)
        #expect(community.handle(SiteRequest(.get, "/partners/")).body == live)
    }

    @Test("rollback re-publishes an earlier version as a new one; history says who and when")
    func rollback() throws {
        let community = try BuilderFixture.stored()
        try BuilderFixture.addToHome(BuilderFixture.banner("v2", heading: "Version two"), in: community)
        try community.publishSite("partners", by: "ada")
        let rolledBack = try community.rollbackSite("partners", to: 1, by: "ada")
        #expect(rolledBack.version == 3)
        #expect(rolledBack.restoredVersion == 1)
        #expect(!community.handle(SiteRequest(.get, "/partners/")).body.contains("Version two"))
        let history = community.siteHistory("partners")
        #expect(history.map(\.version) == [3, 2, 1])
        #expect(history.allSatisfy { $0.publishedBy == "ada" })
        #expect(community.siteAuditTrail("partners").map(\.kind) == [.rollback, .publish, .draftEdit, .stored])
        // The draft keeps its edit.
        #expect(try community.siteDraft("partners").page("home")?.layout.component("v2") != nil)
    }

    @Test("rolling back to a version that does not exist is a typed error and changes nothing", arguments: [0, 2, -1, 99])
    func rollbackToMissingVersion(version: Int) throws {
        let community = try BuilderFixture.stored()
        let before = try #require(community.siteBuilderState("partners"))
        #expect(throws: SiteBuilderError.unknownVersion(siteID: "partners", version: version)) {
            try community.rollbackSite("partners", to: version, by: "ada")
        }
        #expect(community.siteBuilderState("partners")?.version == before.version)
        #expect(community.siteAuditTrail("partners").count == 1)
    }

    @Test("of administrators publishing the same revision at once, exactly one wins")
    func concurrentPublish() throws {
        let community = try BuilderFixture.stored()
        try BuilderFixture.addToHome(BuilderFixture.banner("race", heading: "Raced"), in: community)
        let revision = try #require(community.siteBuilderState("partners")).version
        let outcomes = Mutex<[Result<Int, SiteBuilderError>]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let outcome: Result<Int, SiteBuilderError>
            do throws(SiteBuilderError) {
                outcome = .success(try community.publishSite("partners", by: "ada", expectedRevision: revision).version)
            } catch {
                outcome = .failure(error)
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let all = outcomes.withLock { $0 }
        let wins = all.compactMap { try? $0.get() }
        #expect(wins == [2])
        for case .failure(let error) in all {
            guard case .conflict(_, let expected, _) = error else {
                Issue.record("expected a conflict, got \(error)")
                continue
            }
            #expect(expected == revision)
        }
        #expect(community.siteHistory("partners").map(\.version) == [2, 1])
    }

    @Test("a stale revision is refused for a draft edit too")
    func staleEdit() throws {
        let community = try BuilderFixture.stored()
        let revision = try #require(community.siteBuilderState("partners")).version
        try BuilderFixture.addToHome(BuilderFixture.banner("first", heading: "First"), in: community)
        #expect(throws: SiteBuilderError.self) {
            try community.editSiteDraft("partners", by: "ada", summary: "late", expectedRevision: revision) { _ throws(SiteBuilderError) in }
        }
    }

    @Test("a site edited and published survives a restart on SQLiteStore; the host's code does not overwrite it")
    func survivesRestart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-sites-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sites.sqlite").path
        do {
            let store = try SQLiteStore(path: path, registry: EntityRegistry(IdentityEntities.all + SiteEntities.all))
            let first = try BuilderFixture.community(store: store)
            try first.storeSite(KitFixture.partnerSite(), by: "ada")
            let created = BuilderFixture.post(first, "createPage", as: "ada", ["id": "news", "title": "Partner news", "slug": "news", "visibility": "public"])
            #expect(created.status == 303)
            let published = BuilderFixture.post(first, "publish", as: "ada", [:])
            #expect(published.status == 303)
            #expect(first.handle(SiteRequest(.get, "/partners/news")).status == 200)
        }
        let store = try SQLiteStore(path: path, registry: EntityRegistry(IdentityEntities.all + SiteEntities.all))
        let second = try BuilderFixture.community(store: store, seed: false)
        #expect(second.handle(SiteRequest(.get, "/partners/news")).status == 200)
        // The host starts the way it did the first time; the stored site wins.
        try second.storeSite(KitFixture.partnerSite(), by: nil)
        #expect(second.handle(SiteRequest(.get, "/partners/news")).status == 200)
        #expect(second.siteHistory("partners").map(\.version) == [2, 1])
        #expect(second.siteAuditTrail("partners").first?.actor == "ada")
    }

    @Test("preview renders as the chosen persona: a members-only page is refused to the guest")
    func previewAsPersona() throws {
        let community = try BuilderFixture.stored()
        let guest = try community.previewSite("partners", page: "leads", as: .guest)
        #expect(guest.status == 403)
        let pat = try community.previewSite("partners", page: "leads", as: BuilderFixture.viewer(community, "pat"))
        #expect(pat.status == 200)
        #expect(throws: SiteBuilderError.unknownPage(siteID: "partners", pageID: "nope")) {
            try community.previewSite("partners", page: "nope", as: .guest)
        }
    }

    @Test("importing a bundle over a stored site publishes it as the next version")
    func importStoredSite() throws {
        let community = try BuilderFixture.stored()
        var site = try KitFixture.partnerSite()
        site.name = "Imported partners"
        _ = try community.importSite(SiteBundle(site: site).encoded(), dryRun: false)
        #expect(community.site("partners")?.site.name == "Imported partners")
        #expect(community.siteHistory("partners").map(\.version) == [2, 1])
        #expect(try community.siteDraft("partners").name == "Imported partners")
    }

    @Test("a site added in code only is stored on its first edit")
    func addSiteThenEdit() throws {
        let community = try BuilderFixture.community()
        try community.addSite(KitFixture.partnerSite())
        #expect(community.siteBuilderState("partners") == nil)
        try BuilderFixture.addToHome(BuilderFixture.banner("b", heading: "Edited"), in: community)
        #expect(community.siteBuilderState("partners")?.value.liveVersion == 1)
        #expect(community.siteAuditTrail("partners").map(\.kind) == [.draftEdit, .stored])
    }

    @Test("layout edits: move between regions and columns; a bad position changes nothing")
    func layoutEditing() throws {
        var layout = PageLayout(regions: [
            Region(name: "main", rows: [Row(columns: [Column(components: [ComponentInstance(id: "a", type: "x.a")]), Column()])]),
            Region(name: "sidebar", rows: [Row(columns: [Column()])]),
        ])
        try layout.moveComponent("a", to: LayoutPosition(region: 1, row: 0, column: 0))
        #expect(layout.position(of: "a") == LayoutPosition(region: 1, row: 0, column: 0, index: 0))
        let before = layout
        #expect(throws: LayoutEditError.noSuchPosition(LayoutPosition(region: 0, row: 3, column: 0))) {
            try layout.moveComponent("a", to: LayoutPosition(region: 0, row: 3, column: 0))
        }
        #expect(layout == before)
        #expect(throws: LayoutEditError.duplicateComponent("a")) {
            try layout.insert(ComponentInstance(id: "a", type: "x.a"), at: LayoutPosition(region: 0, row: 0, column: 1))
        }
        #expect(throws: LayoutEditError.invalidColumns("8,8")) { try layout.appendRow(columns: "8,8", toRegion: 0) }
        try layout.appendRow(columns: "8,4", toRegion: 0)
        #expect(layout.regions[0].rows.count == 2)
        #expect(LayoutPosition(parsing: "1.2.3") == LayoutPosition(region: 1, row: 2, column: 3))
        #expect(LayoutPosition(parsing: "1.-2.3") == nil)
        #expect(LayoutPosition(parsing: "99999999999999999999.0.0") == nil)
    }
}
