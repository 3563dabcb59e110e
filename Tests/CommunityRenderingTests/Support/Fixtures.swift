import CommunityModel
import CommunityAccess
import CommunityRendering
import Foundation

/// Users, sites and fake providers shared by the rendering tests.
enum Fixtures {
    static let secret = Array("0123456789abcdef-test-secret".utf8)
    static let clock = ManualClock()
    static let csrf = try! CSRFProtection(secret: secret)

    static let employee = User(id: "emp", kind: .internal, name: "Erin Employee", email: "erin@example.com", profileID: "staff", roleID: "channel-mgr", department: "Engineering")
    static let partnerA = User(id: "pa", kind: .partner, name: "Pat Partner", email: "pat@acme.example", profileID: "partner", roleID: "acme-user", accountID: "acme")
    static let partnerAManager = User(id: "pam", kind: .partner, name: "Mia Manager", email: "mia@acme.example", profileID: "partner", roleID: "acme-mgr", accountID: "acme")
    static let partnerB = User(id: "pb", kind: .partner, name: "Bo Other", email: "bo@globex.example", locale: "de_DE", profileID: "partner", roleID: "globex-user", accountID: "globex")
    static let customer = User(id: "cu", kind: .customer, name: "Kim Customer", email: "kim@example.kr", locale: "ko_KR", profileID: "customer", accountID: "acme")
    static let outsider = User(id: "out", kind: .customer, name: "Out Sider", email: "out@example.com", profileID: "nobody", accountID: "acme")

    static let acme = Account(id: "acme", name: "Acme", owner: "emp", isPartner: true, partnerTier: .gold)
    static let globex = Account(id: "globex", name: "Globex", owner: "emp", isPartner: true, partnerTier: .silver)

    static func viewer(_ user: User) -> Viewer {
        let account = [acme, globex].first { $0.id == user.accountID }
        return Viewer(user: user, account: account, sessionID: "session-\(user.id)")
    }

    static func request(_ method: SiteRequest.Method = .get, _ path: String, as user: User? = nil, query: [String: String] = [:], form: [String: String] = [:]) -> SiteRequest {
        SiteRequest(method, path, query: query, form: form, viewer: user.map(viewer) ?? .guest)
    }

