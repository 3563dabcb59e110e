import CommunityModel
import CommunityEngagement
import CommunityContent
import CommunityRendering

/// The management console's data for its components: the facade's KPIs and site list.
struct ManagementConsoleDataProvider: ManagementConsoleProvider {
    let link: CommunityLink

    func mayView(viewer: Viewer) -> Bool { link.community?.mayViewKPIs(viewer) ?? false }

    func sites(viewer: Viewer) -> [(id: String, name: String)] {
        guard let community = link.community, community.mayViewKPIs(viewer) else { return [] }
        // The sites whose KPIs there are: not a console made from the Community Management template.
        return community.siteIDs.compactMap { id in community.site(id).map(\.site) }
            .filter { $0.template != SiteTemplate.communityManagement.id }
            .map { ($0.id, $0.name) }
            .sorted { $0.name == $1.name ? $0.id < $1.id : $0.name < $1.name }
    }

    func kpis(viewer: Viewer, site: String?, days: ClosedRange<Int32>) throws -> CommunityKPIs {
        guard let community = link.community else { throw ManagementError.notPermitted(user: viewer.user?.id.rawValue) }
        return try community.kpis(for: viewer, site: site, days: days)
    }
}

extension ManagementConsoleDataProvider {
    func searchLogRetention(site: String) -> Int { link.community?.searchLogRetention(site: site) ?? SearchLogRetention.defaultDays }
}

extension ManagementConsoleDataProvider {
    func searchPromotions(viewer: Viewer) -> [SearchPromotion] { (try? link.community?.searchPromotions(by: viewer)) ?? [] }

    func learnedSearchBoosts(viewer: Viewer, limit: Int) -> [LearnedBoost] {
        (try? link.community?.learnedSearchBoosts(limit: limit, by: viewer)) ?? []
    }

    func promotableArticles(matching text: String, locale: String, viewer: Viewer, limit: Int) -> [PromotionCandidate] {
        (try? link.community?.promotableArticles(matching: text, locale: locale, limit: limit, by: viewer)) ?? []
    }

    func pinnedItemTitles(_ items: [SearchPromotion.Item], locale: String, viewer: Viewer) -> [SearchPromotion.Item: PromotionCandidate] {
        (try? link.community?.pinnedItemTitles(items, locale: locale, by: viewer)) ?? [:]
    }

    var clickLearning: ClickLearningOptions { link.community?.clickLearningOptions ?? ClickLearningOptions() }
}
