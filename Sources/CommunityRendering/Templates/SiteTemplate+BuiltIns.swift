import CommunityModel

extension SiteTemplate {
    private typealias P = TemplateParts

    /// Customer Service: a help center with search, articles, topics, questions and cases.
    public static let customerService = SiteTemplate(id: "customerService", name: "Customer Service") { (o: Options) throws(SiteError) -> Site in
        var site = try Site(id: o.id, name: o.name, urlPrefix: o.urlPrefix, memberProfileIDs: o.memberProfileIDs, guestAccess: true,
                            selfRegistration: .instant, locales: o.locales)
        site.menus = [NavigationMenu(id: "main", items: [
            .init("Home", .page("home")), .init("Topics", .page("topics")), .init("Questions", .page("questions")),
            .init("My cases", .page("cases")), .init("Contact support", .page("support")),
        ])]
        try site.addPage(Page(id: "home", title: "Help Center", slug: "", layout: P.layout(
            P.one(P.c("hero", "community.banner", ["heading": "How can we help?"]), P.c("search", "community.searchBox"))
                + P.two([P.c("articles", "community.articleList", ["title": "Popular articles", "order": "popular"])],
                        [P.c("topics", "community.topicCatalog"), P.c("leaders", "community.leaderboard", ["limit": 5])]))))
        site.homePageID = "home"
        try P.addKnowledgePages(&site)
        try site.addPage(Page(id: "cases", title: "My cases", slug: "cases", visibility: .members,
                              layout: P.layout(P.one(P.c("cl", "community.recordList", ["object": "Case", "fields": ["Subject", "Status", "Priority"], "title": "My cases"])))))
        try site.addPage(Page(id: "case", title: "Case", slug: "case", parameter: "id", objectType: "Case", visibility: .members,
                              layout: P.layout(P.one(P.c("cd", "community.recordDetail")))))
        try site.addPage(Page(id: "support", title: "Contact support", slug: "support", visibility: .members,
                              layout: P.layout(P.one(P.c("cf", "community.caseForm")))))
        try P.addSpecialPages(&site)
        return site
    }

