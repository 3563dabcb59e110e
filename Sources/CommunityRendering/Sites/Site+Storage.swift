extension Site {
    /// The same site with its pages replaced by `pages` (parents before or after children, in
    /// any order) and its redirects by `redirects`: how a site kept as separate page records is
    /// put back together. `replacingPages([], redirects: redirects)` gives the site's settings alone.
    ///
    /// - Throws: ``SiteError`` for a duplicate id, bad slug, missing parent, taken path or a page too deep.
    public func replacingPages(_ pages: [Page], redirects: [String: String]) throws(SiteError) -> Site {
        var next = self
        try next.replacePages(pages, redirects: redirects)
        return next
    }
}
