public import CommunityModel

extension AccessSnapshot {
    /// Calls `body` with every record of `object` the user may read, in listing order, until it
    /// returns `false`: the walk a report engine aggregates over without building pages.
    ///
    /// The records and the check are the same as ``visibleRecords(of:object:filter:after:limit:)``
    /// uses, so what is visited always agrees with a listing; the cost grows with what the user
    /// can see. Field-level security is the caller's concern (``fieldAccess(_:object:field:)``).
    public func forEachVisibleRecord(of user: ID<User>, object: EntityType, _ body: (any Record) -> Bool) {
        guard let u = state.userIDs.id(user), let o = state.objects.id(object), state.listingScope(u, UInt16(o)) != nil else { return }
        state.forEachVisible(u, UInt16(o), from: 0) { i, _ in body(state.entities[Int(i)].record) }
    }

    /// Calls `body` with the handle and the record of every record of `object` the user may
    /// read, in listing (ascending handle) order, until it returns `false`: the same walk as
    /// ``forEachVisibleRecord(of:object:_:)``, for callers that keep records by handle.
    public func forEachVisibleHandle(of user: ID<User>, object: EntityType, _ body: (RecordHandle, any Record) -> Bool) {
        guard let u = state.userIDs.id(user), let o = state.objects.id(object), state.listingScope(u, UInt16(o)) != nil else { return }
        state.forEachVisible(u, UInt16(o), from: 0) { i, _ in body(RecordHandle(index: i), state.entities[Int(i)].record) }
    }

    /// Whether the user reads every record of `object` (View All, Modify All, a public default):
    /// then every such user sees the same records, and an aggregate over them can be shared.
    public func readsEveryRecord(of user: ID<User>, object: EntityType) -> Bool {
        guard let u = state.userIDs.id(user), let o = state.objects.id(object) else { return false }
        return state.listingScope(u, UInt16(o)) == true
    }
}
