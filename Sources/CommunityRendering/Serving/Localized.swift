/// The first, eleven-word string table, kept so code written against it still compiles; new
/// code reads ``UIStrings`` through ``RenderContext/text(_:)``.
public enum Localized {
    private static let keys: [String: UIStringKey] = [
        "skip": "page.skipToContent", "search": "search.label", "submit": "form.submit", "helpful": "article.helpful",
        "yes": "common.yes", "no": "common.no", "noResults": "common.nothingToShow", "unavailable": "common.unavailable",
        "notFound": "page.notFound", "forbidden": "page.forbidden", "navigation": "nav.main", "menu": "nav.menu",
        "footerNavigation": "nav.footer", "noDeals": "empty.noDeals", "registerLead": "lead.title", "noPosts": "empty.noPosts",
    ]

    /// The text for an old key in `locale` from ``UIStrings/standard``; a key it never had is
    /// looked up as a ``UIStringKey``.
    public static func text(_ key: String, locale: String) -> String {
        UIStrings.standard.text(keys[key] ?? UIStringKey(key), locale: locale)
    }
}
