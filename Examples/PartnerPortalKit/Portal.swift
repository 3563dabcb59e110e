import CommunityKit
import Foundation
import Synchronization

/// Builds the Northwind Cloud community: seeded store, the Partner Central site at
/// `/partners`, a Customer Service help center at `/help` and the management console at `/manage`.
struct Portal: Sendable {
    let community: Community
    let articles: KnowledgeSeed.Seeded
    /// The demonstration OpenID provider Partner Central offers ("Sign in with Northwind Identity").
    let identityProvider: NorthwindIdentity

    /// The password every persona signs in with when the portal is served (`serve`).
    static let demoPassword = "northwind-demo-2026"

    /// The portal over a fresh in-memory store, or over `store`, which is seeded only when it
    /// holds no users yet (a SQLite file from an earlier run keeps its data). `notifier` gets
    /// reset and verification links; `blobs` keeps uploaded files (in memory when `nil`);
    /// `cookies` is `.localDevelopment` for plain HTTP on this
    /// machine; with `demoPasswords`, every persona without a password gets ``demoPassword``.
    /// `clock` is a fixed demonstration time unless given (`serve` passes the system clock, so the
    /// scheduled work it runs sees time pass). `accessCheckpoint` is the access engine's
    /// checkpoint file (``CommunityConfiguration/accessCheckpoint``); `searchIndexSnapshot` the
    /// search index's snapshot file (``CommunityConfiguration/searchIndexSnapshot``).
    init(
        store: (any Store)? = nil, blobs: (any BlobStore)? = nil, notifier: (any IdentityNotifier)? = nil,
        cookies: CookiePolicy = .secure, demoPasswords: Bool = false, clock: (any WallClock)? = nil,
        accessCheckpoint: URL? = nil, searchIndexSnapshot: URL? = nil
    ) throws {
        let store = store ?? MemoryStore()
        let clock = clock ?? ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        let isEmpty = try store.snapshot().all(User.self).isEmpty
        if isEmpty {
            let entities = try Seed.entities(now: clock.now())
            try store.write { tx in
                for entity in entities { try Portal.put(entity, in: tx) }
            }
        }
        // The sitemap plugin needs the knowledge service, which exists once the community does.
        let sitemap = LateSitemap()
        var configuration = CommunityConfiguration(
            store: store, clock: clock,
            csrfSecret: Array("northwind-demo-secret-change-me".utf8),
            plugins: [CommunityPlugin(name: "Sitemap articles") { setup in setup.services.set((any SitemapSource).self, sitemap) }],
            defaultCaseOwner: .user("sam"),
            leadApprovalSteps: [ApprovalStep(name: "Channel manager review", approvers: [.role("channel-manager")])],
            cookies: cookies)
        if let notifier { configuration.identityNotifier = notifier }
        if let blobs { configuration.blobStore = blobs }
        configuration.accessCheckpoint = accessCheckpoint
        configuration.searchIndexSnapshot = searchIndexSnapshot
        PortalPrograms.configure(&configuration)
        PortalSitePages.configure(&configuration)
        let webhookReceiver = PortalAPI.Receiver(clock: configuration.clock)
        PortalAPI.configure(&configuration, receiver: webhookReceiver)
        configuration.twoFactorIssuer = "Northwind Cloud"
        // The portal serves on the system clock: after five failed sign-ins an account waits 30 s,
        // doubling up to 15 minutes (the library's default starts at 1 s).
        configuration.lockout = try LockoutPolicy(baseDelay: 30)
        configuration.recordPresentation = try PortalPresentation.make()
        // Northwind Identity answers the engine's key refreshes itself (a real host fetches the jwks_uri).
        let identityProvider = try NorthwindIdentity(clock: clock)
        configuration.singleSignOn.keySource = identityProvider
        let community = try Community(configuration)
        if demoPasswords {
            for user in Seed.people where try !community.identity.hasPassword(user.id) {
                try community.identity.setPassword(Portal.demoPassword, for: user.id)
            }
        }
        sitemap.source.withLock { $0 = KnowledgeSitemap(knowledge: community.knowledge) }
        self.community = community
        try PortalAPI.connect(community, receiver: webhookReceiver)
        articles = isEmpty ? try KnowledgeSeed.run(community) : try KnowledgeSeed.published(community)
        community.engagement.configure { $0.escalationRules = [EscalationRule(name: "Outages", keywords: [Keyword("outage"), Keyword("장애")])] }

        var partners = try SiteTemplate.partnerCentral.makeSite(.init(
            id: "partners", name: "Northwind Partner Central", urlPrefix: "/partners", memberProfileIDs: ["partner", "channel"],
            locales: ["en_US", "de_DE", "ko_KR"]))
        partners.baseURL = "https://partners.northwind.example"
        partners.status = .published
        partners.theme.footerLinks = [
            .init("Knowledge base", SafeURL("/partners/topics")),
            .init("Help Center", SafeURL("/help/")),
        ]
        try PortalAssets.install(into: community, site: &partners)
        var limits = SiteLimits.standard
        limits.maxUploadBytes = 2 << 20  // the development server accepts 4 MiB bodies
        partners.limits = limits
        try SiteFormsDemo.install(into: &partners)
        try PortalPrograms.extend(&partners)
        try PortalEmployees.install(into: &partners)
        try PortalIdeas.extend(&partners)
        try PortalSitePages.installPartners(into: &partners)
        try PortalStorage.install(into: &partners)
        try PortalReports.extend(&partners)
        PortalManagement.link(from: &partners)
        PortalTranslations.install(into: &partners)
        var partnersWithLinks = Portal.withAPITokensLink(Portal.withBuilderLink(partners))
        partnersWithLinks.groupStaffItems()
        try community.storeSite(partnersWithLinks)
        self.identityProvider = identityProvider
        try community.configureSingleSignOn(site: "partners", providers: [identityProvider.provider])

        var help = try SiteTemplate.customerService.makeSite(.init(
            id: "help", name: "Northwind Help Center", urlPrefix: "/help", memberProfileIDs: ["customer", "support", "partner"],
            locales: ["en_US", "de_DE", "ko_KR"]))
        help.baseURL = "https://help.northwind.example"
        help.status = .published
        help.theme.footerLinks = [.init("Partner Central", SafeURL("/partners/"))]
        try PortalAssets.install(into: community, site: &help)
        try Portal.addKnownIssues(to: &help)
        try PortalSitePages.installHelp(into: &help)
        PortalTranslations.install(into: &help)
        // Stored sites: a store from an earlier run keeps what the builder published there.
        try community.storeSite(Portal.withAPITokensLink(Portal.withBuilderLink(help)))
        try PortalManagement.install(into: community)
        if isEmpty {
            try Seed.engagement(community)
            try SiteFormsDemo.seed(community)
            try PortalPrograms.seed(community)
            try PortalEmployees.seed(community)
            try PortalSitePages.seed(community)
            try PortalReports.seed(community)
            try PortalManagement.seed(community)
        }
    }

