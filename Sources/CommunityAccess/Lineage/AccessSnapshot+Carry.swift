public import CommunityModel

extension AccessSnapshot {
    /// The most recent answer kept for `key` by ``carry(_:for:)`` on this or an earlier snapshot of
    /// the same engine, with what changed since that snapshot: an answer that a caller can patch
    /// with the changed records instead of computing it again from scratch.
    ///
    /// `nil` when nothing is kept for the key, when the kept answer is from a later snapshot, when
    /// the changes in between are no longer known (the engine keeps the last few thousand steps
    /// and record changes; a bulk load is not listed), or when more than `maximumChanges` records
    /// changed. Snapshots that no engine published (what-if states) carry nothing.
    public func carriedAnswer<Key: Hashable & Sendable, Value: Sendable>(
        _ key: Key, as type: Value.Type, maximumChanges: Int
    ) -> (value: Value, changes: SnapshotChanges)? {
        guard let lineage, let entry = lineage.carried.entry(SnapshotMemo.Key(value: key)), let value = entry.value as? Value,
              let changes = lineage.journal.changes(after: entry.generation, through: lineage.generation, limit: maximumChanges)
        else { return nil }
        return (value, changes)
    }

    /// Keeps `value` as this snapshot's answer for `key`, for ``carriedAnswer(_:as:maximumChanges:)``
    /// on later snapshots (unless an answer from a later snapshot is kept already).
    public func carry<Key: Hashable & Sendable, Value: Sendable>(_ value: Value, for key: Key) {
        guard let lineage else { return }
        lineage.carried.store(value, generation: lineage.generation, for: SnapshotMemo.Key(value: key))
    }

    /// Whether ``forEachVisibleRecord(of:object:_:)`` visits the record for `user` (its object
    /// is listed for the user, it exists and the user may read it).
    public func isVisible(_ record: RecordHandle, to user: ID<User>) -> Bool {
        guard let u = state.userIDs.id(user), Int(record.index) < state.rows.count else { return false }
        let row = state.rows[Int(record.index)]
        guard row.alive, state.listingScope(u, row.object) != nil else { return false }
        return state.evaluate(u, record.index) >= .read
    }
}

/// Where a published snapshot stands in its engine's history: its generation, the engine's
/// journal of steps, and the answers carried between snapshots.
struct SnapshotLineage: Sendable {
    var generation: UInt64
    var journal: ChangeJournal
    var carried: CarriedAnswers
}
