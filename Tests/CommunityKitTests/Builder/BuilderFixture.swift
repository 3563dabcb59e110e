import CommunityKit
import Foundation

/// A community with a stored partner site and a site administrator, Ada (permission set
/// `site-admin` grants Manage Community); Cara manages channels but not sites.
enum BuilderFixture {
    static let adminSet = PermissionSet(
        id: "site-admin", name: "Site administrators", permissions: PermissionGrants(system: [Community.siteBuilderPermission]))
    static let ada = User(id: "ada", kind: .internal, name: "Ada Admin", email: "ada@x.example", profileID: "channel", permissionSetIDs: ["site-admin"], roleID: "cm")

    /// Puts the fixture's people and the administrator into `store`.
    static func seed(_ store: any Store) throws {
        let base = try KitFixture.store().snapshot()
        let profiles = try base.all(Profile.self).map(\.value)
        let roles = try base.all(Role.self).map(\.value)
        let accounts = try base.all(Account.self).map(\.value)
        let users = try base.all(User.self).map(\.value)
        let defaults = try base.all(OrgWideDefault.self).map(\.value)
        try store.write { tx in
            for profile in profiles { try tx.put(profile) }
            for role in roles { try tx.put(role) }
            for account in accounts { try tx.put(account) }
            for value in defaults { try tx.put(value) }
            for user in users { try tx.put(user) }
            try tx.put(adminSet)
            try tx.put(ada)
        }
    }

    static func community(store: (any Store)? = nil, seed: Bool = true) throws -> Community {
        let store = store ?? MemoryStore()
        if seed { try Self.seed(store) }
        return try Community(CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret))
    }

    /// A community whose partner site is stored (version 1).
    static func stored() throws -> Community {
        let community = try community()
        try community.storeSite(KitFixture.partnerSite(), by: "ada")
        return community
    }

    static func viewer(_ community: Community, _ user: ID<User>) -> Viewer {
        community.viewer(user, sessionID: "session-\(user.rawValue)")
    }

    /// A GET of a builder path as a user.
    static func get(_ community: Community, _ path: String, as user: ID<User>?, query: [String: String] = [:]) -> SiteResponse {
        community.handle(SiteRequest(.get, path, query: query, viewer: user.map { viewer(community, $0) } ?? .guest))
    }

    /// A POST of a builder action as a user, with the CSRF token and revision from the overview.
    static func post(_ community: Community, _ action: String, as user: ID<User>, _ form: [String: String], revision: String? = nil) -> SiteResponse {
        let page = get(community, "/partners/builder", as: user).body
        var fields = form
        fields["_csrf"] = KitFixture.token(page)
        fields["revision"] = revision ?? value(of: "revision", in: page)
        return community.handle(SiteRequest(.post, "/partners/builder/action/" + action, form: fields, viewer: viewer(community, user)))
    }

    static func value(of field: String, in html: String) -> String {
        guard let range = html.range(of: "name=\"\(field)\" value=\"") else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A banner instance.
    static func banner(_ id: String, heading: String) -> ComponentInstance {
        ComponentInstance(id: id, type: "community.banner", properties: ["heading": .string(heading)])
    }

    /// Puts a component at the top of the home page's first main column.
    static func addToHome(_ instance: ComponentInstance, in community: Community, by user: ID<User>? = "ada") throws {
        try community.editSiteDraft("partners", by: user, summary: "test edit") { site throws(SiteBuilderError) in
            guard var home = site.page("home"), let main = home.layout.regions.firstIndex(where: { $0.name == "main" }) else {
                throw .unknownPage(siteID: "partners", pageID: "home")
            }
            do throws(LayoutEditError) {
                try home.layout.insert(instance, at: LayoutPosition(region: main, row: 0, column: 0, index: 0))
            } catch { throw .invalidEdit(error) }
            do throws(SiteError) { try site.updatePage(home) } catch { throw .invalidDraft(siteID: "partners", [error]) }
        }
    }
}
