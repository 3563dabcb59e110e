import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// Design tokens in the stylesheet, the responsive navigation, scrolling tables, the footer,
/// the logo's alt text and what guests and members see when components have nothing to show.
@Suite struct DesignSystemTests {
    /// The fixture site plus a dashboard page of member-related components and a footer.
    static func site(_ change: (inout Site) -> Void = { _ in }) throws -> Site {
        var site = try Fixtures.site()
        try site.addPage(Page(id: "dash", title: "Dashboard", slug: "dash", layout: PageLayout {
            Region("header") { Row { Column(12) { ComponentInstance(id: "header", type: "community.header") } } }
            Region("main") {
                Row {
                    Column(12) {
                        ComponentInstance(id: "pipeline", type: "community.dealPipeline", properties: ["leadsPage": "leads"])
                        ComponentInstance(id: "feed", type: "community.feed")
                        ComponentInstance(id: "leaders", type: "community.leaderboard")
                        ComponentInstance(id: "members", type: "community.memberDirectory")
                    }
                }
            }
            Region("footer") { Row { Column(12) { ComponentInstance(id: "footer", type: "community.footer") } } }
        }))
        change(&site)
        return site
    }

    static func page(_ path: String, as user: User? = nil, site: Site? = nil, services: RenderServices? = nil) throws -> SiteResponse {
        let responder = try SiteResponder(
            site: site ?? Self.site(), registry: .standard, services: services ?? Fixtures.services(engine: Fixtures.accessEngine()),
            csrf: Fixtures.csrf, clock: Fixtures.clock)
        return responder.handle(Fixtures.request(.get, path, as: user))
    }

