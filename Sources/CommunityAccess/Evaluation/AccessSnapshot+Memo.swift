extension AccessSnapshot {
    /// The answer kept with this snapshot for `key`, or the one `compute` gives (then kept, while
    /// the snapshot's memo has room). For answers that are a function of the snapshot and the key
    /// alone, such as a report's result for a viewer: copies of one published snapshot share the
    /// memo, and a snapshot published after a change starts with an empty one, so a kept answer
    /// is never stale. Keys of different callers should be of different types.
    public func memoized<Key: Hashable & Sendable, Value: Sendable, Failure: Error>(
        _ key: Key, compute: () throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let boxed = SnapshotMemo.Key(value: key)
        if let kept = memo.value(boxed) as? Value { return kept }
        let value = try compute()
        memo.store(value, for: boxed)
        return value
    }

    /// How many answers this snapshot keeps (``memoized(_:compute:)``).
    public var memoizedCount: Int { memo.count }
}
