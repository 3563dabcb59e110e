public import CommunityModel

extension AccessSnapshot {
    /// Records of an object the user may read, in a stable order, `limit` at a time.
    ///
    /// Answered from indexes (owner, account, role subtree, rules, shares), not by checking
    /// every record; the cost grows with what the user can see and with the page size.
    public func visibleRecords(
        of user: ID<User>, object: EntityType, filter: RecordFilter? = nil, after cursor: RecordCursor? = nil,
        limit: Int = 100
    ) -> RecordPage {
        guard let u = state.userIDs.id(user), let o = state.objects.id(object), limit > 0 else {
            return RecordPage(records: [], nextCursor: nil)
        }
        var out: [VisibleRecord] = []
        let start = cursor?.position ?? 0
        var last: UInt32 = 0
        var more = false
        state.forEachVisible(u, UInt16(o), from: start, cache: listings) { i, level in
            let record = state.entities[Int(i)].record
            if let filter, !filter.matches(record) { return true }
            if out.count == limit {
                more = true
                return false
            }
            out.append(VisibleRecord(record: record, handle: RecordHandle(index: i), access: level))
            last = i
            return true
        }
        return RecordPage(records: out, nextCursor: more ? RecordCursor(position: last + 1) : nil)
    }

    /// How many records of an object the user may read (matching the filter, if any).
    public func countVisibleRecords(of user: ID<User>, object: EntityType, filter: RecordFilter? = nil) -> Int {
        guard let u = state.userIDs.id(user), let o = state.objects.id(object) else { return 0 }
        var n = 0
        state.forEachVisible(u, UInt16(o), from: 0, cache: listings) { i, _ in
            if let filter {
                guard filter.matches(state.entities[Int(i)].record) else { return true }
            }
            n += 1
            return true
        }
        return n
    }

    /// Handles of every record of an object the user may read, in order.
    public func visibleHandles(of user: UserHandle, object: EntityType) -> [RecordHandle] {
        guard let o = state.objects.id(object) else { return [] }
        var out: [RecordHandle] = []
        state.forEachVisible(user.index, UInt16(o), from: 0, cache: listings) { i, _ in
            out.append(RecordHandle(index: i))
            return true
        }
        return out
    }
}
