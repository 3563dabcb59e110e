extension Site {
    /// The path segment under the site's prefix that assets are served from.
    public static let assetsSegment = "_assets"

    /// The URL of one of the site's assets, `<urlPrefix>/_assets/<name>`, such as the value of
    /// ``Theme/logo`` or ``Theme/favicon``; `nil` for a name ``SiteAsset`` would refuse.
    public func assetURL(_ name: String) -> SafeURL? {
        guard SiteAsset.isValidName(name) else { return nil }
        let prefix = urlPrefix.hasSuffix("/") ? String(urlPrefix.dropLast()) : urlPrefix
        return SafeURL(prefix + "/" + Site.assetsSegment + "/" + name)
    }
}
