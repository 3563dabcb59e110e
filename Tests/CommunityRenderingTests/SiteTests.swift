import CommunityModel
import CommunityRendering
import Testing

@Suite struct SiteTests {
    @Test func urlsComeFromAncestorSlugs() throws {
        let site = try Fixtures.site()
        #expect(site.path(of: "linux") == "/docs/install/linux")
        #expect(site.url(of: "linux")?.string == "/help/docs/install/linux")
        #expect(site.url(of: "home")?.string == "/help/")
        #expect(site.url(of: "article", parameter: "reset-password")?.string == "/help/article/reset-password")
        #expect(site.url(of: "article") == nil, "object pages need their parameter")
        #expect(site.depth(of: "linux") == 3)
    }

    @Test func hierarchyIsLimitedToSixLevels() throws {
        var site = try Site(id: "s", name: "S")
        var parent: String? = nil
        for level in 1...6 {
            try site.addPage(Page(id: "p\(level)", title: "P", slug: "p\(level)", parentID: parent))
            parent = "p\(level)"
        }
        #expect(throws: SiteError.tooDeep(pageID: "p7", depth: 7, limit: 6)) {
            try site.addPage(Page(id: "p7", title: "P", slug: "p7", parentID: "p6"))
        }
        try site.addPage(Page(id: "side", title: "S", slug: "side"))
        try site.addPage(Page(id: "side2", title: "S", slug: "side2", parentID: "side"))
        #expect(throws: SiteError.tooDeep(pageID: "side2", depth: 7, limit: 6)) { try site.movePage("side", under: "p5") }
        #expect(site.page("side")?.parentID == nil, "a refused move changes nothing")
    }

    @Test func pageErrors() throws {
        var site = try Fixtures.site()
        #expect(throws: SiteError.duplicatePageID("docs")) { try site.addPage(Page(id: "docs", title: "D", slug: "d2")) }
        #expect(throws: SiteError.invalidSlug("Bad Slug", pageID: "x")) { try site.addPage(Page(id: "x", title: "X", slug: "Bad Slug")) }
        #expect(throws: SiteError.invalidSlug("", pageID: "x")) { try site.addPage(Page(id: "x", title: "X", slug: "", parentID: "docs")) }
        #expect(throws: SiteError.unknownPage("ghost")) { try site.addPage(Page(id: "x", title: "X", slug: "x", parentID: "ghost")) }
        #expect(throws: SiteError.pathTaken("/docs", by: "docs")) { try site.addPage(Page(id: "x", title: "X", slug: "docs")) }
        #expect(throws: SiteError.cycle(pageID: "docs")) { try site.movePage("docs", under: "linux") }
        #expect(throws: SiteError.hasChildren(pageID: "docs")) { try site.removePage("docs") }
        #expect(throws: SiteError.invalidPrefix("partners")) { _ = try Site(id: "p", name: "P", urlPrefix: "partners") }
        try site.addPage(Page(id: "ko", title: "한국어", slug: "도움말"))
        #expect(site.path(of: "ko") == "/도움말")
    }

    @Test func renamingRedirectsEveryURLBeneath() throws {
        var site = try Fixtures.site()
        try site.renamePage("docs", slug: "guides")
        #expect(site.path(of: "linux") == "/guides/install/linux")
        #expect(site.redirects == ["/docs": "/guides", "/docs/install": "/guides/install", "/docs/install/linux": "/guides/install/linux"])
        let router = SiteRouter(site: site)
        #expect(router.resolve("/help/docs/install/linux") == .redirect(to: "/help/guides/install/linux"))
        #expect(router.resolve("/help/guides/install/linux") == .page(id: "linux", parameters: [:]))
    }

    @Test func movingAndChainsCollapse() throws {
        var site = try Fixtures.site()
        try site.movePage("install", under: nil)
        #expect(site.path(of: "linux") == "/install/linux")
        try site.renamePage("install", slug: "setup")
        #expect(site.redirects["/docs/install/linux"] == "/setup/linux", "A→B then B→C becomes A→C")
        #expect(site.redirects["/install/linux"] == "/setup/linux")
        // A new page at an old path takes the path back; its redirect goes away.
        try site.addPage(Page(id: "again", title: "Again", slug: "install"))
        #expect(site.redirects["/install"] == nil)
        #expect(SiteRouter(site: site).resolve("/help/install") == .page(id: "again", parameters: [:]))
    }

    @Test func movedObjectPagesRedirectWithTheirParameter() throws {
        var site = try Fixtures.site()
        try site.renamePage("article", slug: "kb")
        #expect(SiteRouter(site: site).resolve("/help/article/reset-password") == .redirect(to: "/help/kb/reset-password"))
    }

    @Test func routerResolvesObjectPagesAndRejectsTraversal() throws {
        let router = SiteRouter(site: try Fixtures.site())
        #expect(router.resolve("/help") == .page(id: "home", parameters: [:]))
        #expect(router.resolve("/help/") == .page(id: "home", parameters: [:]))
        #expect(router.resolve("/help/DOCS/") == .page(id: "docs", parameters: [:]))
        #expect(router.resolve("/help/case/500ABC") == .page(id: "case", parameters: ["id": "500ABC"]))
        #expect(router.resolve("/help/article/%ED%95%9C") == .page(id: "article", parameters: ["slug": "한"]))
        #expect(router.resolve("/help/docs/../members") == .notFound)
        #expect(router.resolve("/help/case/a%2Fb") == .notFound)
        #expect(router.resolve("/help/nope") == .notFound)
        #expect(router.resolve("/other/docs") == .notFound)
        #expect(router.resolve("/helpdocs") == .notFound)
    }

    @Test func siteValidationFindsBrokenReferences() throws {
        var site = try Fixtures.site()
        site.menus.append(NavigationMenu(id: "bad", items: [.init("Gone", .page("gone"), audienceID: "ghosts")]))
        var page = try #require(site.page("docs"))
        page.visibility = .audience("nobody")
        page.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "zz", type: "acme.unknown"))
        try site.updatePage(page)
        let errors = site.validate(registry: .standard)
        #expect(errors.contains(.unknownMenuTarget("gone", menu: "bad")))
        #expect(errors.contains(.unknownAudience("ghosts", at: "menu bad item Gone")))
        #expect(errors.contains(.unknownAudience("nobody", at: "page docs")))
        #expect(errors.contains(.invalidLayout(pageID: "docs", LayoutError(issues: [.unknownComponentType("acme.unknown", path: "regions[1].rows[0].columns[0].components[1]")]))))
        #expect(try Fixtures.site().validate(registry: .standard).isEmpty)
    }

    @Test func membership() throws {
        let site = try Fixtures.site()
        #expect(site.isMember(Fixtures.viewer(Fixtures.partnerA)))
        #expect(!site.isMember(Fixtures.viewer(Fixtures.outsider)))
        #expect(!site.isMember(.guest))
        var inactive = Fixtures.partnerA
        inactive.isActive = false
        #expect(!site.isMember(Fixtures.viewer(inactive)))
        #expect(site.isMember(Viewer(user: Fixtures.outsider, permissionSetIDs: ["portal-access"])) == false)
        var withSet = site
        withSet.memberPermissionSetIDs = ["portal-access"]
        #expect(withSet.isMember(Viewer(user: Fixtures.outsider, permissionSetIDs: ["portal-access"])))
    }
}
