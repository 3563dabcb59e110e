public import CommunityModel
import Synchronization

/// Keeps a ``SearchIndex`` in step with the knowledge base by following the store's change
/// feed: when a version is published its locale is findable at once; when it is archived,
/// or the article's channels or categories change, the index follows in the same commit.
///
/// Each published locale of an article is one document of type `article` whose id is
/// `<articleID>/<locale>` (see ``documentKey(_:locale:)``).
public final class KnowledgeSearchIndexer: Sendable {
    private let store: any Store
    private let index: any SearchIndex
    private let indexed = Mutex<[ID<KnowledgeArticle>: Set<String>]>([:])
    private let failures = Mutex<[String]>([])
    private let observation = Mutex<StoreObservation?>(nil)
    /// Serialises reindexing so an older snapshot never overwrites a newer one.
    private let serial = Mutex(())
    private let applied = Mutex<UInt64>(0)
    private let caughtUpCount = Mutex(0)

    /// Indexes every published article, then follows the store.
    public init(store: any Store, index: any SearchIndex) throws {
        self.store = store
        self.index = index
        let observation = store.observe { [weak self] changes in self?.apply(changes) }
        self.observation.withLock { $0 = observation }
        try reindexAll()
    }

    /// Resumes from a search index snapshot: takes the article documents the index already
    /// holds (`indexedKeys`, the snapshot's keys), follows the store, and applies the store's
    /// feed after `sequence` instead of reindexing every article.
    ///
    /// - Throws: what ``SearchFeedCatchUp/replay(_:after:completing:apply:)`` throws; the
    ///   caller then clears the index and builds it in full.
    public init(store: any Store, index: any SearchIndex, resumingAfter sequence: UInt64, indexedKeys: [SearchDocumentKey]) throws {
        self.store = store
        self.index = index
        var known: [ID<KnowledgeArticle>: Set<String>] = [:]
        for key in indexedKeys {
            if let (id, locale) = Self.article(of: key) { known[id, default: []].insert(locale) }
        }
        let restored = known
        indexed.withLock { $0 = restored }
        applied.withLock { $0 = sequence }
        let observation = store.observe { [weak self] changes in self?.apply(changes) }
        self.observation.withLock { $0 = observation }
        let replayed = try SearchFeedCatchUp.replay(
            store, after: sequence, completing: [ArticleVersion.self, ArticleStats.self, ArticleSlug.self, TopicAssignment.self]
        ) { page in try applyThrowing(page) }.changes
        caughtUpCount.withLock { $0 = replayed }
    }

    /// How many feed changes the indexer caught up on when it resumed (0 after a full build).
    public var caughtUp: Int { caughtUpCount.withLock { $0 } }

    /// The last store feed sequence whose changes the index reflects (a snapshot taken now may
    /// be labelled with it).
    public var appliedSequence: UInt64 { applied.withLock { $0 } }

    /// Stops following the store.
    public func stop() { observation.withLock { $0?.cancel(); $0 = nil } }

    /// Errors met while indexing in the change observer (which cannot throw), oldest first.
    public var errors: [String] { failures.withLock { $0 } }

    /// The document key of an article's locale.
    public static func documentKey(_ articleID: ID<KnowledgeArticle>, locale: String) -> SearchDocumentKey {
        SearchDocumentKey(type: .article, id: "\(articleID.rawValue)/\(locale)")
    }

    /// The article and locale of an article document key.
    public static func article(of key: SearchDocumentKey) -> (ID<KnowledgeArticle>, String)? {
        guard key.type == .article, let slash = key.id.firstIndex(of: "/") else { return nil }
        guard let id = try? ID<KnowledgeArticle>(parsing: String(key.id[..<slash])) else { return nil }
        return (id, String(key.id[key.id.index(after: slash)...]))
    }

    /// Rebuilds the documents of every article.
    public func reindexAll() throws {
        try serial.withLock { _ in
            let snapshot = store.snapshot()
            let ids = try snapshot.all(KnowledgeArticle.self).map(\.value.id)
            try reindex(Set(ids).union(indexed.withLock { Set($0.keys) }), in: snapshot)
            applied.withLock { $0 = max($0, snapshot.sequence) }
        }
    }

