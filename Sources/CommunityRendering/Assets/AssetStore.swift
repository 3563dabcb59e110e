/// Where a site's static files (logo, favicon) live. ``SiteResponder`` serves them at
/// `<urlPrefix>/_assets/<name>` when the engine's services carry a store
/// (`services.get((any AssetStore).self)`); ``MemoryAssetStore`` is the default.
///
/// Conformers store only what ``SiteAsset`` validated, keep each site's files apart, and
/// return `nil` for a name they do not hold; `AssetStoreTests` shows the expected behaviour.
public protocol AssetStore: Sendable {
    /// The asset `name` of the site `siteID`, or `nil`.
    func asset(named name: String, site siteID: String) -> SiteAsset?
    /// Stores (or replaces) an asset of a site.
    func put(_ asset: SiteAsset, site siteID: String) throws
    /// Removes an asset; removing a missing one does nothing.
    func remove(named name: String, site siteID: String) throws
    /// The names of a site's assets, sorted.
    func names(site siteID: String) -> [String]
}
