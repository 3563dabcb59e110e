public import CommunityModel

extension KnowledgeService {
    /// Searches as a user (or the guest, for `nil`): only what they may see is matched.
    public func search(_ query: SearchQuery, as user: ID<User>?) throws -> SearchResults {
        let viewer = try audience.viewer(for: user, in: store.snapshot())
        return try index.search(query, as: viewer)
    }

    /// The articles that best match a case being written, for deflection: the subject
    /// counts fully, the description as context, both expanded through `synonyms` (the
    /// community's synonym groups, so "can't sign in" suggests a "login" article). Only
    /// articles the user may see.
    public func suggestArticles(
        subject: String, description: String = "", locale: String?, for user: ID<User>?, limit: Int = 5,
        synonyms: SynonymSet = .empty
    ) throws -> [SearchHit] {
        var query = SearchQuery(
            subject, context: String(description.prefix(2_000)), locale: locale, types: [.article], limit: limit)
        query.synonyms = synonyms
        return try search(query, as: user).hits
    }
}
