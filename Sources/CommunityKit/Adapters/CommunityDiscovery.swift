import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation

/// Site search and topic pages over the one search index every layer feeds (articles,
/// questions, ideas, discussions, files), as the viewer: the index matches and counts only
/// documents the viewer's access keys admit (``ContentAudience`` keys plus Engagement's,
/// ``Engagement/searchKeys(for:)``), so a hidden item is never listed and never counted.
/// Articles are listed and counted once each, only in locales the site serves. Questions,
/// ideas and discussions of another site are neither listed nor counted (see
/// ``EngagementSearchIndexer``).
struct CommunityDiscovery: DiscoveryProvider {
    let index: any SearchIndex
    let topicService: TopicService
    let engagement: Engagement
    let access: AccessEngine
    let store: any Store
    /// Promoted results and learned boosts (none without it).
    var tuning: SearchTuning? = nil

    /// The access keys of a viewer (the guest for no user), searching on a site or none.
    func searchViewer(_ viewer: Viewer, site: String?) throws -> SearchViewer {
        var searchViewer = try ContentAudience(access: access).viewer(for: viewer.user?.id, in: store.snapshot())
        if let user = viewer.user?.id { searchViewer.keys.formUnion(try engagement.searchKeys(for: user)) }
        // On a site: that site's content and content of no site; outside any site (the
        // engine-wide view, as `SiteScope` has it): every site's content.
        searchViewer.keys.insert(site.map(SearchAccessKey.site) ?? SearchAccessKey.anySite)
        return searchViewer
    }

    static func kind(_ type: SearchDocumentType) -> SearchItemKind? { SearchItemKind(rawValue: type.name) }

    static func documentType(_ kind: SearchItemKind) -> SearchDocumentType { SearchDocumentType(kind.rawValue) }

    func search(_ request: SiteSearchRequest, viewer: Viewer) throws -> SiteSearchResults {
        let limit = ListLimit.clamp(request.limit)
        let text = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .empty }
        let keys = try searchViewer(viewer, site: request.site)
        let (promoted, boosts) = tuning?.adjustments(for: text, locale: request.locale) ?? ([], [:])
        func tuned(_ query: SearchQuery) -> SearchQuery {
            var query = query
            query.promoted = promoted
            query.boosts = boosts
            return query
        }
        let chosen = request.kinds.isEmpty ? Set(SearchItemKind.allCases) : request.kinds
        let others: Set<SearchDocumentType> = Set(SearchItemKind.allCases.filter { $0 != .article }.map(Self.documentType))
        // Counts of every kind but articles, as facets over every visible match.
        let counted = try index.search(
            tuned(SearchQuery(
                text, locale: request.locale, prefixLastWord: request.prefixLastWord, types: others, facets: [.type], limit: 0,
                highlight: false)), as: keys)
        var counts: [SearchItemKind: Int] = [:]
        for facet in counted.facets[.type] ?? [] {
            if let kind = Self.kind(SearchDocumentType(facet.value)), facet.count > 0 { counts[kind] = facet.count }
        }
        // Articles: every visible match in the site's locales, each article once.
        var articleQuery = tuned(SearchQuery(text, locale: request.locale, prefixLastWord: request.prefixLastWord, types: [.article],
            locales: request.articleLocales.isEmpty ? nil : request.articleLocales, limit: 0, highlight: true))
        articleQuery.limit = try index.search(articleQuery, as: keys).totalCount
        let articles = TopicService.distinctArticles(
            articleQuery.limit > 0 ? try index.search(articleQuery, as: keys).hits : [], preferring: request.locale)
        if !articles.isEmpty { counts[.article] = articles.count }
        var hits: [SearchHit] = chosen.contains(.article) ? Array(articles.prefix(limit)) : []
        let wanted = Set(chosen.filter { $0 != .article }.map(Self.documentType))
        if !wanted.isEmpty, limit > 0 {
            let query = tuned(SearchQuery(text, locale: request.locale, prefixLastWord: request.prefixLastWord, types: wanted, limit: limit))
            hits += try index.search(query, as: keys).hits
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        let total = chosen.reduce(0) { $0 + (counts[$1] ?? 0) }
        return SiteSearchResults(items: hits.prefix(limit).compactMap(item), counts: counts, totalCount: total)
    }

    func topic(named name: String, locale: String, articleLocales: Set<String>, site: String?, viewer: Viewer, limit: Int) throws -> TopicView? {
        guard let topic = try topicService.topic(named: name) else { return nil }
        let page = try topicService.page(
            topic.id, as: searchViewer(viewer, site: site), locale: locale, articleLocales: articleLocales.isEmpty ? nil : articleLocales,
            limit: ListLimit.clamp(limit))
        var items: [SearchItemKind: [SearchResultItem]] = [:]
        items[.article] = page.articles.compactMap(item)
        items[.question] = page.questions.compactMap(item)
        items[.idea] = page.ideas.compactMap(item)
        items[.discussion] = page.discussions.compactMap(item)
        items[.file] = page.files.compactMap(item)
        var counts: [SearchItemKind: Int] = [:]
        for (type, count) in page.counts { if let kind = Self.kind(type) { counts[kind] = count } }
        let snapshot = access.snapshot
        let experts = page.experts.map { expert in
            LeaderEntry(name: snapshot.user(expert.userID)?.nickname ?? "member", points: Int(clamping: Int64(exactly: expert.score.rounded()) ?? 0), level: "")
        }
        return TopicView(name: topic.name, description: topic.description, items: items, counts: counts, experts: experts)
    }

    func topics(articleLocales: Set<String>, site: String?, viewer: Viewer) throws -> [TopicSummary] {
        let counts = try topicService.itemCounts(as: searchViewer(viewer, site: site), articleLocales: articleLocales.isEmpty ? nil : articleLocales)
        let navigational = try topicService.navigationalTopics()
        let listed = Set(navigational.map(\.id))
        var others: [Topic] = []
        for topic in try store.snapshot().all(Topic.self).map(\.value) where topic.mergedInto == nil && !listed.contains(topic.id) {
            if let count = counts[topic.id], count > 0 { others.append(topic) }
        }
        others.sort { (a: Topic, b: Topic) -> Bool in a.name != b.name ? a.name < b.name : a.id < b.id }
        return (navigational + others).map { (topic: Topic) -> TopicSummary in
            TopicSummary(name: topic.name, description: topic.description, itemCount: counts[topic.id] ?? 0)
        }
    }

    /// A hit as a listed item; an article hit carries its slug in its locale.
    private func item(_ hit: SearchHit) -> SearchResultItem? {
        guard let kind = Self.kind(hit.key.type) else { return nil }
        var id = hit.key.id
        if kind == .article {
            guard let (article, _) = KnowledgeSearchIndexer.article(of: hit.key) else { return nil }
            id = article.rawValue
        }
        var item = SearchResultItem(kind: kind, id: id, title: hit.title, snippet: Self.plain(hit.snippetHTML), slug: hit.path, locale: hit.locale)
        item.isPromoted = hit.isPromoted
        return item
    }

    /// Highlighted, escaped snippet HTML back to plain text (components escape it again).
    static func plain(_ html: String) -> String {
        var text = html
        let entities: [(String, String)] = [
            ("<mark>", ""), ("</mark>", ""), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
        ]
        for (from, to) in entities { text = text.replacingOccurrences(of: from, with: to) }
        return text
    }
}