    /// A small published site with a page tree, object pages, an audience page and special pages.
    static func site(status: Site.Status = .published) throws -> Site {
        var site = try Site(id: "help", name: "Help", urlPrefix: "/help", status: status, memberProfileIDs: ["staff", "partner", "customer"],
                            guestAccess: true, locales: ["en_US", "de_DE", "ko_KR"])
        site.audiences = [
            Audience(id: "partners", name: "Partners", criteria: .userKind([.partner])),
            Audience(id: "gold", name: "Gold partners", criteria: .all([.userKind([.partner]), .accountField("PartnerTier", .equals([.picklist("gold")]))])),
            Audience(id: "german", name: "German speakers", criteria: .locale("de")),
        ]
        site.menus = [NavigationMenu(id: "main", items: [
            .init("Home", .page("home")), .init("Docs", .page("docs")), .init("Partner area", .page("partner-area"), audienceID: "partners"),
        ])]
        func layout(_ components: ComponentInstance...) -> PageLayout {
            PageLayout {
                Region("header") { Row { Column(12) { ComponentInstance(id: "header", type: "community.header") } } }
                Region("main") { Row { Column(12) { components } } }
            }
        }
        try site.addPage(Page(id: "home", title: "Home", slug: "", layout: layout(ComponentInstance(id: "hero", type: "community.banner", properties: ["heading": "Welcome"])),
                              variations: [
                                Page.Variation(name: "partners", audienceID: "partners", layout: layout(ComponentInstance(id: "hero", type: "community.banner", properties: ["heading": "Hello partner"]))),
                                Page.Variation(name: "gold", audienceID: "gold", layout: layout(ComponentInstance(id: "hero", type: "community.banner", properties: ["heading": "Hello gold partner"]))),
                              ]))
        site.homePageID = "home"
        try site.addPage(Page(id: "docs", title: "Docs", slug: "docs", layout: layout(ComponentInstance(id: "t", type: "community.richText", properties: ["html": "<p>Docs</p>"]))))
        try site.addPage(Page(id: "install", title: "Install", slug: "install", parentID: "docs", layout: layout(ComponentInstance(id: "t", type: "community.richText", properties: ["html": "<p>Install</p>"]))))
        try site.addPage(Page(id: "linux", title: "Linux", slug: "linux", parentID: "install", layout: layout(ComponentInstance(id: "t", type: "community.richText", properties: ["html": "<p>Linux</p>"]))))
        try site.addPage(Page(id: "article", title: "Article", slug: "article", parameter: "slug", objectType: "Article", layout: layout(ComponentInstance(id: "a", type: "community.articleDetail"))))
        try site.addPage(Page(id: "case", title: "Case", slug: "case", parameter: "id", objectType: "Case", visibility: .members, layout: layout(ComponentInstance(id: "c", type: "community.recordDetail"))))
        try site.addPage(Page(id: "lead", title: "Lead", slug: "lead", parameter: "id", objectType: "Lead", visibility: .members, layout: layout(ComponentInstance(id: "c", type: "community.recordDetail"))))
        try site.addPage(Page(id: "leads", title: "Leads", slug: "leads", visibility: .members, layout: layout(
            ComponentInstance(id: "l", type: "community.recordList", properties: ["object": "Lead", "fields": ["Company", "LastName", "Email", "Status"]]),
            ComponentInstance(id: "f", type: "community.leadForm"))))
        try site.addPage(Page(id: "members-only", title: "Members", slug: "members", visibility: .members, layout: layout(ComponentInstance(id: "t", type: "community.richText", properties: ["html": "<p>Secret members text</p>"]))))
        try site.addPage(Page(id: "partner-area", title: "Partner area", slug: "partner-area", visibility: .audience("partners"), layout: layout(ComponentInstance(id: "t", type: "community.richText", properties: ["html": "<p>Partner only</p>"]))))
        try site.addPage(Page(id: "ask", title: "Ask", slug: "ask", layout: layout(ComponentInstance(id: "q", type: "community.askQuestion"))))
        try site.addPage(Page(id: "search", title: "Search", slug: "search", layout: layout(ComponentInstance(id: "s", type: "community.searchBox"), ComponentInstance(id: "r", type: "community.searchResults"))))
        try site.addPage(Page(id: "nf", title: "Lost", slug: "lost", layout: layout(ComponentInstance(id: "b", type: "community.banner", properties: ["heading": "Custom not found"])), seo: .init(noIndex: true)))
        try site.addPage(Page(id: "fb", title: "Denied", slug: "denied", layout: layout(ComponentInstance(id: "b", type: "community.banner", properties: ["heading": "Custom forbidden"])), seo: .init(noIndex: true)))
        site.notFoundPageID = "nf"
        site.forbiddenPageID = "fb"
        return site
    }

    /// Access data: partner roles, private leads, a hidden custom field on leads.
    static func accessEngine(extraLeads: [Lead] = []) -> AccessEngine {
        let engine = AccessEngine()
        var entities: [any Entity] = [
            Profile(id: "staff", name: "Staff", permissions: PermissionGrants(objects: ["Lead": .crud, "Case": .crud, "Opportunity": .crud, "Account": .crud], system: [.viewAllData])),
            Profile(id: "partner", name: "Partner", permissions: PermissionGrants(
                objects: ["Lead": [.read, .create, .edit], "Case": [.read, .create], "Opportunity": [.read]],
                fields: ["Lead": ["Internal_Score__c": .hidden]])),
            Profile(id: "customer", name: "Customer", permissions: PermissionGrants(objects: ["Case": [.read, .create]])),
            Profile(id: "nobody", name: "Nobody"),
            OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Case", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
            Role(id: "channel-mgr", name: "Channel Manager"),
            Role(id: "acme-mgr", name: "Acme Partner Manager", kind: .partner, accountID: "acme", externalLevel: .manager),
            Role(id: "acme-user", name: "Acme Partner User", parentID: "acme-mgr", kind: .partner, accountID: "acme", externalLevel: .user),
            Role(id: "globex-user", name: "Globex Partner User", kind: .partner, accountID: "globex", externalLevel: .user),
            employee, partnerA, partnerAManager, partnerB, customer, outsider, acme, globex,
            Lead(id: "L-acme", lastName: "Lee", company: "Initech", email: "lee@initech.example", partnerAccountID: "acme", owner: .user("pa"),
                 customFields: ["Internal_Score__c": .number(87)]),
            Lead(id: "L-globex", lastName: "Gomez", company: "Umbrella", partnerAccountID: "globex", owner: .user("pb")),
            Case(id: "C-acme", subject: "Printer on fire", accountID: "acme", owner: .user("pa")),
        ]
        entities += extraLeads.map { $0 as any Entity }
        engine.load(entities)
        return engine
    }

