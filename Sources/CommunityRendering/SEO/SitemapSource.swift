/// Supplies object pages a guest may read (published articles, public questions) for the sitemap.
public protocol SitemapSource: Sendable {
    /// Site-relative paths of object pages the guest may read, such as `/article/reset-password`.
    func guestPaths(in site: Site) -> [String]
}