    /// Partner Central: leads, deals, a pipeline, partner cases, knowledge and ideas.
    public static let partnerCentral = SiteTemplate(id: "partnerCentral", name: "Partner Central") { (o: Options) throws(SiteError) -> Site in
        var site = try Site(id: o.id, name: o.name, urlPrefix: o.urlPrefix, theme: .partner, memberProfileIDs: o.memberProfileIDs,
                            guestAccess: true, selfRegistration: .pending, locales: o.locales)
        site.audiences = [
            Audience(id: "partners", name: "Partner users", criteria: .userKind([.partner])),
            Audience(id: "gold-partners", name: "Gold and platinum partners", criteria: .all([
                .userKind([.partner]), .accountField("PartnerTier", .equals([.picklist("gold"), .picklist("platinum")])),
            ])),
            Audience(id: "channel", name: "Channel managers", criteria: .userKind([.internal])),
        ]
        site.menus = [NavigationMenu(id: "main", items: [
            .init("Home", .page("home")), .init("Leads", .page("leads")), .init("Deals", .page("deals")),
            .init("Knowledge", .page("topics")), .init("Questions", .page("questions")), .init("Ideas", .page("ideas")),
            .init("Support", .page("support")), .init("Funds", .page("funds"), audienceID: "partners"),
            .init("Partner programme", .page("programme"), audienceID: "gold-partners"),
        ])]
        try site.addPage(Page(id: "home", title: "Partner Central", slug: "", layout: P.layout(
            P.one(P.c("hero", "community.banner", ["heading": "Welcome, partners", "text": "Register deals, find materials, get help."]))
                + P.two([P.c("pipeline", "community.dealPipeline"), P.c("feed", "community.feed"),
                         P.c("articles", "community.articleList", ["title": "News and guides"])],
                        [P.c("search", "community.searchBox"), P.c("leaders", "community.leaderboard", ["limit": 5])])),
            variations: [Page.Variation(name: "Gold partners", audienceID: "gold-partners", layout: P.layout(
                P.one(P.c("hero", "community.banner", ["heading": "Welcome, Gold partners", "text": "Your tier unlocks market development funds."]))
                    + P.two([P.c("pipeline", "community.dealPipeline"), P.c("feed", "community.feed"),
                             P.c("articles", "community.articleList", ["title": "News and guides"])],
                            [P.c("search", "community.searchBox")])))]))
        site.homePageID = "home"
        try site.addPage(Page(id: "leads", title: "Leads", slug: "leads", visibility: .members, layout: P.layout(
            P.two([P.c("ll", "community.recordList", ["object": "Lead", "fields": ["Company", "LastName", "Status", "Product"], "title": "Leads"])],
                  [P.c("lf", "community.leadForm", ["products": ["Analytics", "Cloud", "Support Plus"]]), P.c("lo", "community.leadOffers")]))))
        try site.addPage(Page(id: "lead", title: "Lead", slug: "lead", parameter: "id", objectType: "Lead", visibility: .members,
                              layout: P.layout(P.one(P.c("ld", "community.recordDetail")))))
        try site.addPage(Page(id: "deals", title: "Deals", slug: "deals", visibility: .members, layout: P.layout(
            P.one(P.c("dl", "community.recordList", ["object": "Opportunity", "fields": ["Name", "StageName", "Amount", "CloseDate"], "title": "Deals"]),
                  P.c("chart", "community.dashboard", ["object": "Opportunity", "groupBy": "StageName", "measure": "Amount", "title": "Pipeline by stage"])))))
        try site.addPage(Page(id: "deal", title: "Deal", slug: "deal", parameter: "id", objectType: "Opportunity", visibility: .members,
                              layout: P.layout(P.one(P.c("dd", "community.recordDetail")))))
        try P.addKnowledgePages(&site)
        try site.addPage(Page(id: "ideas", title: "Ideas", slug: "ideas", visibility: .members, layout: P.layout(P.one(P.c("il", "community.ideaList")))))
        try site.addPage(Page(id: "support", title: "Support", slug: "support", visibility: .members, layout: P.layout(
            P.two([P.c("cf", "community.caseForm")],
                  [P.c("cl", "community.recordList", ["object": "Case", "fields": ["Subject", "Status"], "title": "Our cases"])]))))
        try site.addPage(Page(id: "case", title: "Case", slug: "case", parameter: "id", objectType: "Case", visibility: .members,
                              layout: P.layout(P.one(P.c("cd", "community.recordDetail")))))
        try site.addPage(Page(id: "funds", title: "Market development funds", slug: "funds", visibility: .audience("partners"),
                              layout: P.layout(P.one(P.c("mdf", "community.fundRequests")))))
        try site.addPage(Page(id: "programme", title: "Partner programme", slug: "programme", visibility: .audience("gold-partners"),
                              layout: P.layout(P.one(P.c("rt", "community.richText", ["html": "<h2>Gold benefits</h2><p>Market development funds, <strong>priority</strong> lead distribution.</p>"])))))
        try site.addPage(Page(id: "members", title: "Partners", slug: "members", visibility: .members,
                              layout: P.layout(P.one(P.c("md", "community.memberDirectory")))))
        try P.addSpecialPages(&site)
        return site
    }