    /// The site with an "API tokens" item in the account menu that signed-in members see (the JSON API's token page).
    static func withAPITokensLink(_ site: Site) -> Site {
        var site = site
        site.audiences.append(Audience(id: "api-members", name: "Signed-in members", criteria: .not(.userKind([.guest]))))
        if let tokens = SafeURL(Community.apiTokensPath(of: site)) {
            site.appendToAccountMenu([NavigationMenu.Item("API tokens", .url(tokens), audienceID: "api-members")])
        }
        return site
    }

    /// The site with a "Builder" menu item that only site administrators see.
    static func withBuilderLink(_ site: Site) -> Site {
        var site = site
        site.audiences.append(Audience(id: "site-admins", name: "Site administrators", criteria: .permission(Community.siteBuilderPermission.name)))
        if let builder = SafeURL(Community.builderPath(of: site)), let main = site.menus.firstIndex(where: { $0.id == "main" }) {
            site.menus[main].items.append(NavigationMenu.Item("Builder", .url(builder), audienceID: "site-admins"))
        }
        return site
    }

    /// The help center's guest user (profile `help-guest`) and a public known-issues page: a guest
    /// sharing rule (see ``Seed/engagement(_:)``) lets guests read those cases, and the case page
    /// is public so the list's links open for them (record access still decides what each viewer reads).
    static func addKnownIssues(to help: inout Site) throws {
        help.guestProfileID = "help-guest"
        // The "My cases" page's layout (header, list, footer), listing known issues instead.
        guard var layout = help.page("cases")?.layout else { return }
        for (r, region) in layout.regions.enumerated() {
            for (w, row) in region.rows.enumerated() {
                for (c, column) in row.columns.enumerated() {
                    for (i, component) in column.components.enumerated() where component.type == "community.recordList" {
                        layout.regions[r].rows[w].columns[c].components[i].properties = [
                            "object": "Case", "fields": ["Subject", "Status", "Priority"], "title": "Known issues",
                            "filterField": "Status", "filterValue": "Known Issue",
                        ]
                    }
                }
            }
        }
        try help.addPage(Page(id: "known-issues", title: "Known issues", slug: "known-issues", visibility: .public, layout: layout))
        if var casePage = help.page("case") {
            casePage.visibility = .public
            try help.updatePage(casePage)
        }
        for index in help.menus.indices where help.menus[index].id == "main" {
            help.menus[index].items.append(.init("Known issues", .page("known-issues")))
        }
    }

    private static func put(_ entity: any Entity, in tx: any StoreTransaction) throws {
        func open<E: Entity>(_ e: E) throws { try tx.put(e) }
        try open(entity)
    }

    /// A GET as a user (or the guest).
    func get(_ path: String, as user: String?, query: [String: String] = [:]) -> SiteResponse {
        community.handle(SiteRequest(.get, path, query: query, viewer: viewer(user)))
    }

    /// A POST of a form as a user, with a CSRF token taken from the page the form is on.
    func post(_ action: String, from page: String, as user: String, form: [String: String]) -> SiteResponse {
        let html = get(page, as: user).body
        var fields = form
        fields["_csrf"] = Portal.token(in: html)
        fields["_return"] = page
        let site = community.site(forPath: page)!.site
        return community.handle(SiteRequest(.post, site.urlPrefix + "/_action/" + action, form: fields, viewer: viewer(user)))
    }

    func viewer(_ user: String?) -> Viewer {
        user.map { community.viewer(ID($0), sessionID: "demo-\($0)") } ?? .guest
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Finds a user by id, name or nickname (case-insensitive).
    func user(named name: String) -> User? {
        let key = name.lowercased()
        return Seed.people.first { $0.id.rawValue == key || $0.name.lowercased() == key || $0.nickname.lowercased() == key }
            ?? Seed.people.first { $0.name.lowercased().contains(key) }
    }
}

/// A sitemap source filled in after the community is built.
final class LateSitemap: SitemapSource {
    let source = Mutex<KnowledgeSitemap?>(nil)
    func guestPaths(in site: Site) -> [String] { source.withLock { $0 }?.guestPaths(in: site) ?? [] }
}
