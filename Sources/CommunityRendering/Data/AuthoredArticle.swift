/// An article as its authors see it: the latest version in the master locale (a draft being
/// written, the published text, or the archived one), its channels and category.
public struct AuthoredArticle: Sendable, Hashable {
    /// The article id.
    public var id: String
    /// The article number, such as `000042`.
    public var number: String
    /// The master locale.
    public var locale: String
    /// The latest version's number.
    public var version: Int
    /// The latest version's status: `draft`, `published` or `archived`.
    public var status: String
    /// The latest version's title, summary and body.
    public var title: String
    /// The summary.
    public var summary: String
    /// The body.
    public var body: String
    /// The channels the article is shown in (`internal`, `partner`, `customer`, `public`).
    public var channels: [String]
    /// The first data category, if any.
    public var category: String?

    /// An article.
    public init(id: String, number: String, locale: String, version: Int, status: String, title: String, summary: String,
                body: String, channels: [String], category: String?) {
        self.id = id
        self.number = number
        self.locale = locale
        self.version = version
        self.status = status
        self.title = title
        self.summary = summary
        self.body = body
        self.channels = channels
        self.category = category
    }
}
