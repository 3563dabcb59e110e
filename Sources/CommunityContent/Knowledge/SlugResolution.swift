public import CommunityModel

/// What a slug resolves to.
public struct SlugResolution: Sendable, Hashable {
    /// The article.
    public var articleID: ID<KnowledgeArticle>
    /// The article's current slug in the locale; when it differs from the one asked for,
    /// the host should redirect to it.
    public var currentSlug: String
    /// Whether the slug asked for is an alias (an earlier slug).
    public var isAlias: Bool

    /// Creates a resolution.
    public init(articleID: ID<KnowledgeArticle>, currentSlug: String, isAlias: Bool) {
        self.articleID = articleID
        self.currentSlug = currentSlug
        self.isAlias = isAlias
    }
}
