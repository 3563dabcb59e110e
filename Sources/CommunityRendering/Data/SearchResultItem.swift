/// One item a search or topic page lists, as plain text; components escape it and decide
/// where it links by its kind.
public struct SearchResultItem: Sendable, Hashable {
    /// What it is.
    public var kind: SearchItemKind
    /// The item's id (for articles, the article id).
    public var id: String
    /// The title.
    public var title: String
    /// A short passage of its text, plain.
    public var snippet: String
    /// For articles, the slug the article page opens (in ``locale``).
    public var slug: String?
    /// The language of the text.
    public var locale: String
    /// Whether an administrator promoted it for the search (shown first, marked "Promoted").
    public var isPromoted: Bool = false

    /// The item as `kind:id` (an article by its article id), as click learning and search
    /// promotions name it.
    public var reference: String { "\(kind.rawValue):\(id)" }

    /// Creates an item.
    public init(kind: SearchItemKind, id: String, title: String, snippet: String = "", slug: String? = nil, locale: String = "") {
        self.kind = kind
        self.id = id
        self.title = title
        self.snippet = snippet
        self.slug = slug
        self.locale = locale
    }
}
