/// Knowledge authoring on the site, for members who may manage knowledge: the articles with
/// their latest version in the master locale, and the data categories to file them under. The
/// default reports nothing, so a host implements what it has.
public protocol KnowledgeAuthoringProvider: Sendable {
    /// Whether `viewer` may write, publish and archive articles.
    func mayAuthor(viewer: Viewer) -> Bool
    /// Articles, newest first, with their latest master-locale version; empty for non-authors.
    func authoredArticles(viewer: Viewer, limit: Int) throws -> [AuthoredArticle]
    /// The data categories articles may be filed under, by name.
    func articleCategories(viewer: Viewer) throws -> [ArticleCategoryOption]
}

extension KnowledgeAuthoringProvider {
    /// No one.
    public func mayAuthor(viewer: Viewer) -> Bool { false }
    /// None.
    public func authoredArticles(viewer: Viewer, limit: Int) throws -> [AuthoredArticle] { [] }
    /// None.
    public func articleCategories(viewer: Viewer) throws -> [ArticleCategoryOption] { [] }
}
