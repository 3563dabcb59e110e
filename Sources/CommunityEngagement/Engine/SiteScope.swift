/// How engagement content is scoped to sites, as Salesforce scopes content to each site (network).
///
/// Feed items, questions (and their answers), idea zones (and their ideas), groups and
/// reputation carry the id of the site they were created in. A list asked for a site shows
/// that site's content plus engine-wide content (no site: created through the API without a
/// site, or stored before sites were scoped), never another site's. A list asked for no site
/// (`site: nil`) is the engine-wide view and shows everything.
public enum SiteScope {
    /// Whether content of `contentSite` belongs in a list of `site`.
    public static func includes(_ contentSite: String?, in site: String?) -> Bool {
        guard let site, let contentSite else { return true }
        return contentSite == site
    }
}
