public import CommunityEngagement
public import CommunityContent

/// The management console's data: the community KPIs (``CommunityKPIs``) for the sites a viewer
/// may see them for. Only internal users holding the management permission see anything.
public protocol ManagementConsoleProvider: Sendable {
    /// Whether the viewer may see KPIs at all.
    func mayView(viewer: Viewer) -> Bool
    /// The sites the console can narrow the KPIs to, as (id, name), sorted by name.
    func sites(viewer: Viewer) -> [(id: String, name: String)]
    /// The KPIs of one site (`nil`: all sites) over UTC day numbers.
    ///
    /// - Throws: when the viewer may not see them or the site is unknown.
    func kpis(viewer: Viewer, site: String?, days: ClosedRange<Int32>) throws -> CommunityKPIs
    /// How many days a site's search query log keeps who searched.
    func searchLogRetention(site: String) -> Int
    /// The search promotions the viewer manages.
    func searchPromotions(viewer: Viewer) -> [SearchPromotion]
    /// The strongest boosts site search learned from followed results, highest first.
    func learnedSearchBoosts(viewer: Viewer, limit: Int) -> [LearnedBoost]
    /// Articles matching `text` (their titles first) that the viewer may pin, for the promotions picker.
    func promotableArticles(matching text: String, locale: String, viewer: Viewer, limit: Int) -> [PromotionCandidate]
    /// The titles of pinned items the viewer manages; items not found are left out.
    func pinnedItemTitles(_ items: [SearchPromotion.Item], locale: String, viewer: Viewer) -> [SearchPromotion.Item: PromotionCandidate]
    /// How site search learns from followed results.
    var clickLearning: ClickLearningOptions { get }
}

extension ManagementConsoleProvider {
    /// The search promotions the viewer manages (none unless the provider offers them).
    public func searchPromotions(viewer: Viewer) -> [SearchPromotion] { [] }
    /// The strongest boosts site search learned from followed results (none unless offered).
    public func learnedSearchBoosts(viewer: Viewer, limit: Int) -> [LearnedBoost] { [] }
    /// Articles matching `text` for the promotions picker (none unless the provider offers them).
    public func promotableArticles(matching text: String, locale: String, viewer: Viewer, limit: Int) -> [PromotionCandidate] { [] }
    /// The titles of pinned items (none unless the provider offers them).
    public func pinnedItemTitles(_ items: [SearchPromotion.Item], locale: String, viewer: Viewer) -> [SearchPromotion.Item: PromotionCandidate] { [:] }
    /// How site search learns from followed results.
    public var clickLearning: ClickLearningOptions { ClickLearningOptions() }
}
