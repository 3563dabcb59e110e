public import CommunityRendering

extension Community {
    /// The text every built-in component, form and message prints, per locale
    /// (``CommunityConfiguration/strings``, after plugins).
    public var strings: UIStrings { services.get(UIStrings.self) ?? .standard }

    /// The locale a request would be answered in (a member's from their user record; a guest's
    /// from the language switcher's cookie or `Accept-Language`), or `nil` when no site serves its path.
    public func locale(for request: SiteRequest) -> String? {
        site(forPath: request.path)?.locale(for: request)
    }

    /// The plain "not found" answer for a path no site serves, in the language the request's
    /// `Accept-Language` prefers among the string tables' locales (English otherwise).
    func notFoundText(for request: SiteRequest) -> String {
        let strings = self.strings
        let locale = request.header("accept-language").flatMap { AcceptLanguage(parsing: $0).bestMatch(among: strings.locales) } ?? "en"
        return strings.text("http.notFound", locale: locale)
    }
}
