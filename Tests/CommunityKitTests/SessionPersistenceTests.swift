import CommunityKit
import CommunitySQLite
import Foundation
import Testing

/// Sessions live in the store: with `SQLiteStore`, a signed-in browser stays signed in across a
/// restart of the engine, and a signed-out one stays out.
@Suite struct SessionPersistenceTests {
    func community(on path: String, seed: Bool) throws -> Community {
        let store = try SQLiteStore(path: path, registry: EntityRegistry(IdentityEntities.all))
        if seed {
            let seeded = try KitFixture.store()
            let users = try seeded.snapshot().all(User.self).map(\.value)
            let accounts = try seeded.snapshot().all(Account.self).map(\.value)
            let profiles = try seeded.snapshot().all(Profile.self).map(\.value)
            let roles = try seeded.snapshot().all(Role.self).map(\.value)
            try store.write { tx in
                for profile in profiles { try tx.put(profile) }
                for role in roles { try tx.put(role) }
                for account in accounts { try tx.put(account) }
                for user in users { try tx.put(user) }
            }
        }
        var configuration = CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret)
        configuration.passwordHasher = .insecureForTesting()
        let community = try Community(configuration)
        var site = try SiteTemplate.partnerCentral.makeSite(
            .init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner"]))
        site.status = .published
        try community.addSite(site)
        return community
    }

    @Test("a session survives a restart on SQLiteStore; sign-out survives it too")
    func sessionsSurviveRestart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal.sqlite").path
        var cookies: [String: String] = [:]
        do {
            let first = try community(on: path, seed: true)
            try first.identity.setPassword(SignInTests.password, for: "pat")
            let browser = Browser(first)
            #expect(SignInTests.signIn(browser, "pat", SignInTests.password).status == 303)
            #expect(browser.get("/partners/leads").body.contains(">Pat<"))
            cookies = browser.cookies
        }
        // The first engine and its store are gone (the SQLite lock is released); a new one opens the file.
        let second = try community(on: path, seed: false)
        let restored = second.handle(SiteRequest(.get, "/partners/leads", cookies: cookies))
        #expect(restored.status == 200)
        #expect(restored.body.contains(">Pat<"))
        let browser = Browser(second)
        for (name, value) in cookies { browser.set(name, value) }
        let page = browser.get("/partners/")
        #expect(page.body.contains("_action/signOut"))
        _ = browser.post("/partners/_action/signOut", [:])
        let afterSignOut = second.handle(SiteRequest(.get, "/partners/leads", cookies: cookies))
        #expect(!afterSignOut.body.contains(">Pat<"))
    }
}
