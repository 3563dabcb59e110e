public import CommunityModel

extension AccessSnapshot {
    /// The first `limit` records the user may read of each of several groups (records whose
    /// `field` equals one of `values`), in listing order, from a single pass over the listing.
    ///
    /// Each group holds exactly what ``visibleRecords(of:object:filter:after:limit:)`` with
    /// `.field(field, equals: value)` returns first, but one walk serves every group: it stops
    /// as soon as every group is full. A group known to have fewer records (its entry in
    /// `expectedCounts`, e.g. from a current ``summarizeVisible(of:_:)``) is full once it holds
    /// that many, so the walk does not go on looking for records that do not exist. A count
    /// that is too small ends that group early; leave it out when unsure.
    ///
    /// - Returns: Every value in `values`, mapped to its records (empty when none).
    public func visibleRecords(
        of user: ID<User>, object: EntityType, groupedBy field: String, values: [FieldValue], limit: Int,
        expectedCounts: [FieldValue: Int] = [:]
    ) -> [FieldValue: [VisibleRecord]] {
        var groups: [FieldValue: [VisibleRecord]] = [:]
        var wanted: [FieldValue: Int] = [:]
        // Values a record can match, under the filter's equality (text, picklist and lookup
        // values with the same text are equal): canonical key → the requested values.
        var byKey: [FieldValue: [FieldValue]] = [:]
        for value in values where wanted[value] == nil {
            groups[value] = []
            wanted[value] = max(0, min(limit, expectedCounts[value] ?? limit))
            byKey[Self.groupKey(value), default: []].append(value)
        }
        var open = wanted.values.filter { $0 > 0 }.count
        guard open > 0, let u = state.userIDs.id(user), let o = state.objects.id(object) else { return groups }
        state.forEachVisible(u, UInt16(o), from: 0, cache: listings) { i, level in
            let record = state.entities[Int(i)].record
            guard let v = record.value(of: field), let matching = byKey[Self.groupKey(v)] else { return true }
            for value in matching {
                guard let target = wanted[value], let held = groups[value]?.count, held < target else { continue }
                groups[value, default: []].append(VisibleRecord(record: record, handle: RecordHandle(index: i), access: level))
                if held + 1 == target { open -= 1 }
            }
            return open > 0
        }
        return groups
    }

    /// The key under which a value groups: equal for values a ``RecordFilter`` field equality
    /// treats as equal.
    static func groupKey(_ value: FieldValue) -> FieldValue {
        switch value {
        case .text(let x), .picklist(let x), .reference(let x): .text(x)
        default: value
        }
    }
}
