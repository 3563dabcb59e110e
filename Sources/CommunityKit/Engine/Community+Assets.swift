public import CommunityRendering

extension Community {
    /// Validates a file and stores it as an asset of `site` (added already or about to be);
    /// returns the URL it is served at, for ``Theme/logo`` or ``Theme/favicon``.
    ///
    /// ```swift
    /// site.theme.logo = try community.addAsset(named: "logo.svg", bytes: svg, for: site)
    /// try community.addSite(site)
    /// ```
    ///
    /// - Throws: ``AssetError`` for a bad name, type, size or content, or the store's error.
    @discardableResult
    public func addAsset(named name: String, bytes: [UInt8], for site: Site) throws -> SafeURL {
        let asset = try SiteAsset(name: name, bytes: bytes)
        guard let url = site.assetURL(name) else { throw AssetError.invalidName(name) }
        try assets.put(asset, site: site.id)
        return url
    }
}
