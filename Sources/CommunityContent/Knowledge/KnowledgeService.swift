public import CommunityAccess
public import CommunityModel
public import Foundation

/// The knowledge base: articles with numbered versions per locale, each version going
/// draft → published → archived; translations; data categories and channels; slugs;
/// engagement; and search as a viewer.
///
/// Every write is one store transaction (a thrown error leaves nothing behind) and
/// publishes its domain event after the commit. Authoring needs the `manageKnowledge`
/// system permission; reading goes through ``ContentAudience``.
public final class KnowledgeService: Sendable {
    /// The store holding articles, versions, slugs and engagement.
    public let store: any Store
    /// Where searches go; keep it in sync with a ``KnowledgeSearchIndexer``.
    public let index: any SearchIndex
    /// Resolves what users may see.
    public let audience: ContentAudience
    let events: EventBus
    let clock: any WallClock
    /// Text size limits.
    public let limits: KnowledgeLimits
    /// Length of the period in which a member's views of an article count once (seconds).
    public let viewPeriod: TimeInterval

    /// Creates the service.
    public init(
        store: any Store, index: any SearchIndex, access: AccessEngine, events: EventBus,
        clock: any WallClock = SystemClock(), limits: KnowledgeLimits = KnowledgeLimits(),
        viewPeriod: TimeInterval = 86_400
    ) {
        self.store = store
        self.index = index
        self.audience = ContentAudience(access: access)
        self.events = events
        self.clock = clock
        self.limits = limits
        self.viewPeriod = max(1, viewPeriod)
    }

    // MARK: Authoring

    /// Creates an article with a first draft in its master locale, and reserves a slug.
    public func createArticle(
        locale: String, content: ArticleContent, categories: [ID<DataCategory>] = [],
        channels: Set<KnowledgeChannel> = [.internal], by user: ID<User>
    ) throws -> KnowledgeArticle {
        try requireAuthor(user, "create articles")
        try Self.validateLocale(locale)
        try content.validate(locale: locale, limits: limits)
        guard !channels.isEmpty else { throw KnowledgeError.noChannel }
        let now = clock.now()
        let article = try store.write { tx -> KnowledgeArticle in
            try Self.checkCategories(categories, in: tx)
            let number = String(format: "%06d", try tx.count(KnowledgeArticle.self) + 1)
            let article = KnowledgeArticle(
                id: ID.generate(prefix: "ka"), articleNumber: number, masterLocale: locale, categoryIDs: categories,
                channels: channels, createdBy: user, createdAt: now)
            try tx.put(article, expecting: .absent)
            let version = ArticleVersion(
                articleID: article.id, locale: locale, number: 1, status: .draft, title: content.title,
                summary: content.summary, body: content.body, authorID: user, createdAt: now)
            try tx.put(version, expecting: .absent)
            try Self.assignSlug(article: article, locale: locale, title: content.title, in: tx, now: now)
            return article
        }
        events.publish(ArticleDraftSaved(articleID: article.id, locale: locale, version: 1, userID: user, occurredAt: now))
        return article
    }

    /// Adds a translation: a first draft in a locale other than the master's.
    @discardableResult
    public func addTranslation(
        to articleID: ID<KnowledgeArticle>, locale: String, content: ArticleContent, by user: ID<User>
    ) throws -> ArticleVersion {
        try requireAuthor(user, "translate articles")
        try Self.validateLocale(locale)
        try content.validate(locale: locale, limits: limits)
        let now = clock.now()
        let version = try store.write { tx -> ArticleVersion in
            let article = try Self.article(articleID, in: tx)
            guard article.masterLocale != locale, try Self.versions(of: articleID, locale: locale, in: tx).isEmpty else {
                throw KnowledgeError.translationExists(article: articleID.rawValue, locale: locale)
            }
            let version = ArticleVersion(
                articleID: articleID, locale: locale, number: 1, status: .draft, title: content.title,
                summary: content.summary, body: content.body, authorID: user, createdAt: now)
            try tx.put(version, expecting: .absent)
            try Self.assignSlug(article: article, locale: locale, title: content.title, in: tx, now: now)
            return version
        }
        events.publish(ArticleDraftSaved(articleID: articleID, locale: locale, version: 1, userID: user, occurredAt: now))
        return version
    }

    /// Saves text as the locale's draft. Editing a published article creates a new draft
    /// version (the next number) while the published one stays live.
    @discardableResult
    public func saveDraft(
        _ articleID: ID<KnowledgeArticle>, locale: String, content: ArticleContent, by user: ID<User>
    ) throws -> ArticleVersion {
        try requireAuthor(user, "edit articles")
        try content.validate(locale: locale, limits: limits)
        let now = clock.now()
        let saved = try store.write { tx -> ArticleVersion in
            _ = try Self.article(articleID, in: tx)
            let versions = try Self.versions(of: articleID, locale: locale, in: tx)
            guard let latest = versions.last else {
                throw KnowledgeError.unknownLocale(article: articleID.rawValue, locale: locale)
            }
            var draft: ArticleVersion
            if let existing = versions.first(where: { $0.status == .draft }) {
                draft = existing
            } else {
                draft = ArticleVersion(
                    articleID: articleID, locale: locale, number: latest.number + 1, status: .draft, title: "",
                    summary: "", body: "", authorID: user, createdAt: now)
            }
            draft.title = content.title
            draft.summary = content.summary
            draft.body = content.body
            draft.authorID = user
            draft.updatedAt = now
            try tx.put(draft)
            return draft
        }
        events.publish(
            ArticleDraftSaved(articleID: articleID, locale: locale, version: saved.number, userID: user, occurredAt: now))
        return saved
    }

