import CommunityContent
import CommunityEngagement
import CommunityModel

/// Feeds the case service's article suggestions (case deflection) from CommunityContent's
/// suggestion API: published articles matching the draft that the member may read, through the
/// community's synonym groups as they stand when the member types.
struct ContentArticleSuggester: ArticleSuggesting {
    let knowledge: KnowledgeService
    let synonyms: SynonymService

    func suggestions(for text: String, viewer: ID<User>, limit: Int) throws -> [ArticleSuggestion] {
        let hits = try knowledge.suggestArticles(
            subject: text, locale: nil, for: viewer, limit: max(0, limit), synonyms: synonyms.current)
        return hits.compactMap { hit in
            guard let (id, _) = KnowledgeSearchIndexer.article(of: hit.key) else { return nil }
            return ArticleSuggestion(articleID: id.rawValue, title: hit.title)
        }
    }
}
