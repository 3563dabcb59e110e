import CommunityModel
import CommunityContent
import CommunityRendering

/// The knowledge authoring component's data from ``KnowledgeService``: every article, newest
/// first, with its latest master-locale version (``KnowledgeService/history(_:locale:by:)``, which
/// checks the `manageKnowledge` permission), and the data categories.
struct KnowledgeAuthoringDataProvider: KnowledgeAuthoringProvider {
    let knowledge: KnowledgeService

    func mayAuthor(viewer: Viewer) -> Bool {
        !viewer.isGuest && viewer.permissions.contains(SystemPermission.manageKnowledge.name)
    }

    func authoredArticles(viewer: Viewer, limit: Int) throws -> [AuthoredArticle] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, mayAuthor(viewer: viewer), let user = viewer.user else { return [] }
        let articles = try knowledge.store.snapshot().all(KnowledgeArticle.self).map(\.value)
            .sorted { ($0.articleNumber, $0.id) > ($1.articleNumber, $1.id) }
        return try articles.prefix(limit).compactMap { article in
            guard let latest = try knowledge.history(article.id, locale: article.masterLocale, by: user.id).last else { return nil }
            return AuthoredArticle(
                id: article.id.rawValue, number: article.articleNumber, locale: article.masterLocale, version: latest.number,
                status: latest.status.rawValue, title: latest.title, summary: latest.summary, body: latest.body,
                channels: KnowledgeAuthoringComponent.channels.filter { article.channels.contains(KnowledgeChannel(rawValue: $0) ?? .internal) },
                category: article.categoryIDs.first?.rawValue)
        }
    }

    func articleCategories(viewer: Viewer) throws -> [ArticleCategoryOption] {
        guard mayAuthor(viewer: viewer) else { return [] }
        return try knowledge.store.snapshot().all(DataCategory.self).map(\.value)
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { ArticleCategoryOption(id: $0.id.rawValue, name: $0.name) }
    }
}
