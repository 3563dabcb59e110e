import CommunityModel
import CommunityContent
import CommunityEngagement
import Foundation
import Synchronization

/// What site search adds to text relevance: the administrators' promoted results
/// (``SearchPromotion``) and boosts learned from the results members follow
/// (``ClickBoostModel``), both read from the store and cached until the store's change feed
/// (or the facade's own writes) says they changed; the learned model is rebuilt at most once a
/// minute for log changes seen on the feed (every search writes one), at once for this host's
/// clicks and retention changes, and hourly so its decay moves on.
///
/// Click learning reads only search log entries that still name their searcher and are inside
/// their site's retention window (``SearchLogRetention``), and the model keeps counts, never
/// who clicked, so nothing it holds outlives the window.
final class SearchTuning: Sendable {
    let store: any Store
    let clock: any WallClock
    let options: ClickLearningOptions

    private struct Cache {
        var promotions: [SearchPromotion]?
        var model: ClickBoostModel?
        var modelBuiltAt: Date?
        /// The log changed (a search, a click, a scrubbed searcher) since the model was built.
        var logChanged = false
    }

    private let cache = Mutex(Cache())
    private let observation = Mutex<StoreObservation?>(nil)
    /// How long a learned model is used before it is rebuilt for decay alone.
    static let modelLifetime: TimeInterval = 3600
    /// How long a model is kept after the log changed: every search writes a log entry, so the
    /// feed alone rebuilds it at most this often (this host's clicks rebuild it at once).
    static let feedRebuildInterval: TimeInterval = 60

    init(store: any Store, clock: any WallClock, options: ClickLearningOptions) {
        self.store = store
        self.clock = clock
        self.options = options
        let observation = store.observe { [weak self] changes in
            guard let self else { return }
            let types = Set(changes.map(\.entityType))
            if types.contains(SearchPromotion.entityType) { self.invalidatePromotions() }
            if types.contains(SearchLogRetention.entityType) { self.invalidateModel() }
            if types.contains(SearchQueryLogEntry.entityType) { self.cache.withLock { $0.logChanged = true } }
        }
        self.observation.withLock { $0 = observation }
    }

    deinit { observation.withLock { $0?.cancel() } }

    func invalidatePromotions() { cache.withLock { $0.promotions = nil } }
    /// Drops the learned model, so the next search rebuilds it (this host recorded a click or
    /// changed a retention window).
    func invalidateModel() { cache.withLock { $0.model = nil } }

    /// Every promotion, by id.
    func promotions() throws -> [SearchPromotion] {
        if let cached = cache.withLock({ $0.promotions }) { return cached }
        let all = try store.snapshot().all(SearchPromotion.self).map(\.value).sorted { $0.id.rawValue < $1.id.rawValue }
        cache.withLock { $0.promotions = all }
        return all
    }

    /// The learned model as of now.
    func model() throws -> ClickBoostModel {
        let now = clock.now()
        let cached = cache.withLock { c -> ClickBoostModel? in
            guard let model = c.model, let built = c.modelBuiltAt else { return nil }
            let age = abs(now.timeIntervalSince(built))
            guard age < Self.modelLifetime, !c.logChanged || age < Self.feedRebuildInterval else { return nil }
            return model
        }
        if let cached { return cached }
        let model = ClickBoostModel(clicks: try clicks(now: now), options: options, now: now)
        cache.withLock {
            $0.model = model
            $0.modelBuiltAt = now
            $0.logChanged = false
        }
        return model
    }

    /// Clicks of members still named in the log and inside their site's retention window.
    func clicks(now: Date) throws -> [SearchClick] {
        let reader = store.snapshot()
        let windows = Dictionary(try reader.all(SearchLogRetention.self).map { ($0.value.id.rawValue, $0.value.days) }) { $1 }
        let entries = try reader.query(Query<SearchQueryLogEntry>().where("identified", equals: .text("yes"))).map(\.value)
        return entries.compactMap { entry in
            guard let member = entry.viewerID, let item = entry.clickedItem, !entry.query.isEmpty else { return nil }
            let days = entry.siteID.flatMap { windows[$0] } ?? SearchLogRetention.defaultDays
            guard entry.at > now.addingTimeInterval(-Double(days) * 86_400) else { return nil }
            return SearchClick(query: entry.query, item: item, member: member.rawValue, at: entry.clickedAt ?? entry.at)
        }
    }

    /// The promoted items and learned boosts of a query, as document keys (an article as its
    /// published locales, the query's locale first). Failures to read leave the search plain.
    func adjustments(for text: String, locale: String?) -> (promoted: [SearchDocumentKey], boosts: [SearchDocumentKey: Double]) {
        let normalized = SearchQueryLogEntry.normalize(text)
        guard !normalized.isEmpty else { return ([], [:]) }
        let now = clock.now()
        let reader = store.snapshot()
        var promoted: [SearchDocumentKey] = []
        var seen = Set<SearchDocumentKey>()
        for promotion in (try? promotions()) ?? [] where promotion.matches(normalized, locale: locale, at: now) {
            for item in promotion.items {
                for key in keys(item, locale: locale, reader: reader) where seen.insert(key).inserted { promoted.append(key) }
            }
        }
        var boosts: [SearchDocumentKey: Double] = [:]
        for (reference, factor) in (try? model())?.factors(for: normalized) ?? [:] {
            guard let item = SearchPromotion.Item(reference: reference) else { continue }
            for key in keys(item, locale: locale, reader: reader) { boosts[key] = max(boosts[key] ?? 1, factor) }
        }
        return (promoted, boosts)
    }

    /// The document keys of an item: an article's published locales, or the item's own key.
    func keys(_ item: SearchPromotion.Item, locale: String?, reader: any StoreReader) -> [SearchDocumentKey] {
        guard item.kind == .article else { return [SearchDocumentKey(type: item.kind, id: item.id)] }
        guard let id = try? ID<KnowledgeArticle>(parsing: item.id) else { return [] }
        return (try? KnowledgeSearchIndexer.documentKeys(of: id, preferring: locale, in: reader)) ?? []
    }

    /// Applies a query's promotions and boosts.
    func apply(to query: inout SearchQuery) {
        let (promoted, boosts) = adjustments(for: query.text, locale: query.locale)
        query.promoted = promoted
        query.boosts = boosts
    }
}
