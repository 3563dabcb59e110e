import CommunityKit
import Foundation
import Testing

/// The builder under `<prefix>/builder`: who gets in, and every form, including bad input.
@Suite struct SiteBuilderPagesTests {
    @Test("the guest is sent to sign in, a member without Manage Community gets 403, the administrator gets in")
    func access() throws {
        let community = try BuilderFixture.stored()
        let guest = BuilderFixture.get(community, "/partners/builder", as: nil)
        #expect(guest.status == 303)
        #expect(guest.location?.hasPrefix("/partners/login") == true)
        for user: ID<User> in ["cara", "pat"] {
            #expect(BuilderFixture.get(community, "/partners/builder", as: user).status == 403)
            #expect(BuilderFixture.get(community, "/partners/builder/page/home", as: user).status == 403)
        }
        let post = community.handle(SiteRequest(.post, "/partners/builder/action/publish", form: [:], viewer: BuilderFixture.viewer(community, "cara")))
        #expect(post.status == 403)
        let admin = BuilderFixture.get(community, "/partners/builder", as: "ada")
        #expect(admin.status == 200)
        #expect(admin.headers["Content-Security-Policy"]?.contains("script-src 'none'") == true)
        #expect(!admin.body.contains("<script"))
        #expect(BuilderFixture.get(community, "/partners/builder/nope", as: "ada").status == 404)
        #expect(BuilderFixture.get(community, "/partners/builder/page/nope", as: "ada").status == 404)
    }

    @Test("a form without a valid CSRF token is refused")
    func csrf() throws {
        let community = try BuilderFixture.stored()
        let response = community.handle(SiteRequest(.post, "/partners/builder/action/publish", form: ["_csrf": "forged"], viewer: BuilderFixture.viewer(community, "ada")))
        #expect(response.status == 403)
        let page = BuilderFixture.get(community, "/partners/builder", as: "ada").body
        let crossSite = community.handle(SiteRequest(
            .post, "/partners/builder/action/publish", form: ["_csrf": KitFixture.token(page)], viewer: BuilderFixture.viewer(community, "ada"),
            headers: ["Origin": "https://evil.example", "Host": "partners.example"]))
        #expect(crossSite.status == 403)
        #expect(community.siteHistory("partners").count == 1)
    }

    @Test("create a page, add, edit, move and remove components, publish: all through forms, all audited")
    func builderFlow() throws {
        let community = try BuilderFixture.stored()
        let created = BuilderFixture.post(community, "createPage", as: "ada", ["id": "news", "title": "Partner news", "slug": "news", "visibility": "public"])
        #expect(created.status == 303)
        let editor = BuilderFixture.get(community, "/partners/builder/page/news", as: "ada")
        #expect(editor.status == 200)
        let main = try #require(try community.siteDraft("partners").page("news")?.layout.regions.firstIndex { $0.name == "main" })
        let added = BuilderFixture.post(community, "addComponent", as: "ada", ["page": "news", "column": "\(main).0.0", "type": "community.banner"])
        #expect(added.status == 303)
        #expect(added.location == "/partners/builder/page/news/component/banner-1")
        let form = BuilderFixture.get(community, "/partners/builder/page/news/component/banner-1", as: "ada")
        #expect(form.status == 200)
        #expect(form.body.contains("name=\"p.heading\""))
        let saved = BuilderFixture.post(community, "setProperties", as: "ada", ["page": "news", "component": "banner-1", "p.heading": "Big news"])
        #expect(saved.status == 303)
        let row = BuilderFixture.post(community, "addRow", as: "ada", ["page": "news", "region": "\(main)", "columns": "8,4"])
        #expect(row.status == 303)
        let moved = BuilderFixture.post(community, "moveComponent", as: "ada", ["page": "news", "component": "banner-1", "to": "\(main).1.1", "index": ""])
        #expect(moved.status == 303)
        #expect(try community.siteDraft("partners").page("news")?.layout.position(of: "banner-1") == LayoutPosition(region: main, row: 1, column: 1, index: 0))
        #expect(community.handle(SiteRequest(.get, "/partners/news")).status == 404)
        let preview = BuilderFixture.get(community, "/partners/builder/preview/news", as: "ada", query: ["as": "pat"])
        #expect(preview.status == 200)
        #expect(preview.body.contains("Big news"))
        #expect(preview.body.contains("Preview of the unpublished draft as Pat"))
        #expect(BuilderFixture.post(community, "publish", as: "ada", [:]).status == 303)
        let live = community.handle(SiteRequest(.get, "/partners/news"))
        #expect(live.status == 200)
        #expect(live.body.contains("Big news"))
        #expect(BuilderFixture.post(community, "removeComponent", as: "ada", ["page": "news", "component": "banner-1"]).status == 303)
        #expect(try community.siteDraft("partners").page("news")?.layout.component("banner-1") == nil)
        let audit = BuilderFixture.get(community, "/partners/builder/audit", as: "ada")
        #expect(audit.status == 200)
        for text in ["created page news", "added community.banner banner-1", "set the properties of banner-1", "moved banner-1", "published version 2", "removed banner-1"] {
            #expect(audit.body.contains(text), "audit trail lacks \(text)")
        }
        #expect(community.siteAuditTrail("partners").dropLast().allSatisfy { $0.actor == "ada" })
    }

