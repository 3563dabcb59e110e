public import CommunityModel
public import CommunityRendering

/// One page of a site's draft as the builder keeps it in the ``Store``: its place, title,
/// visibility, layout (regions, rows, columns, components and their properties), variations and SEO.
public struct SiteDraftPage: Entity, Hashable {
    public static let entityType: EntityType = "SiteDraftPage"
    public static let indexedFields: [IndexedField<SiteDraftPage>] = [IndexedField("siteID") { .text($0.siteID) }]

    /// The record's key (derived from the site and page ids).
    public var id: ID<SiteDraftPage>
    /// The site.
    public var siteID: String
    /// The page.
    public var page: Page

    /// A page of a site's draft.
    public init(siteID: String, page: Page) {
        id = SiteStorageKey.key(siteID, page.id)
        self.siteID = siteID
        self.page = page
    }
}
