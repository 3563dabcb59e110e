import Synchronization

/// Per-query working arrays, pooled so a search allocates nothing proportional to the index.
/// Every touched slot is reset before the scratch goes back to the pool.
struct ScoringScratch: Sendable {
    /// Per document of the segment being scored: one slot, so scoring a posting touches one
    /// cache line.
    var slots: [ScoreSlot] = []
    var typoCounters: [UInt16] = []
    /// The pruned path's bitsets over a segment's documents: the documents a search admits
    /// (matched as required, live, filtered, visible), and one unit's matches.
    var admitted: [UInt64] = []
    var unitMatches: [UInt64] = []
    /// Per query unit: its contribution to the document being scored.
    var unitValues = [Float](repeating: 0, count: ParsedQuery.maxUnits)
    /// How many documents the last search scored completely (for tests of pruning).
    var fullyScored = 0

    mutating func ensure(documents: Int) {
        if slots.count < documents { slots = [ScoreSlot](repeating: ScoreSlot(), count: documents) }
    }
}

/// What a search keeps of one document while it scores a segment.
struct ScoreSlot: Sendable {
    /// Which query units matched it (bit per unit).
    var matched: UInt64 = 0
    /// Its score so far.
    var score: Float = 0
    /// The best contribution of the unit being scored.
    var unitBest: Float = 0
    /// The unit `unitBest` belongs to (-1: none yet).
    var unitStamp: Int32 = -1
}

/// A small pool of scratches; taking or returning one holds the lock for a pointer swap.
final class ScratchPool: Sendable {
    private let pool = Mutex<[ScoringScratch]>([])

    func take() -> ScoringScratch { pool.withLock { $0.popLast() } ?? ScoringScratch() }

    func give(_ scratch: consuming ScoringScratch) {
        let s = scratch
        pool.withLock { if $0.count < 8 { $0.append(s) } }
    }
}
