import CommunityContent
import CommunityEngagement
import CommunityModel

/// Feeds the case service's article suggestions (case deflection) from CommunityContent's
/// suggestion API: published articles matching the draft that the member may read.
struct ContentArticleSuggester: ArticleSuggesting {
    let knowledge: KnowledgeService

    func suggestions(for text: String, viewer: ID<User>, limit: Int) throws -> [ArticleSuggestion] {
        let hits = try knowledge.suggestArticles(subject: text, locale: nil, for: viewer, limit: max(0, limit))
        return hits.compactMap { hit in
            guard let (id, _) = KnowledgeSearchIndexer.article(of: hit.key) else { return nil }
            return ArticleSuggestion(articleID: id.rawValue, title: hit.title)
        }
    }
}
