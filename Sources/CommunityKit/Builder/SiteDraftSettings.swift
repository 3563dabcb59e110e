public import CommunityModel
public import CommunityRendering

/// The draft of a site's settings, as the builder keeps it in the ``Store``: name, address,
/// theme, status, membership, locales, menus, audiences, special pages and redirects (a
/// ``Site`` without pages), and the order of its pages, each kept as a ``SiteDraftPage``.
public struct SiteDraftSettings: Entity, Hashable {
    public static let entityType: EntityType = "SiteDraftSettings"
    public static let indexedFields: [IndexedField<SiteDraftSettings>] = [IndexedField("siteID") { .text($0.siteID) }]

    /// The record's key (derived from the site id).
    public var id: ID<SiteDraftSettings>
    /// The site.
    public var siteID: String
    /// The settings: the site with no pages.
    public var settings: Site
    /// Page ids in the site's order.
    public var pageOrder: [String]

    /// The settings of `site` (its pages left out).
    public init(site: Site) throws(SiteError) {
        id = SiteStorageKey.key(site.id)
        siteID = site.id
        settings = try site.replacingPages([], redirects: site.redirects)
        pageOrder = site.pages.map(\.id)
    }
}
