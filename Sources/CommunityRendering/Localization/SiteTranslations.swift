/// A site's own text in other languages: page titles, menu items, banner headings, component
/// headings and footers the site author wrote, keyed by the text as written in the site
/// (its default language) and then by locale.
///
/// ```swift
/// site.translations = SiteTranslations([
///     "Leads": ["de": "Leads", "ko": "리드"],
///     "Welcome, partners": ["de": "Willkommen, Partner", "ko": "파트너 여러분, 환영합니다"],
/// ])
/// ```
///
/// A lookup tries the exact locale (`de_CH`), then its language (`de`); text without a
/// translation is shown as written.
public struct SiteTranslations: Sendable, Hashable, Codable {
    /// Translations by source text, then by locale (`de`, `ko`, `de_CH`).
    public var entries: [String: [String: String]]

    /// Translations by source text, then by locale.
    public init(_ entries: [String: [String: String]] = [:]) {
        var normalized: [String: [String: String]] = [:]
        for (source, byLocale) in entries {
            for (locale, text) in byLocale { normalized[source, default: [:]][UIStrings.normalize(locale)] = text }
        }
        self.entries = normalized
    }

    /// Adds (or replaces) the translation of `source` into `locale`.
    public mutating func set(_ source: String, locale: String, _ text: String) {
        entries[source, default: [:]][UIStrings.normalize(locale)] = text
    }

    /// `source` in `locale`, or `nil` when it has no translation there.
    public func translation(of source: String, locale: String) -> String? {
        guard let byLocale = entries[source] else { return nil }
        if let text = byLocale[locale] { return text }
        if let text = byLocale[String(locale.prefix { $0 != "_" && $0 != "-" })] { return text }
        let normalized = UIStrings.normalize(locale)
        return byLocale[normalized] ?? byLocale[UIStrings.language(of: normalized)]
    }

    /// `source` in `locale`, or `source` itself when it has no translation there.
    public func text(_ source: String, locale: String) -> String {
        translation(of: source, locale: locale) ?? source
    }

    /// Every source text with no translation into `locale`, sorted.
    public func untranslated(into locale: String) -> [String] {
        entries.keys.filter { translation(of: $0, locale: locale) == nil }.sorted()
    }
}
