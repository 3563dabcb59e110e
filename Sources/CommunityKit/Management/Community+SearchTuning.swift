public import CommunityModel
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
