import CommunityModel
import CommunityRendering
import Foundation
import Testing

@Suite struct BundleTests {
    @Test func exportImportRoundTrip() throws {
        var site = try Fixtures.site()
        try site.renamePage("docs", slug: "guides")
        let data = try SiteBundle(site: site).encoded()
        let bundle = try SiteBundle.decode(data)
        #expect(bundle.site == site)
        let plan = try bundle.plan(over: site, registry: .standard)
        #expect(plan.changes.isEmpty)
        #expect(plan.site == site)
        #expect(try SiteBundle(site: plan.site).encoded() == data, "stable bytes")
    }

    @Test(arguments: SiteTemplate.all.map(\.id))
    func everyTemplateRoundTrips(_ templateID: String) throws {
        let template = try #require(SiteTemplate.all.first { $0.id == templateID })
        let site = try template.makeSite(.init(id: "t", name: "T", urlPrefix: "/t"))
        let bundle = try SiteBundle.decode(try SiteBundle(site: site).encoded())
        #expect(bundle.site == site)
        #expect(try bundle.plan(over: nil, registry: .standard).changes.first == .createSite("t"))
    }

    @Test func dryRunListsWhatWouldChange() throws {
        let old = try Fixtures.site()
        var new = old
        new.name = "Help Center"
        new.theme.primary = ThemeColor("#003366")
        new.audiences.removeAll { $0.id == "german" }
        new.audiences.append(Audience(id: "staff", name: "Staff", criteria: .userKind([.internal])))
        new.menus[0].items.append(.init("Search", .page("search")))
        try new.movePage("linux", under: "docs")
        try new.removePage("ask")
        try new.addPage(Page(id: "news", title: "News", slug: "news"))
        var docs = try #require(new.page("docs"))
        docs.title = "Documentation"
        docs.layout.regions[1].rows[0].columns[0].components[0].properties = ["html": "<p>New docs</p>"]
        try new.updatePage(docs)
        let plan = try SiteBundle(site: new).plan(over: old, registry: .standard)
        let text = plan.changes.map(\.description)
        #expect(plan.changes.contains(.setting("name", from: "Help", to: "Help Center")))
        #expect(plan.changes.contains(.theme(["primary"])))
        #expect(plan.changes.contains(.audience(id: "staff", "added")))
        #expect(plan.changes.contains(.audience(id: "german", "removed")))
        #expect(plan.changes.contains(.menu(id: "main", "changed")))
        #expect(plan.changes.contains(.pageMoved(id: "linux", from: "/docs/install/linux", to: "/docs/linux")))
        #expect(plan.changes.contains(.pageRemoved(id: "ask", path: "/ask")))
        #expect(plan.changes.contains(.pageAdded(id: "news", path: "/news")))
        #expect(plan.changes.contains(.pageChanged(id: "docs", fields: ["title"])))
        #expect(plan.changes.contains(.layoutChanged(pageID: "docs", [.propertiesChanged(id: "t", keys: ["html"])])))
        #expect(text.count == plan.changes.count)
    }

    @Test func malformedBundlesSayWhere() throws {
        #expect(throws: BundleError.self) { try SiteBundle.decode(Data("{".utf8)) }
        var json = try JSONValue.encoding(SiteBundle(site: Fixtures.site()))
        guard case .object(var root) = json, case .object(var site) = root["site"]!, case .object(var theme) = site["theme"]! else {
            Issue.record("unexpected shape")
            return
        }
        theme["primary"] = "javascript:alert(1)"
        site["theme"] = .object(theme)
        root["site"] = .object(site)
        json = .object(root)
        do {
            _ = try SiteBundle.decode(Data(json.description.utf8))
            Issue.record("expected an error")
        } catch {
            guard case .malformed(let detail) = error else { Issue.record("\(error)"); return }
            #expect(detail.contains("site.theme.primary"))
        }
        root["formatVersion"] = 99
        #expect(throws: BundleError.unsupportedVersion(99)) {
            var good = try JSONValue.encoding(SiteBundle(site: Fixtures.site())).objectValue
            good["formatVersion"] = 99
            _ = try SiteBundle.decode(Data(JSONValue.object(good).description.utf8))
        }
    }

    @Test func invalidSitesAreRefusedWithEveryProblem() throws {
        var site = try Fixtures.site()
        var docs = try #require(site.page("docs"))
        docs.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "t", type: "acme.nope"))
        try site.updatePage(docs)
        site.theme.bodyFonts = ["x;y"]
        do {
            _ = try SiteBundle(site: site).plan(over: nil, registry: .standard)
            Issue.record("expected an error")
        } catch {
            guard case .invalidSite(let problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.count == 2)
            #expect(problems.contains { if case .invalidTheme(let issue) = $0 { issue.contains("font name") } else { false } })
            #expect(problems.contains { if case .invalidLayout(pageID: "docs", _) = $0 { $0.description.contains("already used") } else { false } })
        }
    }

    @Test func tamperedHierarchyIsRejected() throws {
        var json = try JSONValue.encoding(SiteBundle(site: Fixtures.site())).objectValue
        var site = json["site"]!.objectValue
        var pages = site["pages"]!
        guard case .array(var list) = pages else { return }
        var first = list[1].objectValue
        first["slug"] = "Not A Slug"
        list[1] = .object(first)
        pages = .array(list)
        site["pages"] = pages
        json["site"] = .object(site)
        let bundle = try SiteBundle.decode(Data(JSONValue.object(json).description.utf8))
        #expect(throws: BundleError.invalidSite([.invalidSlug("Not A Slug", pageID: "docs")])) {
            try bundle.plan(over: nil, registry: .standard)
        }
    }
}
