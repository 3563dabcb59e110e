public import CommunityModel

extension TopicService {
    /// The types a topic page lists, in the order it shows them.
    public static let pageTypes: [SearchDocumentType] = [.article, .question, .idea, .discussion, .file]

    /// The live topic a name means, compared the way topic names are folded (case, width,
    /// umlauts), so `Deals`, `deals` and ` DEALS ` are one topic; a name of a topic that was
    /// merged leads to the topic it was merged into. `nil` when no topic has the name.
    public func topic(named name: String) throws -> Topic? {
        let folded = Topic.normalize(name)
        guard !folded.isEmpty else { return nil }
        guard let id = try TopicNames(in: store.snapshot()).topic(folded: folded) else { return nil }
        return try topic(id)
    }

    /// A topic's page for a viewer's access keys (a host adds keys the content layer does not
    /// know, such as group memberships): the visible items of each type, newest and most
    /// popular first, each type's exact count, and the experts. Articles are listed and
    /// counted once each, in the `locale` first when given, and only in `articleLocales` when
    /// given (the locales a site can show an article in).
    public func page(
        _ id: ID<Topic>, as viewer: SearchViewer, locale: String? = nil, articleLocales: Set<String>? = nil, limit: Int = 10
    ) throws -> TopicPage {
        guard let topic = try topic(id) else { throw TopicError.unknownTopic(id.rawValue) }
        let limit = max(0, min(limit, 50))
        var hits: [SearchDocumentType: [SearchHit]] = [:]
        var counts: [SearchDocumentType: Int] = [:]
        for type in Self.pageTypes {
            let (listed, count) = try items(of: type, topic: topic.id, viewer: viewer, locale: locale, articleLocales: articleLocales, limit: limit)
            hits[type] = listed
            if count > 0 { counts[type] = count }
        }
        return TopicPage(
            topic: topic, articles: hits[.article] ?? [], questions: hits[.question] ?? [], ideas: hits[.idea] ?? [],
            discussions: hits[.discussion] ?? [], files: hits[.file] ?? [], counts: counts,
            experts: try experts.experts(on: topic.id, limit: limit))
    }

    /// How many visible items carry each live topic (articles counted once, whatever their
    /// number of languages, and only in `articleLocales` when given); topics without a visible
    /// item are left out.
    public func itemCounts(as viewer: SearchViewer, articleLocales: Set<String>? = nil) throws -> [ID<Topic>: Int] {
        var out: [ID<Topic>: Int] = [:]
        for topic in try store.snapshot().all(Topic.self).map(\.value) where topic.mergedInto == nil {
            var total = 0
            for type in Self.pageTypes { total += try items(of: type, topic: topic.id, viewer: viewer, locale: nil, articleLocales: articleLocales, limit: 0).count }
            if total > 0 { out[topic.id] = total }
        }
        return out
    }

    /// The first `limit` visible items of one type on a topic and how many there are in all.
    func items(
        of type: SearchDocumentType, topic: ID<Topic>, viewer: SearchViewer, locale: String?, articleLocales: Set<String>?, limit: Int
    ) throws -> (hits: [SearchHit], count: Int) {
        var query = SearchQuery("", locale: locale, types: [type], topics: [topic.rawValue], limit: limit, highlight: false)
        if type == .article { query.locales = articleLocales }
        let first = try index.search(query, as: viewer)
        guard type == .article, first.totalCount > 0 else { return (first.hits, first.totalCount) }
        // One document per published locale: list and count each article once.
        var all = query
        all.limit = first.totalCount
        let distinct = Self.distinctArticles(try index.search(all, as: viewer).hits, preferring: locale)
        return (Array(distinct.prefix(limit)), distinct.count)
    }

    /// Article hits with each article kept once, at its best-ranked position: in `locale` when
    /// the article has a hit in it, else its best-ranked locale. Other hits stay as they are.
    public static func distinctArticles(_ hits: [SearchHit], preferring locale: String? = nil) -> [SearchHit] {
        var preferred: [String: SearchHit] = [:]
        if let locale {
            for hit in hits where hit.locale == locale {
                if let (article, _) = KnowledgeSearchIndexer.article(of: hit.key), preferred[article.rawValue] == nil {
                    preferred[article.rawValue] = hit
                }
            }
        }
        var seen = Set<String>()
        var out: [SearchHit] = []
        for hit in hits {
            guard let (article, _) = KnowledgeSearchIndexer.article(of: hit.key) else { out.append(hit); continue }
            if seen.insert(article.rawValue).inserted { out.append(preferred[article.rawValue] ?? hit) }
        }
        return out
    }
}
