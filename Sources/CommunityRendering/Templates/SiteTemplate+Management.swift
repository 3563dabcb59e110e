import CommunityModel

private typealias P = TemplateParts

extension SiteTemplate {
    /// Community Management: the administrators' site with the management console, a page per
    /// KPI group (overview with adoption, engagement, knowledge and search, service, partner,
    /// moderation), each with the period and site form (``KPIRangeComponent``) and
    /// ``KPIDashboardComponent``s; the knowledge and search page also sets each site's search log
    /// retention (``SearchLogSettingsComponent``), manages promoted results and shows what search
    /// learned from clicks (``SearchPromotionsComponent``) and manages the search synonym groups
    /// (``SynonymGroupsComponent``); a reports page has the report builder, limited to the site the
    /// period and site form chooses, or across all sites. Members only, and no guest access: give its
    /// `memberProfileIDs` to administrators; the dashboards also require the management permission.
    public static let communityManagement = SiteTemplate(id: "communityManagement", name: "Community Management") {
        (o: Options) throws(SiteError) -> Site in
        var site = try Site(id: o.id, name: o.name, urlPrefix: o.urlPrefix, memberProfileIDs: o.memberProfileIDs, guestAccess: false,
                            locales: o.locales)
        let pages: [(id: String, title: String, slug: String, groups: [KPIGroupName])] = [
            ("home", "Community Management", "", [.adoption]),
            ("engagement", "Engagement", "engagement", [.engagement]),
            ("knowledge", "Knowledge and search", "knowledge", [.knowledge, .search]),
            ("service", "Service", "service", [.service]),
            ("partners", "Partner KPIs", "partners", [.partner]),
            ("moderation", "Moderation", "moderation", [.moderation]),
        ]
        site.menus = [NavigationMenu(id: "main", items: pages.map { .init($0.id == "home" ? "Overview" : $0.title, .page($0.id)) })]
        for page in pages {
            var components = [P.c("range", "community.kpiRange")]
            for group in page.groups { components.append(P.c("kpi-" + group.rawValue, "community.kpiDashboard", ["group": .string(group.rawValue)])) }
            if page.id == "knowledge" {
                components.append(P.c("search-log", "community.searchLogSettings"))
                components.append(P.c("search-promotions", "community.searchPromotions"))
                components.append(P.c("synonyms", "community.synonymGroups"))
            }
            try site.addPage(Page(id: page.id, title: page.title, slug: page.slug, visibility: .members,
                                  layout: P.layout([Row(columns: [Column(span: .full, components: components)])]),
                                  seo: Page.SEO(noIndex: true)))
        }
        // Reports: the report builder over every site, or the site chosen in the period and site form.
        try site.addPage(Page(id: "reports", title: "Reports", slug: "reports", visibility: .members,
                              layout: P.layout([Row(columns: [Column(span: .full, components: [
                                  P.c("range", "community.kpiRange", ["title": .string("Site"), "showPeriod": .bool(false)]),
                                  P.c("builder", "community.reportBuilder", ["title": .string("Report builder"), "limitToChosenSite": .bool(true)]),
                              ])])]),
                              seo: Page.SEO(noIndex: true)))
        site.menus[0].items.append(.init("Reports", .page("reports")))
        site.homePageID = "home"
        try P.addSpecialPages(&site)
        var translations = SiteTemplate.builtInTranslations
        for (source, texts) in managementTranslations { translations.entries[source] = texts }
        site.translations = translations
        return site
    }

    /// The groups the template places (``KPIGroup``'s names, kept here so templates need not
    /// import the engagement layer's types).
    private enum KPIGroupName: String { case adoption, engagement, knowledge, search, service, partner, moderation }

    /// German and Korean for the management template's page titles and menu items.
    static let managementTranslations: [String: [String: String]] = [
        "Community Management": ["de": "Community-Management", "ko": "커뮤니티 관리"],
        "Overview": ["de": "Übersicht", "ko": "개요"],
        "Engagement": ["de": "Beteiligung", "ko": "참여"],
        "Knowledge and search": ["de": "Wissen und Suche", "ko": "지식 및 검색"],
        "Service": ["de": "Service", "ko": "서비스"],
        "Partner KPIs": ["de": "Partner-KPIs", "ko": "파트너 KPI"],
        "Moderation": ["de": "Moderation", "ko": "모더레이션"],
        "Promoted results": ["de": "Hervorgehobene Ergebnisse", "ko": "추천 결과"],
        "Reports": ["de": "Berichte", "ko": "보고서"],
        "Report builder": ["de": "Berichtsgenerator", "ko": "보고서 작성기"],
    ]
}
