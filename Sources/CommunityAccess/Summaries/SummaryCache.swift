import Dispatch
import Synchronization

/// Who and what a kept summary answers: the query, and the user (or `.max` for everyone who
/// reads the whole object).
struct SummaryKey: Hashable, Sendable {
    var query: SummaryQuery
    var audience: UInt32
}

/// Summaries an engine has computed, kept between snapshots.
///
/// An answer computed from the current snapshot is returned as it is. After a change, a small
/// summary (one that walked fewer than ``SummaryRefreshPolicy/backgroundThreshold`` records)
/// is computed again at once, so it is always exact; a large one is returned as it was (its
/// ``RecordSummary/asOf`` says from when) while one background refresh computes it from the
/// newest snapshot — as a dashboard shows its last refresh rather than making every viewer
/// wait for a walk over hundreds of thousands of records. The lock is held only to look up
/// or store an answer, never while one is computed, so reads never wait for writes.
final class SummaryCache: Sendable {
    struct Entry: Sendable {
        var summary: RecordSummary
        var walked: Int
        var refreshing: Bool
    }

    static let capacity = 4_096
    private let entries = Mutex<[SummaryKey: Entry]>([:])
    let policy = Mutex(SummaryRefreshPolicy())

    func entry(_ key: SummaryKey) -> Entry? { entries.withLock { $0[key] } }

    func store(_ summary: RecordSummary, walked: Int, for key: SummaryKey) {
        entries.withLock { known in
            if let current = known[key], current.summary.asOf > summary.asOf { return }
            if known.count >= Self.capacity, known[key] == nil { known.removeAll(keepingCapacity: true) }
            known[key] = Entry(summary: summary, walked: walked, refreshing: false)
        }
    }

    /// Marks a refresh as started; `false` when one already is.
    func beginRefresh(_ key: SummaryKey) -> Bool {
        entries.withLock { known in
            guard var entry = known[key], !entry.refreshing else { return false }
            entry.refreshing = true
            known[key] = entry
            return true
        }
    }
}

/// When and where an ``AccessEngine`` refreshes large summaries.
public struct SummaryRefreshPolicy: Sendable {
    /// A summary that walked at least this many records is refreshed in the background after
    /// a change (the previous answer is served meanwhile); smaller ones are recomputed at once.
    public var backgroundThreshold: Int
    /// Runs a refresh; a global dispatch queue by default. Tests pass one that runs the work
    /// when they choose.
    public var executor: @Sendable (@escaping @Sendable () -> Void) -> Void

    /// A policy: 20,000 records, refreshed on a global dispatch queue unless an executor is given.
    public init(
        backgroundThreshold: Int = 20_000,
        executor: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil
    ) {
        self.backgroundThreshold = backgroundThreshold
        self.executor = executor ?? { work in DispatchQueue.global(qos: .utility).async(execute: work) }
    }
}
