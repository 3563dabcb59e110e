public import CommunityContent
public import CommunityRendering

extension Community {
    var discovery: CommunityDiscovery {
        CommunityDiscovery(index: searchIndex, topicService: topics, engagement: engagement, access: access, store: store, tuning: searchTuning)
    }

    /// The search access keys of a viewer: the content layer's (channel, data categories,
    /// public groups, partner tier) and Engagement's (member, community groups, moderators).
    /// On a site, the viewer also holds ``SearchAccessKey/site(_:)`` of that site, which a
    /// document belonging to one site requires; with no site (the engine-wide view), it holds
    /// ``SearchAccessKey/anySite`` and finds every site's content. ``searchIndex`` searched with these keys lists
    /// and counts exactly what the viewer may read.
    public func searchViewer(for viewer: Viewer, site: String? = nil) throws -> SearchViewer {
        try discovery.searchViewer(viewer, site: site)
    }

    /// Searches everything indexed (articles, questions, ideas, discussions, files) as the viewer,
    /// with the promoted results and learned boosts of the query's words (``searchPromotions(by:)``,
    /// ``learnedSearchBoosts(limit:by:)``) unless the query already carries its own.
    public func search(_ query: SearchQuery, as viewer: Viewer, site: String? = nil) throws -> SearchResults {
        var query = query
        if query.promoted.isEmpty, query.boosts.isEmpty { searchTuning.apply(to: &query) }
        return try searchIndex.search(query, as: searchViewer(for: viewer, site: site))
    }

    /// Site search as the search results component runs it: every kind, or the kinds asked
    /// for, with exact counts per kind; articles once each, in the request's locales only.
    public func siteSearch(_ request: SiteSearchRequest, as viewer: Viewer) throws -> SiteSearchResults {
        try discovery.search(request, viewer: viewer)
    }

    /// The topic a name means (any case) as the viewer sees it: its visible articles,
    /// questions, ideas, discussions and files with exact counts, and its experts by
    /// reputation; `nil` when no topic has the name.
    public func topicPage(named name: String, as viewer: Viewer, site: String? = nil, locale: String? = nil, limit: Int = 10) throws -> TopicPage? {
        guard let topic = try topics.topic(named: name) else { return nil }
        return try topics.page(topic.id, as: searchViewer(for: viewer, site: site), locale: locale, limit: limit)
    }

    /// Every topic the viewer may browse, with how many visible items carry it: navigational
    /// topics in menu order, then the other topics that have items. Articles count in
    /// `articleLocales` only (empty: in any locale).
    public func topicCatalog(as viewer: Viewer, site: String? = nil, articleLocales: Set<String> = []) throws -> [TopicSummary] {
        try discovery.topics(articleLocales: articleLocales, site: site, viewer: viewer)
    }
}