    /// Customer Account Portal: the customer's own cases, account records and knowledge.
    public static let customerAccountPortal = SiteTemplate(id: "customerAccountPortal", name: "Customer Account Portal") { (o: Options) throws(SiteError) -> Site in
        var site = try Site(id: o.id, name: o.name, urlPrefix: o.urlPrefix, memberProfileIDs: o.memberProfileIDs, guestAccess: false,
                            selfRegistration: .disabled, locales: o.locales)
        site.menus = [NavigationMenu(id: "main", items: [.init("Home", .page("home")), .init("Cases", .page("cases")), .init("Account", .page("account"))])]
        try site.addPage(Page(id: "home", title: "My account", slug: "", visibility: .members, layout: P.layout(
            P.one(P.c("hero", "community.banner", ["heading": "Your account"]))
                + P.two([P.c("cases", "community.recordList", ["object": "Case", "fields": ["Subject", "Status"], "title": "Open cases"])],
                        [P.c("articles", "community.articleList", ["title": "Help"])]))))
        site.homePageID = "home"
        try site.addPage(Page(id: "cases", title: "Cases", slug: "cases", visibility: .members, layout: P.layout(
            P.two([P.c("cl", "community.recordList", ["object": "Case", "fields": ["Subject", "Status", "Priority"]])], [P.c("cf", "community.caseForm")]))))
        try site.addPage(Page(id: "case", title: "Case", slug: "case", parameter: "id", objectType: "Case", visibility: .members,
                              layout: P.layout(P.one(P.c("cd", "community.recordDetail")))))
        try site.addPage(Page(id: "account", title: "Account", slug: "account", visibility: .members,
                              layout: P.layout(P.one(P.c("al", "community.recordList", ["object": "Account", "fields": ["Name", "Industry", "Region"]])))))
        try site.addPage(Page(id: "search", title: "Search", slug: "search", visibility: .members, layout: P.layout(P.one(P.c("sb", "community.searchBox"), P.c("sr", "community.searchResults")))))
        try site.addPage(Page(id: "article", title: "Article", slug: "article", parameter: "slug", objectType: "Article", visibility: .members,
                              layout: P.layout(P.one(P.c("ad", "community.articleDetail")))))
        try P.addSpecialPages(&site)
        return site
    }

    /// Employee Portal: news, groups, feed, an ideas board and a directory for internal users.
    public static let employeePortal = SiteTemplate(id: "employeePortal", name: "Employee Portal") { (o: Options) throws(SiteError) -> Site in
        var site = try Site(id: o.id, name: o.name, urlPrefix: o.urlPrefix, memberProfileIDs: o.memberProfileIDs, guestAccess: false,
                            locales: o.locales)
        site.audiences = [Audience(id: "engineering", name: "Engineering", criteria: .userField("Department", .equals([.text("Engineering")])))]
        site.menus = [NavigationMenu(id: "main", items: [
            .init("Home", .page("home")), .init("Groups", .page("groups")), .init("Ideas", .page("ideas")), .init("People", .page("people")),
        ])]
        try site.addPage(Page(id: "home", title: "Intranet", slug: "", visibility: .members, layout: P.layout(
            P.two([P.c("news", "community.articleList", ["title": "News"]), P.c("feed", "community.feed")],
                  [P.c("eng", "community.richText", ["html": "<p>Engineering all-hands on Friday.</p>"], audience: "engineering"),
                   P.c("groups", "community.groupList", ["limit": 5])]))))
        site.homePageID = "home"
        try site.addPage(Page(id: "groups", title: "Groups", slug: "groups", visibility: .members, layout: P.layout(P.one(P.c("gl", "community.groupList")))))
        try site.addPage(Page(id: "ideas", title: "Ideas", slug: "ideas", visibility: .members, layout: P.layout(P.one(P.c("il", "community.ideaList")))))
        try site.addPage(Page(id: "people", title: "People", slug: "people", visibility: .members, layout: P.layout(P.one(P.c("md", "community.memberDirectory")))))
        try site.addPage(Page(id: "profile", title: "Profile", slug: "profile", parameter: "member", objectType: "User", visibility: .members,
                              layout: P.layout(P.one(P.c("mp", "community.memberProfile")))))
        try site.addPage(Page(id: "article", title: "Article", slug: "article", parameter: "slug", objectType: "Article", visibility: .members,
                              layout: P.layout(P.one(P.c("ad", "community.articleDetail")))))
        try P.addSpecialPages(&site)
        return site
    }

    /// Build Your Own: a home page with a banner and rich text, ready to extend.
    public static let buildYourOwn = SiteTemplate(id: "buildYourOwn", name: "Build Your Own") { (o: Options) throws(SiteError) -> Site in
        var site = try Site(id: o.id, name: o.name, urlPrefix: o.urlPrefix, memberProfileIDs: o.memberProfileIDs, locales: o.locales)
        site.menus = [NavigationMenu(id: "main", items: [.init("Home", .page("home"))])]
        try site.addPage(Page(id: "home", title: o.name, slug: "", layout: P.layout(P.one(
            P.c("hero", "community.banner", ["heading": .string(o.name)]),
            P.c("text", "community.richText", ["html": "<p>Start building your site.</p>"])))))
        site.homePageID = "home"
        try P.addSpecialPages(&site)
        return site
    }
}
