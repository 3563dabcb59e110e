import CommunityKit
import Foundation

/// The Northwind community management console at `/manage`: the Community Management template,
/// open to site administrators (the `site-admin` permission set: Dana), with the KPIs of the
/// partner portal and the help center; and activity for it to count (searches and the results
/// people followed, sign-ins, a post with likes, a promoted result for deal searches and a
/// result three partners followed for "MDF", which click learning lifts), besides the questions, ideas, cases, leads,
/// deals and funds the other seeds create; the starter search synonym groups.
enum PortalManagement {
    /// The management site's id and URL prefix.
    static let siteID = "manage"
    static let prefix = "/manage"

    /// Stores the management site (kept in the store like the other sites).
    static func install(into community: Community) throws {
        var site = try SiteTemplate.communityManagement.makeSite(.init(
            id: siteID, name: "Northwind Community Management", urlPrefix: prefix, locales: ["en_US", "de_DE", "ko_KR"]))
        site.memberPermissionSetIDs = ["site-admin"]
        site.status = .published
        try community.storeSite(site)
    }

    /// A "Management console" menu item on another site, shown only to site administrators
    /// (``Portal/withBuilderLink(_:)`` adds their audience).
    static func link(from site: inout Site) {
        guard let main = site.menus.firstIndex(where: { $0.id == "main" }), let url = SafeURL(prefix + "/") else { return }
        site.menus[main].items.append(NavigationMenu.Item("Management console", .url(url), audienceID: "site-admins"))
    }

    /// Searches (some finding nothing, some followed to a result), sign-ins over the last days
    /// and a post the partners liked.
    static func seed(_ community: Community) throws {
        // The MDF guide, which three partners followed from "MDF" (enough for click learning to
        // lift it for that search), and the deal registration guide, promoted for "deal" searches.
        let mdfGuide = try article(titled: "MDF", in: community)
        let dealGuide = try article(titled: "register a deal", in: community)
        let searches: [(String, String, Int, String, Int?, String?)] = [
            ("partners", "deal registration", 4, "pat", 1, nil), ("partners", "MDF", 2, "ines", 2, mdfGuide), ("partners", "deal registration", 4, "bo", nil, nil),
            ("partners", "price list", 0, "mia", nil, nil), ("partners", "price list", 0, "pat", nil, nil), ("partners", "라이선스", 1, "jisoo", 1, nil),
            ("help", "invoice export", 3, "kim", 1, nil), ("help", "sso setup", 0, "kim", nil, nil), ("help", "invoice export", 3, "pat", 3, nil),
            ("partners", "mdf", 2, "bo", 2, mdfGuide), ("partners", "mdf", 2, "mia", 2, mdfGuide),
        ]
        for (site, query, results, user, click, item) in searches {
            let entry = try community.logSearch(query, resultCount: results, site: site, viewer: community.viewer(ID(user)))
            if let click { try community.recordSearchClick(entry, position: click, site: site, item: item) }
        }
        if let dealGuide, let item = SearchPromotion.Item(reference: dealGuide) {
            try community.saveSearchPromotion(
                SearchPromotion(id: "sp-deal-registration", keywords: ["deal", "deal registration", "deal-registrierung", "딜 등록"], items: [item]),
                by: community.viewer("dana"))
        }
        let now = community.clock.now()
        for (user, site, daysAgo) in [("pat", "partners", 0), ("mia", "partners", 1), ("bo", "partners", 3), ("ines", "partners", 6),
                                      ("jisoo", "partners", 12), ("kim", "help", 2), ("pat", "partners", 20)] {
            try community.kpiAggregator.recordSignIn(ID(user), site: site, at: now.addingTimeInterval(-Double(daysAgo) * 86_400))
        }
        // Search synonyms: the starter help-center vocabulary in en/de/ko, and Northwind's own
        // abbreviation, editable on the console's knowledge and search page.
        try community.synonyms.seed(SynonymGroup.starterGroups + [
            SynonymGroup(id: "syn_northwind_mdf", terms: ["mdf", "market development funds"]),
            SynonymGroup(id: "syn_northwind_deal", locale: "en", kind: .oneWay, terms: ["deal protection"], targets: ["deal registration"]),
        ])
        let post = try community.engagement.feeds.post(
            PostDraft(parent: .member("cara"), body: "Q1 partner webinar recordings are online.", topics: ["Deals"], site: "partners"), by: "cara")
        for user: ID<User> in ["pat", "mia", "gina"] { try community.engagement.feeds.like(.item(post.id), by: user) }
        try seedKnowledgeAndService(community, dealGuide: dealGuide, mdfGuide: mdfGuide)
    }

    /// Article views, votes and ratings in the site each happened in (partners read the deal and
    /// MDF guides in Partner Central, Kim the deal guide in the help center), and a help-center
    /// visit to the case form that a suggested article answered (a deflection).
    private static func seedKnowledgeAndService(_ community: Community, dealGuide: String?, mdfGuide: String?) throws {
        func articleID(_ reference: String?) -> ID<KnowledgeArticle>? {
            reference.flatMap { try? ID<KnowledgeArticle>(parsing: String($0.dropFirst("article:".count))) }
        }
        guard let deal = articleID(dealGuide), let mdf = articleID(mdfGuide) else { return }
        for (user, article) in [("pat", deal), ("mia", deal), ("ines", mdf), ("bo", mdf), ("jisoo", deal)] as [(ID<User>, ID<KnowledgeArticle>)] {
            try community.knowledge.recordView(article, by: user, site: "partners")
        }
        try community.knowledge.giveFeedback(deal, helpful: true, by: "pat", site: "partners")
        try community.knowledge.giveFeedback(mdf, helpful: true, by: "ines", site: "partners")
        try community.knowledge.giveFeedback(mdf, helpful: false, by: "bo", site: "partners")
        try community.knowledge.rate(deal, stars: 5, by: "pat", site: "partners")
        try community.knowledge.rate(mdf, stars: 4, by: "ines", site: "partners")
        try community.knowledge.recordView(deal, by: "kim", site: "help")
        try community.knowledge.giveFeedback(deal, helpful: true, by: "kim", site: "help")
        let visit = try community.cases.startDeflection(CaseDraft(subject: "How do I register a deal?", site: "help"), by: "kim")
        if let suggested = visit.suggestions.first {
            try community.cases.recordArticleViewed(suggested.articleID, in: visit.id, by: "kim")
            try community.cases.leaveWithoutCase(visit.id, by: "kim")
        }
    }

    /// The `article:<id>` reference of the first article Cara finds for `text` in English.
    static func article(titled text: String, in community: Community) throws -> String? {
        let hits = try community.search(SearchQuery(text, locale: "en_US", types: [.article], limit: 1), as: community.viewer("cara"))
        return hits.hits.first.flatMap { KnowledgeSearchIndexer.article(of: $0.key) }.map { "article:" + $0.0.rawValue }
    }
}