    /// The markup inside one component's wrapper.
    static func component(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"c-\(id)\">") else { return nil }
        let rest = html[start.upperBound...]
        // Components do not nest `ck-component` wrappers, so the next wrapper or region end bounds it.
        let end = [rest.range(of: "<div class=\"ck-component\""), rest.range(of: "</main>"), rest.range(of: "</footer>")]
            .compactMap { $0?.lowerBound }.min() ?? rest.endIndex
        return String(rest[..<end])
    }

    // MARK: Tokens

    @Test func everyTokenIsDeclaredAndTheStylesheetUsesEachOne() {
        let css = Stylesheet.css(for: .standard)
        for declared in ["--ck-space-1:4px", "--ck-space-6:40px", "--ck-text-1:0.875rem", "--ck-text-6:2.0rem", "--ck-radius-3:10px",
                         "--ck-shadow-1:0 1px 3px rgb(0 0 0 / 12%)", "--ck-content-width:1200px", "--ck-muted:#5b6170",
                         "--ck-border:#8a909c", "--ck-focus:#0b5cab", "--ck-danger:#b3261e"] {
            #expect(css.contains(declared), "missing \(declared)")
        }
        let names = ["space-1", "space-2", "space-3", "space-4", "space-5", "space-6", "text-1", "text-2", "text-3", "text-4", "text-5",
                     "text-6", "radius-1", "radius-2", "radius-3", "shadow-1", "shadow-2", "content-width", "muted", "border", "focus", "danger",
                     "space", "radius", "primary", "on-primary", "background", "text", "link", "surface", "font-body", "font-heading"]
        for name in names { #expect(Stylesheet.base.contains("var(--ck-\(name))"), "the stylesheet never uses --ck-\(name)") }
    }

    @Test func aThemesTokensRestyleTheSite() throws {
        var site = try Self.site()
        site.theme.tokens = DesignTokens(space: [2, 4, 6, 8, 10, 12], fontSizes: [12, 15, 17, 19, 23, 30], radii: [0, 0, 0],
                                         elevations: [.init(offset: 0, blur: 0, opacity: 0), .init(offset: 2, blur: 4, opacity: 20)],
                                         contentWidth: 960)
        let html = try Self.page("/help/", site: site).body
        #expect(html.contains("--ck-space-6:12px"))
        #expect(html.contains("--ck-text-2:0.9375rem"))
        #expect(html.contains("--ck-radius-3:0px"))
        #expect(html.contains("--ck-shadow-2:0 2px 4px rgb(0 0 0 / 20%)"))
        #expect(html.contains("--ck-content-width:960px"))
    }

    @Test func outOfRangeTokensAreReportedAndClamped() {
        var theme = Theme.standard
        theme.tokens = DesignTokens(space: [1000, -5], fontSizes: [2, 16, 18, 20, 24, 500], radii: [4, 6, 10],
                                    elevations: [.init(offset: 99, blur: 1, opacity: 100)], contentWidth: 10)
        let issues = theme.issues
        #expect(issues.contains("space has 2 steps, not 6"))
        #expect(issues.contains("space value 1000 is outside 0–128"))
        #expect(issues.contains("font size value 500 is outside 10–96"))
        #expect(issues.contains("elevation has 1 steps, not 2"))
        #expect(issues.contains { $0.hasPrefix("elevation 99/1/100%") })
        #expect(issues.contains("content width 10 is outside 320–2400"))
        let css = theme.customProperties
        #expect(css.contains("--ck-space-1:128px;--ck-space-2:0px;--ck-space-3:12px"), "clamped, missing steps from the standard scale")
        #expect(css.contains("--ck-text-1:0.625rem"))
        #expect(css.contains("--ck-shadow-1:0 32px 1px rgb(0 0 0 / 60%)"))
        #expect(css.contains("--ck-content-width:320px"))
    }

    @Test func themesFromOlderBundlesStillDecode() throws {
        let old = """
            {"name":"Old","primary":"#0b5cab","onPrimary":"#ffffff","background":"#ffffff","text":"#1b1b1f","link":"#0b5cab",
             "surface":"#f4f5f7","bodyFonts":["Inter"],"headingFonts":["Inter"],"spacing":8,"radius":6,"header":"standard","footer":"simple"}
            """
        let theme = try JSONDecoder().decode(Theme.self, from: Data(old.utf8))
        #expect(theme.tokens == .standard)
        #expect(theme.focus == theme.primary)
        #expect(theme.footerLinks.isEmpty)
        #expect(theme.favicon == nil)
        var custom = Theme.partner
        custom.tokens.space = [1, 2, 3, 4, 5, 6]
        custom.footerLinks = [.init("Privacy", SafeURL("/privacy"))]
        custom.favicon = SafeURL("/p/_assets/favicon.svg")
        #expect(try JSONDecoder().decode(Theme.self, from: JSONEncoder().encode(custom)) == custom)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Theme.self, from: Data(old.replacingOccurrences(of: "\"radius\":6", with: "\"radius\":6,\"muted\":\"red\"").utf8))
        }
    }

    @Test func builtInThemesPassAAIncludingTheNewColours() {
        for theme in [Theme.standard, Theme.partner] {
            #expect(theme.contrastFailures.isEmpty, "\(theme.name): \(theme.contrastFailures)")
            #expect(theme.issues.isEmpty)
        }
        var pale = Theme.standard
        pale.muted = ThemeColor("#aaaaaa")
        pale.border = ThemeColor("#eeeeee")
        pale.danger = ThemeColor("#ff8888")
        pale.focus = ThemeColor("#dddddd")
        #expect(pale.contrastFailures.map(\.name) == [
            "muted/background", "muted/surface", "danger/background", "danger/surface", "border/background", "focus/background", "focus/surface",
        ])
    }

    @Test func pagesCarryNoInlineStyles() throws {
        for (path, user) in [("/help/", nil), ("/help/leads", Fixtures.employee), ("/help/dash", Fixtures.partnerA), ("/help/ask", nil)] as [(String, User?)] {
            let html = try Self.page(path, as: user).body
            #expect(!html.contains(" style="), "\(path) has a style attribute")
            #expect(html.components(separatedBy: "<style>").count == 2, "\(path): one stylesheet, allowed by its hash")
        }
    }

    // MARK: Navigation, tables

    @Test func theMenuCollapsesIntoDetailsAndMarksTheCurrentPage() throws {
        let home = try Self.page("/help/").body
        #expect(home.contains("<nav class=\"ck-nav\" aria-label=\"Main navigation\"><div class=\"ck-nav-wide\"><ul>"))
        #expect(home.contains("<details class=\"ck-nav-compact\"><summary>Menu</summary><ul>"))
        #expect(home.components(separatedBy: "<a href=\"/help/\" aria-current=\"page\">Home</a>").count == 3, "both lists mark Home")
        #expect(home.contains("<a href=\"/help/docs\">Docs</a>"))
        let docs = try Self.page("/help/docs").body
        #expect(docs.contains("<a href=\"/help/docs\" aria-current=\"page\">Docs</a>"))
        #expect(!docs.contains("<a href=\"/help/\" aria-current"))
        #expect(try Self.page("/help/", as: Fixtures.partnerB).body.contains("<summary>Menü</summary>"))
        #expect(Stylesheet.base.contains("@media (max-width:759px){.ck-nav-wide{display:none}"))
        #expect(Stylesheet.base.contains("@media (min-width:760px){.ck-nav-compact{display:none}}"))
        #expect(Stylesheet.base.contains(":focus-visible{outline:3px solid var(--ck-focus)"))
    }

    @Test func wideTablesScrollInALabelledFocusableRegion() throws {
        let html = try Self.page("/help/leads", as: Fixtures.employee).body
        #expect(html.contains("<div class=\"ck-table-scroll\" role=\"region\" aria-label=\"Lead\" tabindex=\"0\"><table class=\"ck-table\">"))
        #expect(Stylesheet.base.contains(".ck-table-scroll{overflow-x:auto"))
    }

    // MARK: Header, footer

    @Test func aLogoNextToTheSiteNameIsDecorative() throws {
        var site = try Self.site()
        site.theme.logo = site.assetURL("logo.svg")
        let html = try Self.page("/help/", site: site).body
        #expect(html.contains("<a class=\"ck-brand\" href=\"/help/\"><img src=\"/help/_assets/logo.svg\" alt=\"\" height=\"32\"><span class=\"ck-site-name\">Help</span></a>"))
    }

    @Test func theFooterCarriesTheSiteNameAndTheThemesLinks() throws {
        let plain = try Self.page("/help/dash").body
        #expect(plain.contains("<div class=\"ck-footer ck-footer-simple\"><p class=\"ck-footer-site\">© Help</p></div>"))
        let site = try Self.site { $0.theme.footerLinks = [.init("Privacy", SafeURL("/privacy")), .init("Contact", SafeURL("mailto:help@example.com"))] }
        let html = try Self.page("/help/dash", site: site).body
        #expect(html.contains("<p class=\"ck-footer-site\">© Help</p><nav aria-label=\"Footer\"><ul><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"mailto:help@example.com\">Contact</a></li></ul></nav>"))
        #expect(try Self.page("/help/dash", as: Fixtures.customer, site: site).body.contains("<nav aria-label=\"바닥글\">"))
        var bad = Theme.standard
        bad.footerLinks = [.init("", SafeURL("/x"))]
        #expect(bad.issues == ["footer link label \"\" must have 1–100 characters"])
    }

    @Test func templatesNoLongerSayCommunityInTheFooter() throws {
        var site = try SiteTemplate.partnerCentral.makeSite(.init(id: "p", name: "Acme Partners", urlPrefix: "/p"))
        site.status = .published
        let html = try Self.page("/p/", site: site).body
        #expect(html.contains("© Acme Partners"))
        #expect(!html.contains("© Community"))
    }

    // MARK: Empty and public states

    @Test func guestsSeeNoEmptyMemberCardsAndNoMembers() throws {
        let html = try Self.page("/help/dash").body
        for id in ["pipeline", "feed", "leaders", "members"] {
            #expect(html.contains("id=\"c-\(id)\"></div>"), "\(id) rendered for a guest: \(Self.component(id, in: html) ?? "nil")")
        }
        #expect(!html.contains("Plain text"), "no member name reaches a guest")
        #expect(Stylesheet.base.contains(".ck-component:empty{display:none}"))
    }

    @Test func aSiteSettingLetsGuestsSeeMembers() throws {
        let site = try Self.site { $0.showsMembersToGuests = true }
        let html = try Self.page("/help/dash", site: site).body
        #expect(Self.component("leaders", in: html)?.contains("Plain text") == true)
        #expect(Self.component("members", in: html)?.contains("Plain text") == true)
        #expect(html.contains("id=\"c-feed\"></div>"), "the feed stays hidden: a guest has none")
    }

    @Test func membersSeeTheirCardsAndUsefulEmptyStates() throws {
        let html = try Self.page("/help/dash", as: Fixtures.partnerA).body
        let pipeline = try #require(Self.component("pipeline", in: html))
        #expect(pipeline.contains("<p class=\"ck-empty\">No deals yet. Deals appear here once your registered leads are converted. <a href=\"/help/leads\">Register a lead</a></p>"))
        #expect(Self.component("feed", in: html)?.contains("Plain text") == true)
        #expect(Self.component("leaders", in: html)?.contains("Plain text") == true)
        let german = try Self.page("/help/dash", as: Fixtures.partnerB).body
        #expect(Self.component("pipeline", in: german)?.contains("Noch keine Deals.") == true)
    }

    @Test func anEmptyFeedSaysWhatWillAppear() throws {
        struct Quiet: EngagementProvider {
            func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] { [] }
            func question(id: String, viewer: Viewer) throws -> QuestionView? { nil }
            func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] { [] }
            func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] { [] }
            func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] { [] }
            func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] { [] }
            func member(id: String, viewer: Viewer) throws -> MemberProfile? { nil }
            func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] { [] }
        }
        let html = try Self.page("/help/dash", as: Fixtures.partnerA, services: Fixtures.services(engine: Fixtures.accessEngine(), engagement: Quiet())).body
        #expect(Self.component("feed", in: html)?.contains("No posts yet.") == true)
    }
}