    /// Publishes the locale's draft (or the given draft version): it replaces the published
    /// version, which is archived, in one transaction.
    ///
    /// - Throws: ``KnowledgeError/illegalTransition(article:locale:from:action:)`` when the
    ///   version is archived or already published, or there is no draft.
    @discardableResult
    public func publish(
        _ articleID: ID<KnowledgeArticle>, locale: String, version number: Int? = nil, by user: ID<User>
    ) throws -> ArticleVersion {
        try requireAuthor(user, "publish articles")
        let now = clock.now()
        let published = try store.write { tx -> ArticleVersion in
            let article = try Self.article(articleID, in: tx)
            let versions = try Self.versions(of: articleID, locale: locale, in: tx)
            guard let latest = versions.last else { throw KnowledgeError.unknownLocale(article: articleID.rawValue, locale: locale) }
            let target: ArticleVersion
            if let number {
                guard let v = versions.first(where: { $0.number == number }) else {
                    throw KnowledgeError.unknownVersion(article: articleID.rawValue, locale: locale, number: number)
                }
                target = v
            } else if let draft = versions.first(where: { $0.status == .draft }) {
                target = draft
            } else {
                target = latest
            }
            guard target.status == .draft else {
                throw KnowledgeError.illegalTransition(
                    article: articleID.rawValue, locale: locale, from: target.status, action: "publish")
            }
            for var old in versions where old.status == .published {
                old.status = .archived
                old.archivedAt = now
                try tx.put(old)
            }
            var live = target
            live.status = .published
            live.publishedAt = now
            live.updatedAt = now
            try tx.put(live)
            try Self.assignSlug(article: article, locale: locale, title: live.title, in: tx, now: now)
            return live
        }
        events.publish(
            ArticlePublished(articleID: articleID, locale: locale, version: published.number, userID: user, occurredAt: now))
        return published
    }

    /// Archives the locale's published version (or the given version), taking the locale offline.
    ///
    /// - Throws: ``KnowledgeError/illegalTransition(article:locale:from:action:)`` for a draft
    ///   or an already archived version.
    public func archive(
        _ articleID: ID<KnowledgeArticle>, locale: String, version number: Int? = nil, by user: ID<User>
    ) throws {
        try requireAuthor(user, "archive articles")
        let now = clock.now()
        let archived = try store.write { tx -> ArticleVersion in
            _ = try Self.article(articleID, in: tx)
            let versions = try Self.versions(of: articleID, locale: locale, in: tx)
            guard let latest = versions.last else { throw KnowledgeError.unknownLocale(article: articleID.rawValue, locale: locale) }
            let target: ArticleVersion
            if let number {
                guard let v = versions.first(where: { $0.number == number }) else {
                    throw KnowledgeError.unknownVersion(article: articleID.rawValue, locale: locale, number: number)
                }
                target = v
            } else {
                target = versions.first(where: { $0.status == .published }) ?? latest
            }
            guard target.status == .published else {
                throw KnowledgeError.illegalTransition(
                    article: articleID.rawValue, locale: locale, from: target.status, action: "archive")
            }
            var old = target
            old.status = .archived
            old.archivedAt = now
            try tx.put(old)
            return old
        }
        events.publish(
            ArticleArchived(articleID: articleID, locale: locale, version: archived.number, userID: user, occurredAt: now))
    }

    /// Makes an older version's text the locale's draft (a new version number unless a
    /// draft exists, which is overwritten). Publish it to bring it live.
    @discardableResult
    public func restore(
        _ articleID: ID<KnowledgeArticle>, locale: String, version number: Int, by user: ID<User>
    ) throws -> ArticleVersion {
        try requireAuthor(user, "restore articles")
        let now = clock.now()
        let draft = try store.write { tx -> ArticleVersion in
            let versions = try Self.versions(of: articleID, locale: locale, in: tx)
            guard let source = versions.first(where: { $0.number == number }) else {
                throw KnowledgeError.unknownVersion(article: articleID.rawValue, locale: locale, number: number)
            }
            var draft =
                versions.first(where: { $0.status == .draft })
                ?? ArticleVersion(
                    articleID: articleID, locale: locale, number: (versions.last ?? source).number + 1, status: .draft, title: "",
                    summary: "", body: "", authorID: user, createdAt: now)
            draft.title = source.title
            draft.summary = source.summary
            draft.body = source.body
            draft.authorID = user
            draft.updatedAt = now
            draft.restoredFrom = number
            try tx.put(draft)
            return draft
        }
        events.publish(
            ArticleDraftSaved(articleID: articleID, locale: locale, version: draft.number, userID: user, occurredAt: now))
        return draft
    }

