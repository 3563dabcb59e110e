import Synchronization

/// Listing candidates of one snapshot, kept between requests: for each (user, object) whose
/// records come from the indexes, the ordered, distinct record rows some grant could give
/// the user (see `AccessState.indexedCandidates`).
///
/// Gathering and ordering the candidates of a manager high in the role tree touches hundreds
/// of thousands of rows, while a page needs a few dozen; with the list kept, a listing only
/// seeks to its cursor and checks records until the page is full. A snapshot never changes,
/// so an entry is never stale; every published snapshot starts with an empty cache.
///
/// Bounded by the number of rows held (``capacity``); the least recently used lists are
/// evicted first. The lock is held only to look up or store a list, never while one is
/// gathered, so readers never wait for a gathering (two readers may gather the same list at
/// once; both answers are identical).
final class ListingCache: Sendable {
    /// A user and an object, as dense ids.
    struct Key: Hashable, Sendable {
        var user: UInt32
        var object: UInt16
    }

    private struct Entry {
        var rows: [UInt32]
        var used: UInt64
    }

    private struct Contents {
        var entries: [Key: Entry] = [:]
        var held = 0
        var clock: UInt64 = 0
    }

    /// The most record rows kept over all lists (4 bytes each).
    let capacity: Int
    private let contents = Mutex(Contents())

    /// An empty cache holding at most `capacity` rows (8,000,000 by default: 32 MB).
    init(capacity: Int = 8_000_000) { self.capacity = max(0, capacity) }

    /// The kept list for `key`, or the one `gather` returns (then kept, when it fits).
    func candidates(_ key: Key, gather: () -> [UInt32]) -> [UInt32] {
        let kept: [UInt32]? = contents.withLock { c in
            guard c.entries[key] != nil else { return nil }
            c.clock &+= 1
            c.entries[key]?.used = c.clock
            return c.entries[key]?.rows
        }
        if let kept { return kept }
        let rows = gather()
        guard rows.count <= capacity else { return rows }
        contents.withLock { c in
            guard c.entries[key] == nil else { return }
            while c.held + rows.count > capacity, let oldest = c.entries.min(by: { $0.value.used < $1.value.used }) {
                c.held -= oldest.value.rows.count
                c.entries[oldest.key] = nil
            }
            c.clock &+= 1
            c.entries[key] = Entry(rows: rows, used: c.clock)
            c.held += rows.count
        }
        return rows
    }

    /// How many lists are kept (for tests and diagnostics).
    var count: Int { contents.withLock { $0.entries.count } }
}
