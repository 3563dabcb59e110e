import CommunityKit
import Foundation

/// A community with the partner site and the site-form components in place, and a member who
/// reads pages and posts forms (URL-encoded or `multipart/form-data`) with the token of the
/// page the form is on.
enum SiteFormsFixture {
    static func community(maxUploadBytes: Int = 4096) throws -> Community {
        // No default case owner: a member's case stays theirs, so their manager reads it through the role hierarchy.
        let community = try Community(CommunityConfiguration(store: KitFixture.store(), clock: ManualClock(), csrfSecret: KitFixture.secret))
        var site = try KitFixture.partnerSite()
        var limits = SiteLimits.standard
        limits.maxUploadBytes = maxUploadBytes
        site.limits = limits
        for (pageID, component) in [("case", CaseActivityComponent.type), ("question", BestAnswerComponent.type)] {
            guard var page = site.page(pageID), let main = page.layout.regions.firstIndex(where: { $0.name == "main" }) else { continue }
            page.layout.regions[main].rows.append(Row(columns: [Column(components: [ComponentInstance(id: "extra", type: component)])]))
            try site.updatePage(page)
        }
        site.audiences.append(Audience(id: "moderators", name: "Moderators", criteria: .permission("moderateCommunity")))
        for (id, type, visibility) in [
            ("my-profile", ProfileEditorComponent.type, Page.Visibility.members),
            ("notifications", NotificationSettingsComponent.type, .members),
            ("moderation", ModerationQueueComponent.type, .audience("moderators")),
        ] {
            try site.addPage(Page(id: id, title: id, slug: id, visibility: visibility, layout: PageLayout(regions: [
                Region(name: "main", rows: [Row(columns: [Column(components: [ComponentInstance(id: "c", type: type)])])]),
            ])))
        }
        try community.addSite(site)
        return community
    }

    struct Member {
        let community: Community
        let viewer: Viewer

        init(_ community: Community, _ user: ID<User>?) {
            self.community = community
            viewer = user.map { community.viewer($0, sessionID: "session-\($0.rawValue)") } ?? Viewer(user: nil, sessionID: "guest-session")
        }

        func get(_ path: String, query: [String: String] = [:]) -> SiteResponse {
            community.handle(SiteRequest(.get, path, query: query, viewer: viewer))
        }

        /// Posts URL-encoded fields from `page` (with its token and return path).
        func post(_ action: String, from page: String, _ fields: [String: String], token: Bool = true) -> SiteResponse {
            var form = fields
            if token { form["_csrf"] = KitFixture.token(get(page).body) }
            form["_return"] = page
            return community.handle(SiteRequest(.post, "/partners/_action/" + action, form: form, viewer: viewer))
        }

        /// Posts a `multipart/form-data` body from `page`: the fields (token and return path
        /// added) and one file.
        func upload(
            _ action: String, from page: String, _ fields: [String: String], file: (field: String, name: String, type: String, bytes: [UInt8])?,
            token: Bool = true
        ) -> SiteResponse {
            var form = fields
            if token { form["_csrf"] = KitFixture.token(get(page).body) }
            form["_return"] = page
            var body: [UInt8] = []
            for (name, value) in form.sorted(by: { $0.key < $1.key }) {
                body += Array("--BOUNDARY\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            if let file {
                body += Array("--BOUNDARY\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
                body += file.bytes + Array("\r\n".utf8)
            }
            body += Array("--BOUNDARY--\r\n".utf8)
            return raw(action, body: body)
        }

        func raw(_ action: String, body: [UInt8], contentType: String = "multipart/form-data; boundary=BOUNDARY") -> SiteResponse {
            community.handle(SiteRequest(
                .post, "/partners/_action/" + action, viewer: viewer, headers: ["Content-Type": contentType],
                bodyByteCount: body.count, body: body))
        }
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
}