    /// Reclassifies an article.
    public func setCategories(_ articleID: ID<KnowledgeArticle>, _ categories: [ID<DataCategory>], by user: ID<User>) throws {
        try requireAuthor(user, "classify articles")
        try store.write { tx in
            var article = try Self.article(articleID, in: tx)
            try Self.checkCategories(categories, in: tx)
            article.categoryIDs = categories
            try tx.put(article)
        }
    }

    /// Changes the channels an article is shown in.
    public func setChannels(_ articleID: ID<KnowledgeArticle>, _ channels: Set<KnowledgeChannel>, by user: ID<User>) throws {
        try requireAuthor(user, "change article channels")
        guard !channels.isEmpty else { throw KnowledgeError.noChannel }
        try store.write { tx in
            var article = try Self.article(articleID, in: tx)
            article.channels = channels
            try tx.put(article)
        }
    }

    /// Gives the article an explicit slug in a locale; the previous slug stays as an alias.
    ///
    /// - Throws: ``KnowledgeError/duplicateSlug(slug:locale:takenBy:)`` when another article
    ///   holds it, ``KnowledgeError/invalidSlug(_:)`` when it is not a well-formed slug.
    public func setSlug(_ articleID: ID<KnowledgeArticle>, locale: String, slug: String, by user: ID<User>) throws {
        try requireAuthor(user, "change slugs")
        guard SlugGenerator.isValid(slug) else { throw KnowledgeError.invalidSlug(slug) }
        let now = clock.now()
        try store.write { tx in
            let article = try Self.article(articleID, in: tx)
            if let taken = try tx.value(ArticleSlug.makeID(locale: locale, slug: slug)), taken.articleID != articleID {
                throw KnowledgeError.duplicateSlug(slug: slug, locale: locale, takenBy: taken.articleID.rawValue)
            }
            try Self.makeCurrent(slug: slug, article: article, locale: locale, in: tx, now: now)
        }
    }

    // MARK: Helpers

    func requireAuthor(_ user: ID<User>, _ action: String) throws {
        guard audience.managesKnowledge(user) else {
            throw KnowledgeError.notAllowed(user: user.rawValue, action: action)
        }
    }

    static func validateLocale(_ locale: String) throws {
        let parts = locale.split(whereSeparator: { $0 == "_" || $0 == "-" })
        let ok =
            (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 8 }
            && parts.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
            && (2...3).contains(parts[0].count)
        guard ok else { throw KnowledgeError.invalidLocale(String(locale.prefix(40))) }
    }

    static func checkCategories(_ ids: [ID<DataCategory>], in reader: any StoreReader) throws {
        for id in ids where try reader.get(id) == nil { throw KnowledgeError.unknownCategory(id.rawValue) }
    }

    static func article(_ id: ID<KnowledgeArticle>, in reader: any StoreReader) throws -> KnowledgeArticle {
        guard let article = try reader.value(id) else { throw KnowledgeError.unknownArticle(id.rawValue) }
        return article
    }

    /// The versions of an article (in a locale, when given), by number.
    static func versions(
        of id: ID<KnowledgeArticle>, locale: String? = nil, in reader: any StoreReader
    ) throws -> [ArticleVersion] {
        try reader.query(Query<ArticleVersion>().where("articleID", equals: .reference(id.rawValue)))
            .map(\.value)
            .filter { locale == nil || $0.locale == locale }
            .sorted { $0.number < $1.number }
    }

    /// Gives the article a current slug derived from `title` in `locale`, resolving
    /// collisions with -2, -3… and keeping earlier slugs as aliases.
    static func assignSlug(
        article: KnowledgeArticle, locale: String, title: String, in tx: any StoreTransaction, now: Date
    ) throws {
        var base = SlugGenerator.slug(from: title)
        if base.isEmpty { base = article.articleNumber }
        var n = 1
        while true {
            let candidate = SlugGenerator.variant(base, n)
            if let existing = try tx.value(ArticleSlug.makeID(locale: locale, slug: candidate)),
                existing.articleID != article.id
            {
                n += 1
                continue
            }
            try makeCurrent(slug: candidate, article: article, locale: locale, in: tx, now: now)
            return
        }
    }

    static func makeCurrent(
        slug: String, article: KnowledgeArticle, locale: String, in tx: any StoreTransaction, now: Date
    ) throws {
        let slugs = try tx.query(Query<ArticleSlug>().where("articleID", equals: .reference(article.id.rawValue)))
            .map(\.value).filter { $0.locale == locale }
        for var old in slugs where old.isCurrent && old.slug != slug {
            old.isCurrent = false
            try tx.put(old)
        }
        if var existing = slugs.first(where: { $0.slug == slug }) {
            if !existing.isCurrent {
                existing.isCurrent = true
                try tx.put(existing)
            }
        } else {
            try tx.put(
                ArticleSlug(articleID: article.id, locale: locale, slug: slug, isCurrent: true, createdAt: now),
                expecting: .absent)
        }
    }
}
