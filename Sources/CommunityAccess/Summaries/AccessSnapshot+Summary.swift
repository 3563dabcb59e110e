public import CommunityModel
import Foundation

extension AccessSnapshot {
    /// Counts (and sums of `query.measure`) of the records of `query.object` the user may read,
    /// grouped by `query.groupBy`: the aggregate a pipeline or chart needs, without listing.
    ///
    /// The records are walked once, in the same order and with the same check a listing uses,
    /// so the answer always agrees with ``visibleRecords(of:object:filter:after:limit:)``; the
    /// cost grows with what the user can see. ``AccessEngine/summarizeVisible(of:_:)`` keeps
    /// answers between requests. Field-level security is the caller's concern
    /// (``fieldAccess(_:object:field:)``): this counts what the sharing model allows.
    public func summarizeVisible(of user: ID<User>, _ query: SummaryQuery) -> RecordSummary {
        guard let u = state.userIDs.id(user), let o = state.objects.id(query.object), state.listingScope(u, UInt16(o)) != nil
        else { return RecordSummary(groups: [], count: 0, sum: query.measure == nil ? nil : 0, asOf: sequence) }
        return walk(u, UInt16(o), query)
    }

    /// Who a summary is the same for: `nil` when the user may read none of the object, the
    /// user's dense index, or `.max` when the user reads every record of the object (then every
    /// such user gets the same answer).
    func summaryAudience(of user: ID<User>, object: EntityType) -> UInt32? {
        guard let u = state.userIDs.id(user), let o = state.objects.id(object), let readsAll = state.listingScope(u, UInt16(o))
        else { return nil }
        return readsAll ? .max : u
    }

    private func walk(_ u: UInt32, _ o: UInt16, _ query: SummaryQuery) -> RecordSummary {
        var groups: [FieldValue?: (count: Int, sum: CheckedSum)] = [:]
        var total = 0
        let measure = query.measure
        state.forEachVisible(u, o, from: 0, cache: listings) { i, _ in
            let record = state.entities[Int(i)].record
            if !query.conditions.isEmpty, !AccessState.matches(record, query.conditions) { return true }
            let key = record.value(of: query.groupBy)
            var entry = groups[key] ?? (0, CheckedSum())
            entry.count += 1
            if let measure {
                switch record.value(of: measure) {
                case .currency(let amount)?: entry.sum.add(amount)
                case .number(let amount)? where amount.isFinite: entry.sum.add(Decimal(amount))
                default: break
                }
            }
            groups[key] = entry
            total += 1
            return true
        }
        var sum = CheckedSum()
        let ordered = groups.map { key, entry in
            sum.add(entry.sum)
            return RecordSummary.Group(key: key, count: entry.count, sum: measure == nil ? nil : entry.sum.value)
        }.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, nil): false
            case (nil, _): false
            case (_, nil): true
            case let (x?, y?): x.description < y.description
            }
        }
        return RecordSummary(groups: ordered, count: total, sum: measure == nil ? nil : sum.value, asOf: sequence)
    }
}
