/// A site search as a component asks for it.
public struct SiteSearchRequest: Sendable, Hashable {
    /// The words searched for (at most 200 characters are used).
    public var text: String
    /// Only these kinds; empty for all.
    public var kinds: Set<SearchItemKind>
    /// The viewer's locale (its articles rank first).
    public var locale: String
    /// The locales the site serves articles in: an article is found only in these, so every
    /// article hit links to a page that answers (empty: any locale).
    public var articleLocales: Set<String>
    /// How many items to return.
    public var limit: Int
    /// The site searched on (its id), whose content the viewer then reaches; `nil` for none.
    public var site: String?
    /// Whether the last word matches as a prefix, as in a search box while typing
    /// ("authentica" finds "authentication"). On by default.
    public var prefixLastWord: Bool

    /// Creates a request.
    public init(
        text: String, kinds: Set<SearchItemKind> = [], locale: String, articleLocales: Set<String>, limit: Int, site: String? = nil,
        prefixLastWord: Bool = true
    ) {
        self.text = String(text.prefix(200))
        self.kinds = kinds
        self.locale = locale
        self.articleLocales = articleLocales
        self.limit = limit
        self.site = site
        self.prefixLastWord = prefixLastWord
    }
}