    static func services(engine: AccessEngine? = nil, knowledge: (any KnowledgeProvider)? = FakeKnowledge(), engagement: (any EngagementProvider)? = FakeEngagement()) -> RenderServices {
        var services = RenderServices()
        if let engine { services.set(RecordReader.self, RecordReader(engine: engine)) }
        if let knowledge { services.set((any KnowledgeProvider).self, knowledge) }
        if let engagement { services.set((any EngagementProvider).self, engagement) }
        return services
    }

    static func responder(site: Site? = nil, engine: AccessEngine? = nil, actions: FormActionRegistry = FormActionRegistry()) throws -> SiteResponder {
        try SiteResponder(site: site ?? self.site(), registry: .standard, services: services(engine: engine ?? accessEngine()), actions: actions, csrf: csrf, clock: clock)
    }
}

/// Knowledge with one public article per language and one internal-only article.
struct FakeKnowledge: KnowledgeProvider {
    var hostile: String? = nil

    func all(_ viewer: Viewer) -> [ArticleDisplay] {
        var out = [
            ArticleDisplay(summary: ArticleCard(id: "a1", slug: "reset-password", title: hostile ?? "Reset your password", summary: hostile ?? "Steps to reset", locale: "en_US", topics: ["Accounts"]),
                        body: .plain(hostile ?? "Open settings.\n\nChoose reset."), helpfulYes: 3, helpfulNo: 1),
            ArticleDisplay(summary: ArticleCard(id: "a2", slug: "passwort", title: "Passwort zurücksetzen", summary: "Schritte", locale: "de_DE", topics: ["Accounts"]), body: .plain("Öffnen Sie die Einstellungen.")),
        ]
        if viewer.user?.kind == .internal {
            out.append(ArticleDisplay(summary: ArticleCard(id: "a3", slug: "internal-runbook", title: "Internal runbook", summary: "Staff only", locale: "en_US"), body: .plain("Restart the cluster.")))
        }
        return out
    }

    func search(_ query: String, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        all(viewer).map(\.summary).filter { hostile != nil || $0.title.lowercased().contains(query.lowercased()) || $0.summary.lowercased().contains(query.lowercased()) }.prefix(limit).map { $0 }
    }
    func articles(topic: String?, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        all(viewer).map(\.summary).filter { topic == nil || $0.topics.contains(topic!) }.prefix(limit).map { $0 }
    }
    func article(slug: String, locale: String, viewer: Viewer) throws -> ArticleDisplay? { all(viewer).first { $0.summary.slug == slug } }
    func topics(viewer: Viewer) throws -> [TopicSummary] { [TopicSummary(name: hostile ?? "Accounts", itemCount: 2)] }
    func vote(articleID: String, helpful: Bool, viewer: Viewer) throws {}
}

/// Engagement data, optionally filled with a hostile string everywhere.
struct FakeEngagement: EngagementProvider {
    var hostile: String? = nil
    var text: String { hostile ?? "Plain text" }

    func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] {
        [QuestionSummary(id: hostile ?? "q1", title: text, author: text, answerCount: 1, topics: [text])]
    }
    func question(id: String, viewer: Viewer) throws -> QuestionView? {
        QuestionView(summary: QuestionSummary(id: id, title: text, author: text, asked: Date(timeIntervalSince1970: 0)), body: .plain(text),
                     answers: [.init(author: text, body: .plain(text), isBest: true, posted: Date(timeIntervalSince1970: 0))], caseID: hostile)
    }
    func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] { [IdeaSummary(id: text, title: text, score: 5, status: text)] }
    func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] { [FeedItemView(author: text, body: .plain(text), posted: Date(timeIntervalSince1970: 0))] }
    func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] { [GroupSummary(id: text, name: text, memberCount: 3, access: text)] }
    func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] { [LeaderEntry(name: text, points: 10, level: text)] }
    func member(id: String, viewer: Viewer) throws -> MemberProfile? { MemberProfile(id: id, name: text, title: text, company: text, points: 1) }
    func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] { [MemberProfile(id: text, name: text, company: text)] }
}