    func apply(_ changes: [Change]) {
        do {
            try applyThrowing(changes)
        } catch {
            failures.withLock { $0.append("\(error)") }
        }
    }

    private func applyThrowing(_ changes: [Change]) throws {
        var affected = Set<ID<KnowledgeArticle>>()
        var everything = false
        for change in changes {
            switch change.entityType {
            case KnowledgeArticle.entityType:
                if let id = try? ID<KnowledgeArticle>(parsing: change.id) { affected.insert(id) }
            case ArticleVersion.entityType:
                if let v = change.value(as: ArticleVersion.self) {
                    affected.insert(v.articleID)
                } else {
                    affected.formUnion(indexed.withLock { $0.keys.filter { change.id.hasPrefix($0.rawValue + ".") } })
                }
            case ArticleStats.entityType:
                if let s = change.value(as: ArticleStats.self) { affected.insert(s.articleID) }
            case ArticleSlug.entityType:
                if let s = change.value(as: ArticleSlug.self) { affected.insert(s.articleID) }
            case TopicAssignment.entityType:
                if let a = change.value(as: TopicAssignment.self), a.target.type == .article,
                    let id = try? ID<KnowledgeArticle>(parsing: a.target.id)
                {
                    affected.insert(id)
                } else if change.kind == .deleted {
                    everything = true
                }
            case DataCategory.entityType, Topic.entityType:
                everything = true
            default:
                continue
            }
        }
        try serial.withLock { _ in try reindexAffected(affected, everything: everything) }
        if let last = changes.last?.sequence { applied.withLock { $0 = max($0, last) } }
    }

    private func reindexAffected(_ ids: Set<ID<KnowledgeArticle>>, everything: Bool) throws {
        var affected = ids
        do {
            let snapshot = store.snapshot()
            if everything {
                affected.formUnion(try snapshot.all(KnowledgeArticle.self).map(\.value.id))
                affected.formUnion(indexed.withLock { Set($0.keys) })
            }
            guard !affected.isEmpty else { return }
            try reindex(affected, in: snapshot)
        }
    }

    private func reindex(_ ids: Set<ID<KnowledgeArticle>>, in snapshot: any StoreSnapshot) throws {
        var upserts: [SearchDocument] = []
        var removals: [SearchDocumentKey] = []
        var nowIndexed: [ID<KnowledgeArticle>: Set<String>] = [:]
        for id in ids.sorted() {
            let before = indexed.withLock { $0[id] ?? [] }
            var live = Set<String>()
            if let article = try snapshot.value(id) {
                let visibility = try ContentAudience.descriptor(for: article, in: snapshot)
                let stats = try snapshot.value(id.retyped(as: ArticleStats.self))
                let popularity = Double((stats?.views ?? 0) + 3 * (stats?.helpful ?? 0))
                let topics = try TopicService.topics(of: TopicTarget(type: .article, id: id.rawValue), in: snapshot)
                for version in try KnowledgeService.versions(of: id, in: snapshot) where version.status == .published {
                    live.insert(version.locale)
                    let key = Self.documentKey(id, locale: version.locale)
                    upserts.append(
                        SearchDocument(
                            type: .article, id: key.id, locale: version.locale, title: version.title,
                            summary: version.summary, body: version.body,
                            categories: article.categoryIDs.map(\.rawValue), topics: topics.map(\.rawValue),
                            visibility: visibility, createdAt: article.createdAt,
                            updatedAt: version.publishedAt ?? version.updatedAt, popularity: popularity,
                            path: try KnowledgeService.currentSlug(id, locale: version.locale, in: snapshot)))
                }
            }
            for locale in before.subtracting(live) { removals.append(Self.documentKey(id, locale: locale)) }
            nowIndexed[id] = live
        }
        try index.remove(removals)
        try index.upsert(upserts)
        indexed.withLock { map in
            for (id, locales) in nowIndexed { map[id] = locales.isEmpty ? nil : locales }
        }
    }
}
