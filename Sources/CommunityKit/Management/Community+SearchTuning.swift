public import CommunityModel
import Foundation
public import CommunityContent
public import CommunityRendering

extension Community {
    /// Every search promotion (promoted results), by id; for community managers
    /// (``mayViewKPIs(_:)``).
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)`` or ``ManagementError/storage(_:)``.
    public func searchPromotions(by viewer: Viewer) throws(ManagementError) -> [SearchPromotion] {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        do { return try searchTuning.promotions() } catch { throw .storage("\(error)") }
    }

    /// Adds a search promotion or replaces the one with its id. Site search shows its items first
    /// for queries containing a keyword, to viewers who may see them.
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)``, ``ManagementError/invalidPromotion(_:)``
    ///   with the typed reason, or ``ManagementError/storage(_:)``.
    public func saveSearchPromotion(_ promotion: SearchPromotion, by viewer: Viewer) throws(ManagementError) {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        do { try promotion.check() } catch { throw .invalidPromotion(error) }
        do {
            try store.write { tx in try tx.put(promotion) }
        } catch {
            throw .storage("\(error)")
        }
        searchTuning.invalidatePromotions()
    }

    /// Deletes a search promotion.
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)``, ``ManagementError/unknownPromotion(_:)``
    ///   or ``ManagementError/storage(_:)``.
    public func deleteSearchPromotion(_ id: ID<SearchPromotion>, by viewer: Viewer) throws(ManagementError) {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        do {
            try store.write { tx in
                guard try tx.value(id) != nil else { throw ManagementError.unknownPromotion(id.rawValue) }
                try tx.delete(id)
            }
        } catch let error as ManagementError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
        searchTuning.invalidatePromotions()
    }

    /// Articles whose title (or text) matches `text`, for the promotions console's picker: each
    /// article once, by its id, with its title in `locale` when published there; the last word
    /// matches as a prefix, so a manager can type the start of a title. Every article, whoever
    /// may read it (a promotion shows an item only to viewers who may). For community managers
    /// (``mayViewKPIs(_:)``).
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)`` or ``ManagementError/storage(_:)``.
    public func promotableArticles(
        matching text: String, locale: String? = nil, limit: Int = 10, by viewer: Viewer
    ) throws(ManagementError) -> [PromotionCandidate] {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        let limit = min(max(0, limit), 50)
        let words = String(text.prefix(200))
        guard limit > 0, !words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        let query = SearchQuery(words, locale: locale, prefixLastWord: true, types: [.article], limit: limit * 4, highlight: false)
        let hits: [SearchHit]
        do { hits = try searchIndex.search(query, as: .unrestricted).hits } catch { throw .storage("\(error)") }
        var seen = Set<String>()
        var out: [PromotionCandidate] = []
        for hit in hits {
            guard out.count < limit, let (id, _) = KnowledgeSearchIndexer.article(of: hit.key), seen.insert(id.rawValue).inserted else { continue }
            let item = SearchPromotion.Item(kind: .article, id: id.rawValue)
            out.append(pinnedItemTitle(item, locale: locale) ?? PromotionCandidate(item: item, title: hit.title, locale: hit.locale))
        }
        return out
    }

    /// The titles of pinned items as the console shows them: an article's in `locale` when
    /// published there (else in its first published locale), another kind's from the search
    /// index. Items that are not (or no longer) indexed are left out, so the console can mark
    /// them. For community managers (``mayViewKPIs(_:)``).
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)``.
    public func pinnedItemTitles(
        _ items: [SearchPromotion.Item], locale: String? = nil, by viewer: Viewer
    ) throws(ManagementError) -> [SearchPromotion.Item: PromotionCandidate] {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        var out: [SearchPromotion.Item: PromotionCandidate] = [:]
        for item in Set(items) {
            if let candidate = pinnedItemTitle(item, locale: locale) { out[item] = candidate }
        }
        return out
    }

    private func pinnedItemTitle(_ item: SearchPromotion.Item, locale: String?) -> PromotionCandidate? {
        let keys = searchTuning.keys(item, locale: locale, reader: store.snapshot())
        for key in keys {
            if let document = try? searchIndex.document(key) {
                return PromotionCandidate(item: item, title: document.title, locale: document.locale)
            }
        }
        return nil
    }

    /// How site search learns from followed results (``CommunityConfiguration/clickLearning``).
    public var clickLearningOptions: ClickLearningOptions { searchTuning.options }

    /// The strongest boosts site search learned from the results members followed, highest
    /// first: per normalised query and item, how many distinct members followed it and the
    /// factor it gives. For community managers (``mayViewKPIs(_:)``).
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)`` or ``ManagementError/storage(_:)``.
    public func learnedSearchBoosts(limit: Int = 10, by viewer: Viewer) throws(ManagementError) -> [LearnedBoost] {
        guard mayViewKPIs(viewer) else { throw .notPermitted(user: viewer.user?.id.rawValue) }
        do { return try searchTuning.model().top(limit) } catch { throw .storage("\(error)") }
    }
}
