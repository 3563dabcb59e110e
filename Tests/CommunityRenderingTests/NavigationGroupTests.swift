import CommunityModel
import CommunityAccess
import CommunityRendering
import Foundation
import Testing

/// A main-menu entry with sub-entries: a `details` drop-down in the wide navigation row, a nested
/// list in the compact menu, shown when the viewer sees the entry or any sub-entry.
@Suite struct NavigationGroupTests {
    /// The fixture site whose "Docs" entry groups "Install" and the partners-only "Partner area".
    func responder(hubAudience: String? = nil) throws -> SiteResponder {
        var site = try Fixtures.site()
        var docs = NavigationMenu.Item("Docs", .page("docs"), audienceID: hubAudience)
        docs.children = [.init("Install guide", .page("install")), .init("Partner area", .page("partner-area"), audienceID: "partners")]
        site.menus = [NavigationMenu(id: "main", items: [.init("Home", .page("home")), docs])]
        return try Fixtures.responder(site: site)
    }

    func body(_ responder: SiteResponder, _ path: String = "/help/", as user: User?) -> String {
        responder.handle(Fixtures.request(.get, path, as: user)).body
    }

    /// The part of the page between two markers.
    func part(_ html: String, from start: String, to end: String) -> String {
        guard let lower = html.range(of: start), let upper = html.range(of: end, range: lower.upperBound..<html.endIndex) else { return "" }
        return String(html[lower.upperBound..<upper.lowerBound])
    }

    @Test func theWideRowShowsAGroupAsADropDownLedByItsOwnPage() throws {
        let html = body(try responder(), as: Fixtures.partnerA)
        let wide = part(html, from: #"<div class="ck-nav-wide">"#, to: "</div>")
        #expect(wide.contains(#"<li class="ck-nav-group"><details><summary>Docs</summary><ul><li><a href="/help/docs">Docs</a></li>"#))
        #expect(wide.contains(#"<a href="/help/docs/install">Install guide</a>"#) && wide.contains(#"href="/help/partner-area""#))
        // The compact menu lists the same entries nested, without a drop-down.
        let compact = part(html, from: #"<details class="ck-nav-compact">"#, to: "</nav>")
        #expect(!compact.contains(#"<li class="ck-nav-group">"#))
        #expect(compact.contains(#"<li><a href="/help/docs">Docs</a><ul><li><a href="/help/docs/install">Install guide</a></li>"#))
    }

    @Test func subEntriesKeepTheirAudiences() throws {
        let html = body(try responder(), as: Fixtures.customer)
        #expect(html.contains(#"<li class="ck-nav-group">"#) && html.contains(#"href="/help/docs/install""#))
        #expect(!html.contains(#"href="/help/partner-area""#))
    }

    @Test func aGroupShowsWhenOnlyASubEntryIsForTheViewer() throws {
        // The group's own page is for German speakers only; Pat (English) sees the group for its entries.
        let pat = body(try responder(hubAudience: "german"), as: Fixtures.partnerA)
        let wide = part(pat, from: #"<div class="ck-nav-wide">"#, to: "</div>")
        #expect(wide.contains(#"<details><summary>Docs</summary><ul><li><a href="/help/docs/install">"#))
        #expect(!wide.contains(#"<a href="/help/docs">"#))
        let compact = part(pat, from: #"<details class="ck-nav-compact">"#, to: "</nav>")
        #expect(compact.contains(#"<span class="ck-nav-label">Docs</span><ul>"#))
    }

    @Test func aGroupWithNothingForTheViewerIsLeftOut() throws {
        var site = try Fixtures.site()
        var area = NavigationMenu.Item("Partner area", .page("partner-area"), audienceID: "partners")
        area.children = [.init("Partner docs", .page("partner-area"), audienceID: "partners")]
        site.menus = [NavigationMenu(id: "main", items: [.init("Home", .page("home")), area])]
        let html = body(try Fixtures.responder(site: site), as: Fixtures.customer)
        #expect(!html.contains(#"<li class="ck-nav-group">"#) && !html.contains(">Partner area<"))
    }

    @Test func theSummaryIsMarkedWhileOneOfItsPagesIsOpen() throws {
        let html = body(try responder(), "/help/docs/install", as: Fixtures.partnerA)
        #expect(html.contains(#"<summary class="ck-nav-current">Docs</summary>"#))
        #expect(html.contains(#"<a href="/help/docs/install" aria-current="page">Install guide</a>"#))
        let home = body(try responder(), as: Fixtures.partnerA)
        #expect(!home.contains(#"class="ck-nav-current""#))
    }
}
