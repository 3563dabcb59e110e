extension RenderContext {
    /// The library's text for `key` in the context's locale.
    public func text(_ key: UIStringKey) -> String { strings.text(key, locale: locale) }

    /// The library's text for `key` with `{name}` placeholders filled.
    public func text(_ key: UIStringKey, _ values: [String: String]) -> String { strings.text(key, locale: locale, values) }

    /// The library's text for a count, with the singular form for 1 where the locale has one
    /// (see ``UIStrings/text(_:locale:count:_:)``).
    public func text(_ key: UIStringKey, count: Int, _ values: [String: String] = [:]) -> String {
        strings.text(key, locale: locale, count: count, values)
    }

    /// Text the site author wrote (a page title, menu item, banner or heading) in the context's
    /// locale, through ``Site/translations``; as written when it has no translation.
    public func localized(_ authored: String) -> String {
        site.translations?.translation(of: authored, locale: locale) ?? authored
    }

    /// A component heading from its properties: the site's translation when it has one; the
    /// library's own text for `key` when the heading is still the built-in English default
    /// (so an untouched "Sign in" reads "Anmelden" in German); otherwise as written.
    public func localized(_ authored: String, default key: UIStringKey) -> String {
        if let translated = site.translations?.translation(of: authored, locale: locale) { return translated }
        if !authored.isEmpty, authored == UIStrings.englishAll[key] { return text(key) }
        return authored
    }
}
