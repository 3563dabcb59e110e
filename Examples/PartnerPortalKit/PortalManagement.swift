import CommunityKit
import Foundation

/// The Northwind community management console at `/manage`: the Community Management template,
/// open to site administrators (the `site-admin` permission set: Dana), with the KPIs of the
/// partner portal and the help center; and activity for it to count (searches and the results
/// people followed, sign-ins, a post with likes), besides the questions, ideas, cases, leads,
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
        let searches: [(String, String, Int, String, Int?)] = [
            ("partners", "deal registration", 4, "pat", 1), ("partners", "MDF", 2, "ines", 2), ("partners", "deal registration", 4, "bo", nil),
            ("partners", "price list", 0, "mia", nil), ("partners", "price list", 0, "pat", nil), ("partners", "라이선스", 1, "jisoo", 1),
            ("help", "invoice export", 3, "kim", 1), ("help", "sso setup", 0, "kim", nil), ("help", "invoice export", 3, "pat", 3),
        ]
        for (site, query, results, user, click) in searches {
            let entry = try community.logSearch(query, resultCount: results, site: site, viewer: community.viewer(ID(user)))
            if let click { try community.recordSearchClick(entry, position: click, site: site) }
        }
        let now = community.clock.now()
        for (user, site, daysAgo) in [("pat", "partners", 0), ("mia", "partners", 1), ("bo", "partners", 3), ("ines", "partners", 6),
                                      ("jisoo", "partners", 12), ("kim", "help", 2), ("pat", "partners", 20)] {
            community.kpiAggregator.recordSignIn(ID(user), site: site, at: now.addingTimeInterval(-Double(daysAgo) * 86_400))
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
    }
}
