import CommunityModel
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation
import CommunityIdentity

/// Feeds the knowledge components from CommunityContent: published articles the viewer's
/// channel and data categories allow, in the viewer's language (falling back to the master),
/// bodies passed through the rich-text sanitiser, topics from the topic service.
struct ContentKnowledgeProvider: KnowledgeProvider {
    let knowledge: KnowledgeService
    let topicService: TopicService
    /// The site views and votes are counted in; `nil` for the engine-wide provider.
    var site: String? = nil

    /// The same provider counting views and votes in `site`.
    func bound(to site: String) -> ContentKnowledgeProvider {
        var copy = self
        copy.site = site
        return copy
    }

    private func card(_ summary: CommunityContent.ArticleListItem) -> ArticleCard {
        ArticleCard(id: summary.articleID.rawValue, slug: summary.slug ?? summary.articleID.rawValue, title: summary.title,
                    summary: summary.summary, locale: summary.locale, updated: summary.publishedAt)
    }

    private func cards(_ hits: [SearchHit], viewer: Viewer) -> [ArticleCard] {
        hits.compactMap { hit in
            guard let (id, locale) = KnowledgeSearchIndexer.article(of: hit.key),
                  let version = try? knowledge.read(id, locale: locale, as: viewer.user?.id) else { return nil }
            let slug = (try? knowledge.slug(of: id, locale: version.locale)) ?? nil
            return ArticleCard(id: id.rawValue, slug: slug ?? id.rawValue, title: version.title, summary: version.summary,
                               locale: version.locale, updated: version.publishedAt)
        }
    }

    func search(_ query: String, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        let results = try knowledge.search(SearchQuery(query, locale: locale, types: [.article], limit: limit, highlight: false), as: viewer.user?.id)
        return cards(results.hits, viewer: viewer)
    }

    func articles(topic: String?, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        guard let topic else { return try knowledge.recentlyUpdated(limit: limit, locale: locale, as: viewer.user?.id).map(card) }
        guard let id = try topicService.topic(named: topic)?.id else { return [] }
        let results = try knowledge.search(SearchQuery("", locale: locale, types: [.article], topics: [id.rawValue], limit: limit, highlight: false), as: viewer.user?.id)
        return cards(results.hits, viewer: viewer)
    }

    /// Most viewed first, then the most recent to fill the list.
    func popularArticles(locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        var cards = try knowledge.mostViewed(limit: limit, locale: locale, as: viewer.user?.id).map(card)
        if cards.count < limit {
            let shown = Set(cards.map(\.id))
            cards += try knowledge.recentlyUpdated(limit: limit, locale: locale, as: viewer.user?.id).map(card).filter { !shown.contains($0.id) }
        }
        return Array(cards.prefix(limit))
    }

    /// A member's view counts once per day; a guest's once per browser session and day, keyed by a
    /// digest of the session (the session itself is never stored).
    func recordView(articleID: String, viewer: Viewer) throws {
        guard let id = try? ID<KnowledgeArticle>(parsing: articleID) else { throw KnowledgeError.unknownArticle(String(articleID.prefix(80))) }
        if let user = viewer.user, !viewer.isGuest {
            try knowledge.recordView(id, by: user.id, site: site)
        } else {
            let visitor = ByteEncoding.hex(Digest.sha256(Array(viewer.sessionID.utf8)))
            try knowledge.recordGuestView(id, visitor: visitor, as: viewer.user?.id, site: site)
        }
    }

    func article(slug: String, locale: String, viewer: Viewer) throws -> ArticleDisplay? {
        guard let resolution = try knowledge.resolve(slug: slug, locale: locale),
              let version = try knowledge.read(resolution.articleID, locale: locale, as: viewer.user?.id) else { return nil }
        let body: RichText
        if let clean = try? RichTextSanitizer().sanitize(version.body) {
            body = .sanitized(TrustedHTML(uncheckedMarkup: clean.html))
        } else {
            body = .plain(RichTextSanitizer.plainText(version.body))
        }
        // Views are counted by the article page (`recordView(articleID:viewer:)`), once per article
        // shown: a member once per period, a guest (anonymous or a site's guest user) once per
        // browser session and period.
        let stats = try? knowledge.stats(resolution.articleID)
        let card = ArticleCard(id: resolution.articleID.rawValue, slug: resolution.currentSlug, title: version.title,
                               summary: version.summary, locale: version.locale, updated: version.publishedAt)
        return ArticleDisplay(summary: card, body: body, helpfulYes: stats?.helpful ?? 0, helpfulNo: stats?.notHelpful ?? 0)
    }

    func topics(viewer: Viewer) throws -> [TopicSummary] {
        try topicService.navigationalTopics().map { TopicSummary(name: $0.name, description: $0.description) }
    }

    func vote(articleID: String, helpful: Bool, viewer: Viewer) throws {
        guard let user = viewer.user?.id else { throw KnowledgeError.notAllowed(user: "guest", action: "vote on articles") }
        guard let id = try? ID<KnowledgeArticle>(parsing: articleID) else { throw KnowledgeError.unknownArticle(String(articleID.prefix(80))) }
        try knowledge.giveFeedback(id, helpful: helpful, by: user, site: site)
    }
}
