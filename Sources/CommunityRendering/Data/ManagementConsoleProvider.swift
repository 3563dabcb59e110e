public import CommunityEngagement

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
}
