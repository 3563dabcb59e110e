/// Builds `sitemap.xml` and `robots.txt` listing only what a guest may see.
public struct SitemapBuilder: Sendable {
    /// The site.
    public let site: Site

    /// A builder.
    public init(site: Site) { self.site = site }

    /// Absolute URLs of the pages a guest may open, excluding object pages and `noIndex` pages,
    /// plus `extra` object URLs (site-relative paths) that the caller checked as guest-readable.
    public func guestURLs(extra: [String] = []) -> [String] {
        guard site.status == .published, site.guestAccess else { return [] }
        var urls: [String] = []
        for page in site.pages where page.parameter == nil && !page.seo.noIndex
            && page.id != site.notFoundPageID && page.id != site.forbiddenPageID
            && site.mayView(page, viewer: .guest)
        {
            guard ancestorsVisible(page), let url = site.url(of: page.id) else { continue }
            urls.append(site.baseURL + url.string)
        }
        urls += extra.map { site.baseURL + site.urlPrefix + $0 }
        return urls.sorted()
    }

    private func ancestorsVisible(_ page: Page) -> Bool {
        var current = page.parentID.flatMap(site.page)
        while let parent = current {
            if !site.mayView(parent, viewer: .guest) { return false }
            current = parent.parentID.flatMap(site.page)
        }
        return true
    }

    /// The sitemap XML.
    public func sitemap(extra: [String] = []) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in guestURLs(extra: extra) {
            xml += "<url><loc>\(HTMLEscaping.escape(url))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// `robots.txt`: everything closed unless the site is published to guests; then the
    /// sitemap is announced and action URLs are closed.
    public func robots() -> String {
        guard site.status == .published, site.guestAccess else { return "User-agent: *\nDisallow: /\n" }
        return """
            User-agent: *
            Disallow: \(site.urlPrefix)/_action/
            Allow: \(site.urlPrefix)/
            Sitemap: \(site.baseURL)\(site.urlPrefix)/sitemap.xml

            """
    }
}
