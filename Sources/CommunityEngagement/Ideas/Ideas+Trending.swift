public import CommunityModel
public import Foundation

extension Ideas {
    /// Recomputes every zone's trending ranking as of `moment` and stores it as the zone's
    /// ``IdeaTrend`` (one transaction per zone). A zone whose stored ranking is already for
    /// `moment` or later is left alone, so overlapping runs write it once. Returns the zones ranked.
    @discardableResult
    public func refreshTrending(at moment: Date) throws -> [ID<IdeaZone>] {
        let zones = try engine.store.snapshot().all(IdeaZone.self).map(\.value).sorted { $0.id < $1.id }
        var ranked: [ID<IdeaZone>] = []
        for zone in zones {
            let done = try engine.store.write { tx -> Bool in
                if let existing = try tx.value(IdeaTrend.id(for: zone.id)), existing.computedAt >= moment { return false }
                let ideas = try tx.query(Query<Idea>().where("zoneID", equals: .reference(zone.id.rawValue))).map(\.value)
                    .filter { $0.mergedInto == nil && $0.publication == .published }
                let entries = ideas.map { IdeaTrend.Entry(ideaID: $0.id, score: $0.trendingScore(at: moment, halfLifeHours: zone.trendingHalfLifeHours)) }
                    .sorted { $0.score != $1.score ? $0.score > $1.score : $0.ideaID < $1.ideaID }
                try tx.put(IdeaTrend(id: IdeaTrend.id(for: zone.id), zoneID: zone.id, computedAt: moment, entries: entries))
                return true
            }
            if done { ranked.append(zone.id) }
        }
        return ranked
    }

    /// A zone's stored trending ranking (from ``refreshTrending(at:)``), keeping only ideas that
    /// are still published and not merged away since; `nil` when it was never computed.
    public func trend(of zoneID: ID<IdeaZone>) throws -> IdeaTrend? {
        let snapshot = engine.store.snapshot()
        guard var trend = try snapshot.value(IdeaTrend.id(for: zoneID)) else { return nil }
        trend.entries = try trend.entries.filter { entry in
            guard let idea = try snapshot.value(entry.ideaID) else { return false }
            return idea.publication == .published && idea.mergedInto == nil
        }
        return trend
    }
}