    @Test("invalid properties in the builder form: 422 with each error beside its field, and nothing saved",
          arguments: [["p.suggestions": "99"], ["p.suggestions": "many"], ["p.articlePage": "not a page id!"]])
    func invalidProperties(fields: [String: String]) throws {
        let community = try BuilderFixture.stored()
        let before = try community.siteDraft("partners")
        let revision = community.siteBuilderState("partners")?.version
        var form = ["page": "support", "component": "cf"]
        form.merge(fields) { _, new in new }
        let response = BuilderFixture.post(community, "setProperties", as: "ada", form)
        #expect(response.status == 422)
        #expect(response.body.contains("aria-invalid=\"true\""))
        #expect(response.body.contains("class=\"ck-error\""))
        let name = try #require(fields.keys.first)
        #expect(response.body.contains("value=\"\(fields[name] ?? "")\"") || response.body.contains(">\(fields[name] ?? "")<"))
        #expect(try community.siteDraft("partners") == before)
        #expect(community.siteBuilderState("partners")?.version == revision)
    }

    @Test("publishing an invalid draft through the builder: 422 listing every problem; the live site is unchanged")
    func publishInvalidDraft() throws {
        let community = try BuilderFixture.stored()
        let main = try #require(try community.siteDraft("partners").page("home")?.layout.regions.firstIndex { $0.name == "main" })
        // A required property left unset: caseForm has defaults; a host component would not. Use an unknown type through the API.
        try BuilderFixture.addToHome(ComponentInstance(id: "ghost", type: "acme.missing"), in: community)
        #expect(BuilderFixture.post(community, "addComponent", as: "ada", ["page": "home", "column": "\(main).0.0", "type": "community.recordList"]).status == 303)
        let response = BuilderFixture.post(community, "publish", as: "ada", [:])
        #expect(response.status == 422)
        #expect(response.body.contains("acme.missing"))
        #expect(response.body.contains("object"))
        #expect(community.siteHistory("partners").count == 1)
    }

    @Test("hostile text in builder forms comes back escaped, in the form and on the preview",
          arguments: ["\"><script>alert(1)</script>", "' onmouseover='x", "</textarea><img src=x onerror=y>"])
    func hostileInputIsEscaped(text: String) throws {
        let community = try BuilderFixture.stored()
        let saved = BuilderFixture.post(community, "setProperties", as: "ada", ["page": "home", "component": "hero", "p.heading": text])
        #expect(saved.status == 303)
        let form = BuilderFixture.get(community, "/partners/builder/page/home/component/hero", as: "ada")
        let preview = BuilderFixture.get(community, "/partners/builder/preview/home", as: "ada", query: ["as": "guest"])
        let refused = BuilderFixture.post(community, "createPage", as: "ada", ["id": text, "title": text, "slug": text])
        #expect(refused.status == 422)
        for body in [form.body, preview.body, refused.body] {
            #expect(!body.contains("<script"))
            #expect(!body.contains("<img src=x"))
            #expect(!body.contains("' onmouseover='"))
        }
    }

    @Test("rolling back to a missing version through the builder: 422 with the error in place")
    func rollbackMissingVersion() throws {
        let community = try BuilderFixture.stored()
        let response = BuilderFixture.post(community, "rollback", as: "ada", ["version": "7"])
        #expect(response.status == 422)
        #expect(response.body.contains("there is no version 7"))
        #expect(BuilderFixture.post(community, "rollback", as: "ada", ["version": "seven"]).status == 422)
    }

    @Test("a form based on a stale revision is refused with 409")
    func staleForm() throws {
        let community = try BuilderFixture.stored()
        let stale = BuilderFixture.value(of: "revision", in: BuilderFixture.get(community, "/partners/builder", as: "ada").body)
        #expect(BuilderFixture.post(community, "publish", as: "ada", [:]).status == 303)
        let late = BuilderFixture.post(community, "publish", as: "ada", [:], revision: stale)
        #expect(late.status == 409)
        #expect(community.siteHistory("partners").count == 2)
    }

    @Test("bad create-page input is shown in place with 422", arguments: [
        ["id": "bad id!", "title": "T", "slug": "t"], ["id": "ok", "title": "", "slug": "t"], ["id": "ok", "title": "T", "slug": "Bad Slug"],
        ["id": "home", "title": "Again", "slug": "again"], ["id": "x", "title": "T", "slug": "leads"],
    ])
    func badCreatePage(form: [String: String]) throws {
        let community = try BuilderFixture.stored()
        let response = BuilderFixture.post(community, "createPage", as: "ada", form)
        #expect(response.status == 422)
        #expect(response.body.contains("ck-error"))
        #expect(community.siteAuditTrail("partners").count == 1)
    }
}
