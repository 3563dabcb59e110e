public import CommunityModel
import Foundation

extension KnowledgeService {
    /// The article record.
    public func article(_ id: ID<KnowledgeArticle>) throws -> KnowledgeArticle? { try store.snapshot().value(id) }

    /// Whether a user (or the guest, for `nil`) may read an article at all.
    public func canRead(_ articleID: ID<KnowledgeArticle>, as user: ID<User>?) throws -> Bool {
        let snapshot = store.snapshot()
        guard let article = try snapshot.value(articleID) else { return false }
        let viewer = try audience.viewer(for: user, in: snapshot)
        return try ContentAudience.descriptor(for: article, in: snapshot).admits(viewer)
    }

    /// The published version a reader gets: theirs in `locale` if published, else the
    /// master locale's. `nil` when nothing is published or the reader may not see it.
    public func read(_ articleID: ID<KnowledgeArticle>, locale: String, as user: ID<User>?) throws -> ArticleVersion? {
        let snapshot = store.snapshot()
        guard let article = try snapshot.value(articleID) else { return nil }
        let viewer = try audience.viewer(for: user, in: snapshot)
        guard try ContentAudience.descriptor(for: article, in: snapshot).admits(viewer) else { return nil }
        return try Self.published(article, locale: locale, in: snapshot)
    }

    static func published(_ article: KnowledgeArticle, locale: String, in reader: any StoreReader) throws -> ArticleVersion? {
        let live = try versions(of: article.id, in: reader).filter { $0.status == .published }
        return live.first { $0.locale == locale }
            ?? live.first { ContentLanguage(locale: $0.locale) == ContentLanguage(locale: locale) && ContentLanguage(locale: locale) != .other }
            ?? live.first { $0.locale == article.masterLocale }
    }

    /// Every version of the article in a locale, oldest first, with author and times
    /// (authors only).
    public func history(_ articleID: ID<KnowledgeArticle>, locale: String, by user: ID<User>) throws -> [ArticleVersion] {
        try requireAuthor(user, "read article history")
        let snapshot = store.snapshot()
        _ = try Self.article(articleID, in: snapshot)
        return try Self.versions(of: articleID, locale: locale, in: snapshot)
    }

    /// The locales an article has versions in (authors only).
    public func locales(of articleID: ID<KnowledgeArticle>, by user: ID<User>) throws -> [String] {
        try requireAuthor(user, "list article translations")
        return Array(Set(try Self.versions(of: articleID, in: store.snapshot()).map(\.locale))).sorted()
    }

    /// The article a slug (current or alias) points to in a locale.
    public func resolve(slug: String, locale: String) throws -> SlugResolution? {
        let snapshot = store.snapshot()
        let normalised = slug.precomposedStringWithCanonicalMapping.lowercased()
        guard let row = try snapshot.value(ArticleSlug.makeID(locale: locale, slug: normalised)) else { return nil }
        let current = try snapshot.query(Query<ArticleSlug>().where("articleID", equals: .reference(row.articleID.rawValue)))
            .map(\.value).first { $0.locale == locale && $0.isCurrent }
        return SlugResolution(articleID: row.articleID, currentSlug: current?.slug ?? row.slug, isAlias: !row.isCurrent)
    }

    /// The current slug of an article in a locale.
    public func slug(of articleID: ID<KnowledgeArticle>, locale: String) throws -> String? {
        try Self.currentSlug(articleID, locale: locale, in: store.snapshot())
    }

    static func currentSlug(_ articleID: ID<KnowledgeArticle>, locale: String, in reader: any StoreReader) throws -> String? {
        try reader.query(Query<ArticleSlug>().where("articleID", equals: .reference(articleID.rawValue)))
            .map(\.value).first { $0.locale == locale && $0.isCurrent }?.slug
    }

    // MARK: Lists

    /// The most viewed articles the user may see, in the user's locale where translated.
    public func mostViewed(limit: Int = 10, locale: String, as user: ID<User>?) throws -> [ArticleListItem] {
        let snapshot = store.snapshot()
        let stats = try snapshot.query(Query<ArticleStats>().ordered(by: "views", descending: true))
        return try summaries(stats.map { ($0.value.articleID, $0.value.views) }, limit: limit, locale: locale, user: user, in: snapshot)
    }

    /// The most recently published articles the user may see.
    public func recentlyUpdated(limit: Int = 10, locale: String, as user: ID<User>?) throws -> [ArticleListItem] {
        let snapshot = store.snapshot()
        let versions = try snapshot.query(
            Query<ArticleVersion>().where("status", equals: .picklist(ArticleVersion.Status.published.rawValue))
                .ordered(by: "publishedAt", descending: true))
        var seen = Set<ID<KnowledgeArticle>>()
        let ordered = versions.map(\.value.articleID).filter { seen.insert($0).inserted }
        return try summaries(ordered.map { ($0, 0) }, limit: limit, locale: locale, user: user, in: snapshot)
    }

    /// The articles with the most counted views in the last `days` days.
    public func trending(limit: Int = 10, days: Double = 7, locale: String, as user: ID<User>?) throws -> [ArticleListItem] {
        let snapshot = store.snapshot()
        let since = clock.now().addingTimeInterval(-days * 86_400)
        let views = try snapshot.query(Query<ArticleViewRecord>().filter("periodStart", .range(lower: .dateTime(since), upper: nil)))
        var counts: [ID<KnowledgeArticle>: Int] = [:]
        for v in views { counts[v.value.articleID, default: 0] += 1 }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        return try summaries(ordered, limit: limit, locale: locale, user: user, in: snapshot)
    }

    func summaries(
        _ ordered: [(ID<KnowledgeArticle>, Int)], limit: Int, locale: String, user: ID<User>?, in snapshot: any StoreSnapshot
    ) throws -> [ArticleListItem] {
        let viewer = try audience.viewer(for: user, in: snapshot)
        var out: [ArticleListItem] = []
        for (id, figure) in ordered where out.count < limit {
            guard let article = try snapshot.value(id),
                try ContentAudience.descriptor(for: article, in: snapshot).admits(viewer),
                let version = try Self.published(article, locale: locale, in: snapshot)
            else { continue }
            out.append(
                ArticleListItem(
                    articleID: id, locale: version.locale, title: version.title, summary: version.summary,
                    slug: try Self.currentSlug(id, locale: version.locale, in: snapshot), publishedAt: version.publishedAt,
                    figure: figure))
        }
        return out
    }
}
